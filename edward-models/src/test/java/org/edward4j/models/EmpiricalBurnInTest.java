package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.Variable;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** {@link Empirical} as Monte Carlo's posterior: moments and draws from the stored samples after burn-in. */
class EmpiricalBurnInTest extends GraphTestBase {

  private static final float[] DRAWS = {50f, 60f, 1f, 2f, 4f, 8f, 16f};

  @Test
  void momentsUseOnlyTheDrawsAfterBurnIn() {
    Empirical all = Empirical.of(scope, DRAWS);
    Empirical kept = all.withBurnIn(2);
    assertEquals(5, kept.numSamples());
    // Written out: mean of {1, 2, 4, 8, 16} = 6.2, population variance (Edward divides by n) 29.76.
    assertEquals(6.2f, ctx.eval(kept.mean()).data()[0], 1e-5f);
    assertEquals((float) Math.sqrt(29.76), ctx.eval(kept.stddev()).data()[0], 1e-5f);
    assertEquals(20.14286f, ctx.eval(all.mean()).data()[0], 1e-4f);
    assertEquals(6.2f, ctx.eval(all.withBurnIn(0).withBurnIn(2).mean()).data()[0], 1e-5f);
  }

  @Test
  void drawsComeOnlyFromTheKeptSamplesUniformly() {
    Empirical kept = Empirical.of(scope, DRAWS).withBurnIn(2);
    float[] draws = ctx.eval(kept.sample(5000)).data();
    Map<Float, Integer> counts = new HashMap<>();
    for (float d : draws) {
      counts.merge(d, 1, Integer::sum);
    }
    assertEquals(5, counts.size(), "only the five kept values: " + counts);
    for (float v : new float[] {1f, 2f, 4f, 8f, 16f}) {
      // Binomial(5000, 0.2): sd 28.3 around 1000; 4.5 sd.
      assertEquals(1000, counts.getOrDefault(v, 0), 4.5 * Math.sqrt(5000 * 0.2 * 0.8), "count of " + v);
    }
  }

  @Test
  void rowsOfVectorDrawsAreDroppedWhole() {
    Empirical e = Empirical.of(scope, constant(new long[] {4, 2}, 100f, -100f, 1f, 10f, 3f, 20f, 5f, 30f));
    Empirical kept = e.withBurnIn(1);
    assertEquals(Shape.of(2), kept.eventShape());
    assertArrayEquals(new float[] {3f, 20f}, ctx.eval(kept.mean()).data(), 1e-5f);
  }

  @Test
  void readsTheDrawsStoredWhenItRuns() {
    // Monte Carlo inference writes its draws into a params variable after the Empirical is built.
    Variable<TFloat32> params = scope.getVariable("params", Shape.of(4), Initializers.zeros());
    Empirical kept = Empirical.of(scope, params).withBurnIn(1);
    assertEquals(0f, ctx.eval(kept.mean()).data()[0]);
    try (var r = ctx.run(ctx.session().runner().addTarget(params.assign(tf, vector(100f, 1f, 2f, 6f))))) {
      assertEquals(0, r.size());
    }
    assertEquals(3f, ctx.eval(kept.mean()).data()[0], 1e-6f);
  }

  @Test
  void javadocExampleRuns() {
    // From Empirical's Javadoc:
    Empirical qz = Empirical.of(scope, new float[] {0.1f, 0.4f, 0.4f, 0.9f});
    org.tensorflow.Operand<TFloat32> posteriorMean = qz.mean(); // 0.45
    org.tensorflow.Operand<TFloat32> afterBurnIn = qz.withBurnIn(2).mean(); // 0.65
    assertEquals(0.45f, ctx.eval(posteriorMean).data()[0], 1e-6f);
    assertEquals(0.65f, ctx.eval(afterBurnIn).data()[0], 1e-6f);
  }

  @Test
  void rejectsABurnInThatLeavesNothing() {
    Empirical e = Empirical.of(scope, DRAWS);
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.withBurnIn(7));
    assertTrue(ex.getMessage().startsWith("`n` must leave at least one of the 7 samples of"), ex.getMessage());
    ex = assertThrows(IllegalArgumentException.class, () -> e.withBurnIn(-1));
    assertEquals("`n` must be non-negative, got -1", ex.getMessage());
  }
}
