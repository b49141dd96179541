package org.edward4j.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.checkpoints.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The shadows follow {@code s -= (1 - min(decay, n / (n + 1))) (s - v)} to the last bit: the ops
 * are IEEE float32 elementwise subtractions, multiplications and one division, so the same
 * operations in Java float arithmetic give identical values, and any other formula (another decay
 * schedule, zero debiasing, the decay applied to the other term) differs by far more than an ulp.
 */
class ExponentialMovingAverageTest {

  /** 0.75 is exact in float32; the schedule n / (n + 1) = 0, 0.5, 0.667 passes it at the third update. */
  private static final double DECAY = 0.75;

  @TempDir Path dir;

  /** One variable of three entries, set to a new value before each update, as a training step would. */
  private static final class Setup implements AutoCloseable {
    final ModelContext ctx = ModelContext.withSeed(7);
    final Variable<TFloat32> w = ctx.scope("Gen").getVariable("w", Shape.of(3), Initializers.zeros());
    final Variable<TFloat32> b = ctx.scope("Gen").getVariable("b", Shape.scalar(), Initializers.zeros());
    final ExponentialMovingAverage ema = ExponentialMovingAverage.create(ctx, "GenAverage", List.of(w, b), DECAY);
    final Placeholder<TFloat32> value = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
    final Op set = w.assign(ctx.tf(), value);

    void step(float[] v) {
      try (TFloat32 t = TFloat32.vectorOf(v)) {
        ctx.run(ctx.runner().feed(value, t).addTarget(set)).close();
      }
      ctx.run(ctx.runner().addTarget(ema.update())).close();
    }

    float[] shadow() {
      return ctx.eval(ema.average(w)).data();
    }

    @Override
    public void close() {
      ctx.close();
    }
  }

  private static float[] weights(int t) {
    return new float[] {0.1f * t + 1, -3f / (t + 1), (float) Math.sin(t)};
  }

  /** The formula in float32, in the order the graph computes it. */
  private static float[] expected(int steps) {
    float[] s = new float[3];
    for (int t = 0; t < steps; t++) {
      float n = t;
      float d = Math.min((float) DECAY, n / (n + 1f));
      float rate = 1f - d;
      float[] v = weights(t);
      for (int i = 0; i < 3; i++) {
        s[i] = s[i] - rate * (s[i] - v[i]);
      }
    }
    return s;
  }

  @Test
  void shadowsFollowTheFormulaExactly() {
    try (Setup s = new Setup()) {
      assertEquals("GenAverage/Gen/w/average", s.ema.average(s.w).name());
      assertEquals("GenAverage/num_updates", s.ema.numUpdates().name());
      assertTrue(!s.ema.average(s.w).isTrainable() && !s.ema.numUpdates().isTrainable(), "shadows are not trained");
      s.step(weights(0));
      assertArrayEquals(weights(0), s.shadow(), 0f, "the first update copies the variable");
      for (int t = 1; t < 6; t++) {
        s.step(weights(t));
        assertArrayEquals(expected(t + 1), s.shadow(), 0f, "after update " + (t + 1));
      }
      assertEquals(6f, s.ctx.eval(s.ema.numUpdates()).data()[0]);
      assertEquals(0f, s.ctx.eval(s.ema.average(s.b)).data()[0], "a constant variable's average is itself");
    }
  }

  @Test
  void copyToVariablesHandsTheAverageToTheVariable() {
    try (Setup s = new Setup()) {
      for (int t = 0; t < 4; t++) {
        s.step(weights(t));
      }
      s.ctx.run(s.ctx.runner().addTarget(s.ema.copyToVariables())).close();
      assertArrayEquals(expected(4), s.ctx.eval(s.w).data(), 0f);
      assertArrayEquals(expected(4), s.shadow(), 0f, "the shadow is kept");
    }
  }

  @Test
  void aRestoredAverageContinuesAsAnUninterruptedOne() {
    try (Setup first = new Setup()) {
      for (int t = 0; t < 3; t++) {
        first.step(weights(t));
      }
      Checkpoints.save(first.ctx, dir);
    }
    try (Setup resumed = new Setup()) {
      Checkpoints.restore(resumed.ctx, dir);
      assertEquals(3f, resumed.ctx.eval(resumed.ema.numUpdates()).data()[0], "the count is restored");
      for (int t = 3; t < 6; t++) {
        resumed.step(weights(t));
      }
      assertArrayEquals(expected(6), resumed.shadow(), 0f);
    }
  }

  @Test
  void badArgumentsAreNamed() {
    try (ModelContext ctx = ModelContext.withSeed(1); ModelContext other = ModelContext.withSeed(1)) {
      Variable<TFloat32> w = ctx.scope("Gen").getVariable("w", Shape.of(2), Initializers.zeros());
      Variable<TFloat32> foreign = other.scope("Gen").getVariable("w", Shape.of(2), Initializers.zeros());
      for (double decay : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ExponentialMovingAverage.create(ctx, "A", List.of(w), decay));
        assertEquals("`decay` must be in (0, 1), got " + decay, e.getMessage());
      }
      assertTrue(assertThrows(IllegalArgumentException.class,
          () -> ExponentialMovingAverage.create(ctx, "A", List.of(), 0.9)).getMessage().contains("`variables`"));
      assertTrue(assertThrows(IllegalArgumentException.class,
          () -> ExponentialMovingAverage.create(ctx, "A", List.of(w, w), 0.9)).getMessage().contains("twice"));
      assertTrue(assertThrows(IllegalArgumentException.class,
          () -> ExponentialMovingAverage.create(ctx, "A", List.of(foreign), 0.9)).getMessage()
          .contains("another context"));
      assertEquals(1, ctx.variables().size(), "a rejected average creates no variable");
    }
  }
}
