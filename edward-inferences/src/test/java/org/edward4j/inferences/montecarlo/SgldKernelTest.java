package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.tensorflow.op.Ops;

class SgldKernelTest {

  private static final int T = 300;
  private static final int K = 4000;

  /**
   * With full data the gradient is exact and linear, {@code -51 (z - m)}, so each chain is the
   * Gaussian recursion {@code z_t = z_{t-1} + (eps_t / 2) grad + sqrt(eps_t) e}: its mean and
   * variance at every step follow exactly from {@code a_t = 1 - 51 eps_t / 2}. The draws are biased
   * against the posterior N(m, 1/51) because nothing corrects the discretization: with Edward's
   * step size 0.1, after 300 steps eps = 0.0043 and the variance is about 6% too large (and the
   * chains forget their start only as fast as the shrinking steps allow). The K chains at the last
   * step are independent draws of that known distribution.
   */
  @Test
  void chainsFollowTheLangevinRecursionAndItsKnownBias() {
    NormalNormal model = new NormalNormal(5);
    SgldKernel sgld = SgldKernel.builder().stepSize(0.1).build();
    float[] last;
    try (ModelContext ctx = ModelContext.withSeed(21)) {
      Ops tf = ctx.tf();
      SampleStore store = NormalNormal.store(ctx.scope("qmu"), T, K);
      KernelStep step = sgld.step(ctx, tf, model.logJoint(tf), store.current(tf), store.t());
      last = NormalNormal.run(ctx, store, store.record(tf, step))[T - 1];
    }
    double mean = 0;
    double var = 0;
    for (int t = 0; t < T; t++) {
      double eps = sgld.learningRate(t);
      double a = 1 - NormalNormal.PRECISION * eps / 2;
      mean = model.posteriorMean + a * (mean - model.posteriorMean);
      var = a * a * var + eps;
    }
    double exactVar = 1 / NormalNormal.PRECISION;
    // K independent draws: mean within 4.5 standard errors, variance within 4.5 sd (sqrt(2/K) relative).
    assertEquals(mean, NormalNormal.mean(last), 4.5 * Math.sqrt(var / K), "mean against the recursion");
    assertEquals(1.0, NormalNormal.variance(last) / var, 4.5 * Math.sqrt(2.0 / K), "variance against the recursion");
    // Against the exact posterior, the tolerance adds the recursion's known bias.
    assertTrue(var > exactVar, "SGLD's draws are wider than the posterior");
    assertEquals(model.posteriorMean, NormalNormal.mean(last),
        Math.abs(mean - model.posteriorMean) + 4.5 * Math.sqrt(var / K), "mean against the posterior");
    assertEquals(1.0, NormalNormal.variance(last) / exactVar,
        Math.abs(var / exactVar - 1) + 4.5 * Math.sqrt(2.0 / K) * var / exactVar, "variance against the posterior");
  }

  @Test
  void stepSizesFollowEdwardsSchedule() {
    SgldKernel sgld = SgldKernel.builder().stepSize(0.5).build();
    assertEquals(0.5, sgld.learningRate(0), 0.0);
    assertEquals(0.5 / Math.pow(10, 0.55), sgld.learningRate(9), 1e-15);
    assertEquals("SgldKernel(stepSize=0.5)", sgld.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SgldKernel.builder().stepSize(0));
    assertEquals("`stepSize` must be positive and finite, got 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> sgld.learningRate(-1));
    assertEquals("`t` must be non-negative, got -1", e.getMessage());
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      VariableScope scope = ctx.scope("q");
      SampleStore store = NormalNormal.store(scope, 5, 3);
      e = assertThrows(IllegalArgumentException.class, () -> sgld.step(ctx, tf, new NormalNormal(1).logJoint(tf),
          store.current(tf), tf.constant(new long[] {1, 2})));
      assertEquals("`t` must be a scalar, got shape [2]", e.getMessage());
    }
  }
}
