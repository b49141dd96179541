package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The importance-sampled marginal likelihood on z_m ~ N(0, 1), x_m | z_m ~ N(z_m, s^2): p(x_m) =
 * N(x_m; 0, 1 + s^2), and the exact posterior is N(x_m / (1 + s^2), s / sqrt(1 + s^2)).
 */
class MarginalLikelihoodTest {

  static final float[] X = {-2.0f, -0.3f, 0.0f, 0.7f, 3.1f};
  static final double S = 0.6;

  static double exactLogMarginal(double x) {
    double v = 1 + S * S;
    return -0.5 * Math.log(2 * Math.PI * v) - x * x / (2 * v);
  }

  /** With q the exact posterior every weight p(x, z) / q(z | x) is p(x), so any K is exact. */
  @Test
  void isExactWithTheExactPosteriorForAnyK() {
    for (int k : new int[] {1, 7}) {
      try (ModelContext ctx = ModelContext.withSeed(8)) {
        Ops tf = ctx.tf();
        Placeholder<TFloat32> xPh = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(X.length)));
        VariableScope model = ctx.scope("model");
        Normal z = Normal.builder(model).loc(tf.zeros(tf.constant(new int[] {X.length}), TFloat32.class)).scale(1.0).build();
        Normal x = Normal.builder(model).loc(z).scale(S).build();
        double v = 1 + S * S;
        Normal qz = Normal.builder(ctx.scope("q")).loc(tf.math.div(xPh, tf.constant((float) v)))
            .scale(S / Math.sqrt(v)).build();
        // K = 7 over runs of 3 samples checks the partial last run as well.
        MarginalLikelihood ml = MarginalLikelihood.builder(Map.of(z, qz), Map.of(x, xPh)).samples(k).samplesPerRun(3).build();
        double[] got = ml.logMarginal(Map.of(xPh, X));
        for (int i = 0; i < X.length; i++) {
          // float32 log densities of size ~5 carry ~1e-6 relative rounding; 1e-4 absolute covers it.
          assertEquals(exactLogMarginal(X[i]), got[i], 1e-4, "log p(x) for x = " + X[i] + ", K = " + k);
        }
      }
    }
  }

  /**
   * With a proposal other than the posterior the weights vary, and the estimate is a stochastic
   * lower bound that tightens as K grows: at K = 2000 it is within Monte Carlo error of log p(x).
   */
  @Test
  void convergesWithAnInexactProposal() {
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> xPh = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(X.length)));
      VariableScope model = ctx.scope("model");
      Normal z = Normal.builder(model).loc(tf.zeros(tf.constant(new int[] {X.length}), TFloat32.class)).scale(1.0).build();
      Normal x = Normal.builder(model).loc(z).scale(S).build();
      Normal qz = Normal.builder(ctx.scope("q")).loc(tf.math.mul(xPh, tf.constant(0.5f))).scale(1.0).build();
      MarginalLikelihood ml = MarginalLikelihood.builder(Map.of(z, qz), Map.of(x, xPh)).samples(2000).samplesPerRun(20).build();
      double[] got = ml.logMarginal(Map.of(xPh, X));
      for (int i = 0; i < X.length; i++) {
        // The proposal N(x/2, 1) is wider than the posterior (sd 0.51), so the weights have finite
        // variance: their relative sd, sqrt(E_q[(p/q)^2] - 1) by quadrature, is 0.69-1.00 for
        // these x. The log of a mean of 2000 weights then has sd at most 1.0 / sqrt(2000) = 0.022
        // and a bias of about -var/2K = -2.5e-4; 0.12 is over 5 sd.
        assertEquals(exactLogMarginal(X[i]), got[i], 0.12, "log p(x) for x = " + X[i]);
      }
    }
  }

  @Test
  void rejectsBadInput() {
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> xPh = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(X.length)));
      Normal z = Normal.builder(ctx.scope("model")).loc(tf.zeros(tf.constant(new int[] {X.length}), TFloat32.class)).scale(1.0).build();
      Normal x = Normal.builder(ctx.scope("model")).loc(z).scale(S).build();
      Normal qz = Normal.builder(ctx.scope("q")).loc(xPh).scale(1.0).build();
      assertThrows(IllegalArgumentException.class, () -> MarginalLikelihood.builder(Map.of(z, qz), Map.of(x, xPh)).samples(0));
      MarginalLikelihood ml = MarginalLikelihood.builder(Map.of(z, qz), Map.of(x, xPh)).build();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ml.logMarginal(Map.of()));
      assertTrue(e.getMessage().contains(xPh.op().name()), e.getMessage());
      Normal global = Normal.of(ctx.scope("model"), 0.0, 1.0);
      Normal y = Normal.builder(ctx.scope("model")).loc(global).scale(1.0).sampleShape(X.length).build();
      Normal qg = Normal.of(ctx.scope("q"), 0.0, 1.0);
      e = assertThrows(IllegalArgumentException.class, () -> MarginalLikelihood.builder(Map.of(global, qg), Map.of(y, xPh)).build());
      assertTrue(e.getMessage().contains("first axis"), e.getMessage());
    }
  }
}
