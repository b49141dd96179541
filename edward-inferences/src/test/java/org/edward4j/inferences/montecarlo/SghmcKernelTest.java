package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.tensorflow.op.Ops;

class SghmcKernelTest {

  private static final int T = 400;
  private static final int K = 4000;

  /**
   * With full data the gradient is exact and linear, so each chain's (u = z - m, v) follows the
   * linear recursion {@code u' = u + v}, {@code v' = -eta 51 u' + (1 - alpha) v + noise} of
   * variance {@code 2 alpha eta}: its mean and covariance at every step follow exactly. The draws
   * are biased against N(m, 1/51) because nothing corrects the discretization (at Edward's step
   * size 0.025 and friction 0.1 the stationary variance is a few percent off), and the chains start
   * at 0 with zero velocity. The K chains at the last step are independent draws of that known
   * distribution.
   */
  @Test
  void chainsFollowTheSghmcRecursionAndItsKnownBias() {
    NormalNormal model = new NormalNormal(6);
    SghmcKernel sghmc = SghmcKernel.builder().stepSize(0.025).friction(0.1).build();
    float[] last;
    try (ModelContext ctx = ModelContext.withSeed(22)) {
      Ops tf = ctx.tf();
      VariableScope scope = ctx.scope("qmu");
      SampleStore store = NormalNormal.store(scope, T, K);
      KernelStep step = sghmc.step(scope, model.logJoint(tf), store.current(tf));
      last = NormalNormal.run(ctx, store, store.record(tf, step))[T - 1];
    }
    double eta = sghmc.learningRate();
    double alpha = sghmc.friction() / 2;
    double k = eta * NormalNormal.PRECISION;
    double[][] a = {{1, 1}, {-k, 1 - alpha - k}};
    double[] mean = {-model.posteriorMean, 0};
    double[][] cov = {{0, 0}, {0, 0}};
    for (int t = 0; t < T; t++) {
      mean = new double[] {a[0][0] * mean[0] + a[0][1] * mean[1], a[1][0] * mean[0] + a[1][1] * mean[1]};
      double[][] next = new double[2][2];
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 2; q++) {
              next[i][j] += a[i][p] * cov[p][q] * a[j][q];
            }
          }
        }
      }
      next[1][1] += 2 * alpha * eta;
      cov = next;
    }
    double predictedMean = model.posteriorMean + mean[0];
    double var = cov[0][0];
    double exactVar = 1 / NormalNormal.PRECISION;
    // K independent draws: mean within 4.5 standard errors, variance within 4.5 sd (sqrt(2/K) relative).
    assertEquals(predictedMean, NormalNormal.mean(last), 4.5 * Math.sqrt(var / K), "mean against the recursion");
    assertEquals(1.0, NormalNormal.variance(last) / var, 4.5 * Math.sqrt(2.0 / K), "variance against the recursion");
    // Against the exact posterior, the tolerance adds the recursion's known bias.
    assertEquals(model.posteriorMean, NormalNormal.mean(last),
        Math.abs(predictedMean - model.posteriorMean) + 4.5 * Math.sqrt(var / K), "mean against the posterior");
    assertEquals(1.0, NormalNormal.variance(last) / exactVar,
        Math.abs(var / exactVar - 1) + 4.5 * Math.sqrt(2.0 / K) * var / exactVar, "variance against the posterior");
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SghmcKernel.builder().friction(0));
    assertEquals("`friction` must be in (0, 2], got 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SghmcKernel.builder().stepSize(Double.POSITIVE_INFINITY));
    assertEquals("`stepSize` must be positive and finite, got Infinity", e.getMessage());
    SghmcKernel sghmc = SghmcKernel.builder().build();
    assertEquals(0.0025, sghmc.learningRate(), 1e-15);
    assertTrue(sghmc.toString().contains("friction=0.1"));
  }
}
