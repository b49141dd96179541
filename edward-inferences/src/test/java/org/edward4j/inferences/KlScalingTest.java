package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Edward's {@code kl_scaling}: the loss holds {@code alpha * KL(q || p)}, nothing else changes. */
class KlScalingTest {

  /** KL(N(m, s) || N(0, 1)), written independently of the library. */
  static double klToStandardNormal(double m, double s) {
    return Math.log(1 / s) + (s * s + m * m) / 2 - 0.5;
  }

  /** The loss of one update, before the step, of a model with q = N(1, 0.5) and 3 observations. */
  private static double firstLoss(double alpha, boolean withData, boolean viaKLqp) {
    try (ModelContext ctx = ModelContext.withSeed(7)) {
      VariableScope scope = ctx.scope("model");
      Normal z = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(z).scale(1.0).sampleShape(3).build();
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> loc = post.getVariable("loc", Shape.scalar(), Initializers.constant(1.0));
      Normal qz = Normal.builder(post).loc(loc).scale(0.5).build();
      Map<Operand<?>, Operand<?>> data = withData ? Map.of(x, ctx.tf().constant(new float[] {0.5f, 1f, 2f})) : Map.of();
      VariationalInference<KLqpOptions> inference = viaKLqp ? new KLqp(Map.of(z, qz), data)
          : new ReparameterizationKLKLqp(Map.of(z, qz), data);
      KLqpOptions.Builder options = KLqpOptions.builder().nIter(1).nPrint(0);
      if (alpha != 1) {
        options.klScaling(Map.of(z, alpha));
      }
      inference.initialize(options.build());
      return inference.update().loss();
    }
  }

  @Test
  void withoutDataTheLossIsTheScaledKl() {
    double kl = klToStandardNormal(1.0, 0.5);
    // No data: the loss is alpha * KL exactly, up to float32 rounding of a number near 1.
    assertEquals(3 * kl, firstLoss(3, false, false), 1e-5);
    assertEquals(0.25 * kl, firstLoss(0.25, false, true), 1e-5);
    assertEquals(kl, firstLoss(1, false, false), 1e-5);
  }

  @Test
  void withDataTheLossMovesByExactlyTheExtraKl() {
    double kl = klToStandardNormal(1.0, 0.5);
    // Same seed, same graph: the Monte Carlo likelihood term is the same draw in both runs, so the
    // difference is (alpha - 1) KL, up to float32 rounding of losses near 5.
    for (boolean viaKLqp : new boolean[] {false, true}) {
      double diff = firstLoss(4, true, viaKLqp) - firstLoss(1, true, viaKLqp);
      assertEquals(3 * kl, diff, 1e-5 * 20, "KLqp: " + viaKLqp);
    }
  }

  @Test
  void klqpRejectsKlScalingWithoutAClosedFormKl() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Bernoulli<TFloat32> z = Bernoulli.builder(scope).probs(0.5).dtype(TFloat32.class).build();
      Normal x = Normal.builder(scope).loc(z).scale(1.0).build();
      Variable<TFloat32> v = ctx.scope("q").getVariable("logits", Shape.scalar(), Initializers.zeros());
      Bernoulli<TFloat32> qz = Bernoulli.builder(ctx.scope("q")).logits(v).dtype(TFloat32.class).build();
      KLqp inference = new KLqp(Map.of(z, qz), Map.of(x, ctx.tf().constant(0.5f)));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> inference.initialize(KLqpOptions.builder().klScaling(Map.of(z, 2.0)).build()));
      assertTrue(e.getMessage().contains("klScaling") && e.getMessage().contains("SCORE_FUNCTION"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> KLqpOptions.builder().klScaling(Map.of(z, Double.NaN)));
      assertTrue(e.getMessage().contains("klScaling") && e.getMessage().contains("NaN"), e.getMessage());
    }
  }
}
