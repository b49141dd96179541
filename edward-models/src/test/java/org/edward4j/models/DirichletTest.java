package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.edward4j.models.BadInputTest.assertMessage;
import static org.edward4j.models.LogProbTest.assertClose;
import static org.edward4j.models.MomentsTest.assertWithinStandardErrors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.edward4j.core.TensorValue;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Dirichlet against closed forms written here: density at random simplex points, moments,
 * entropy, KL against Monte Carlo, marginals {@code x_i ~ Beta(a_i, a_0 - a_i)} by KS/DKW at
 * alpha 1e-6 on 100,000 draws, covariances within 6 standard errors (2e-9 two-sided each), and
 * the reparameterization gradient in expectation.
 */
class DirichletTest extends GraphTestBase {

  static final int N = 100_000;
  static final float[] A = {0.8f, 2f, 3.5f};

  /** {@code sum (a_i - 1) log x_i - sum lgamma(a_i) + lgamma(a_0)}, in double precision. */
  static double logDensity(double[] a, double[] x) {
    double a0 = 0;
    double lp = 0;
    for (int i = 0; i < a.length; i++) {
      a0 += a[i];
      lp += (a[i] - 1) * Math.log(x[i]) - Families.logGamma(a[i]);
    }
    return lp + Families.logGamma(a0);
  }

  @Test
  void logProbMatchesTheClosedFormAtRandomSimplexPoints() {
    Random rng = new Random(7);
    int m = 20;
    float[] x = new float[3 * m];
    double[] expected = new double[m];
    for (int r = 0; r < m; r++) {
      double u = 0.02 + 0.96 * rng.nextDouble();
      double v = 0.02 + (0.98 - u) * rng.nextDouble();
      x[3 * r] = (float) u;
      x[3 * r + 1] = (float) v;
      x[3 * r + 2] = 1f - x[3 * r] - x[3 * r + 1];
      expected[r] = logDensity(new double[] {A[0], A[1], A[2]}, new double[] {x[3 * r], x[3 * r + 1], x[3 * r + 2]});
    }
    Dirichlet d = Dirichlet.of(scope, A);
    assertClose("Dirichlet(0.8, 2, 3.5)", expected, eval(d.logProb(constant(new long[] {m, 3}, x))));
  }

  @Test
  void batchedConcentrationsGiveOneDensityPerRow() {
    Dirichlet d = Dirichlet.of(scope, constant(new long[] {2, 2}, 1f, 1f, 2f, 5f));
    assertArrayEquals(new long[] {2}, d.batchShape().asArray());
    assertArrayEquals(new long[] {2}, d.eventShape().asArray());
    TensorValue lp = ctx.eval(d.logProb(vector(0.3f, 0.7f)));
    assertArrayEquals(new long[] {2}, lp.shape());
    // Dirichlet(1, 1) is uniform on the segment (density 1); Dirichlet(2, 5) is Beta(2, 5).
    assertClose("rows", new double[] {0, new BetaDistribution(2, 5).logDensity(0.3)}, lp.data());
  }

  @Test
  void outsideTheSimplexIsMinusInfinityNotNaN() {
    Dirichlet d = Dirichlet.of(scope, A);
    float[] lp = eval(d.logProb(constant(new long[] {3, 3}, -0.1f, 0.6f, 0.5f, 0.5f, 0.5f, 0.5f, 0f, 0.5f, 0.5f)));
    assertEquals(Float.NEGATIVE_INFINITY, lp[0], "negative coordinate");
    assertEquals(Float.NEGATIVE_INFINITY, lp[1], "sum 1.5");
    // x_0 = 0 with a_0 < 1: the density is infinite there, a limit, not NaN.
    assertEquals(Float.POSITIVE_INFINITY, lp[2], "boundary with a_0 < 1");
  }

  @Test
  void momentsModeAndEntropyMatchClosedForms() {
    Dirichlet d = Dirichlet.of(scope, A);
    double a0 = A[0] + A[1] + A[2];
    float[] mean = eval(d.mean());
    float[] var = eval(d.variance());
    float[] sd = eval(d.stddev());
    for (int i = 0; i < 3; i++) {
      assertEquals(A[i] / a0, mean[i], 1e-6);
      double v = A[i] * (a0 - A[i]) / (a0 * a0 * (a0 + 1));
      assertEquals(v, var[i], 1e-6);
      assertEquals(Math.sqrt(v), sd[i], 1e-6);
    }
    // a_0 = 0.8 < 1: no interior mode.
    float[] mode = eval(d.mode());
    assertTrue(Float.isNaN(mode[0]) && Float.isNaN(mode[2]), "mode undefined");
    Dirichlet peaked = Dirichlet.of(scope, new float[] {2f, 3f, 5f});
    assertArrayEquals(new float[] {1f / 7, 2f / 7, 4f / 7}, eval(peaked.mode()), 1e-6f);
    double entropy = -Families.logGamma(a0) + (a0 - 3) * Families.digamma(a0);
    for (float a : A) {
      entropy += Families.logGamma(a) - (a - 1) * Families.digamma(a);
    }
    assertEquals(entropy, eval(d.entropy())[0], 2e-5 * Math.max(1, Math.abs(entropy)));
  }

  @Test
  void drawsHaveBetaMarginalsAndTheRightCovariance() {
    Dirichlet d = Dirichlet.of(scope, A);
    TensorValue draws = ctx.eval(d.sample(N));
    assertArrayEquals(new long[] {N, 3}, draws.shape());
    float[] x = draws.data();
    double a0 = A[0] + A[1] + A[2];
    for (int i = 0; i < 3; i++) {
      float[] xi = MultivariateChecks.column(x, 3, i);
      assertMatchesCdf("marginal " + i, xi, new BetaDistribution(A[i], a0 - A[i])::cumulativeProbability, 1e-6);
    }
    for (int r = 0; r < N; r++) {
      assertEquals(1f, x[3 * r] + x[3 * r + 1] + x[3 * r + 2], 1e-5f, "draw " + r + " sums to 1");
    }
    MultivariateChecks.assertCovariance("Dirichlet", x, 3, 0, 1, -A[0] * A[1] / (a0 * a0 * (a0 + 1)), 6);
    MultivariateChecks.assertCovariance("Dirichlet", x, 3, 1, 2, -A[1] * A[2] / (a0 * a0 * (a0 + 1)), 6);
    // The entropy is -E[log p(x)]: a Monte Carlo check of the closed form on the same draws.
    double[] minusLogP = new double[N];
    for (int r = 0; r < N; r++) {
      minusLogP[r] = -logDensity(new double[] {A[0], A[1], A[2]}, new double[] {x[3 * r], x[3 * r + 1], x[3 * r + 2]});
    }
    assertWithinStandardErrors("entropy", minusLogP, eval(d.entropy())[0], 6);
  }

  @Test
  void klMatchesAMonteCarloEstimate() {
    double[] a = {2, 1, 3};
    double[] b = {1, 1.5, 0.7};
    Dirichlet p = Dirichlet.of(scope, new float[] {2f, 1f, 3f});
    Dirichlet q = Dirichlet.of(scope, new float[] {1f, 1.5f, 0.7f});
    float kl = eval(p.klDivergence(q).orElseThrow())[0];
    float[] x = eval(p.sample(50_000));
    double[] ratios = new double[50_000];
    for (int r = 0; r < ratios.length; r++) {
      double[] xr = {x[3 * r], x[3 * r + 1], x[3 * r + 2]};
      ratios[r] = logDensity(a, xr) - logDensity(b, xr);
    }
    assertWithinStandardErrors("KL(Dirichlet || Dirichlet)", ratios, kl, 6);
    assertEquals(0f, eval(p.klDivergence(p).orElseThrow())[0], 1e-5f);
    assertMessage(() -> p.klDivergence(Dirichlet.of(scope, new float[] {1f, 1f})), "`other` must have event shape [3]");
  }

  @Test
  void logProbGradientMatchesFiniteDifferences() {
    Placeholder<TFloat32> a = placeholder(3);
    Operand<TFloat32> x = constant(new long[] {2, 3}, 0.2f, 0.3f, 0.5f, 0.6f, 0.1f, 0.3f);
    GradientCheck.assertGradient(ctx, a, Dirichlet.of(scope, a).logProb(x), new float[] {0.8f, 2f, 3.5f}, 1e-2, 1e-2);
  }

  /** Per-draw gradients of x_0 average to d E[x_0] / d a_j = (delta_0j a_0 - a_0) / a_0^2... written out below. */
  @Test
  void reparameterizedDrawGradientsAverageToTheMeanGradient() {
    int n = 20_000;
    Placeholder<TFloat32> a = placeholder(n, 3);
    float[] feed = new float[3 * n];
    for (int r = 0; r < n; r++) {
      System.arraycopy(new float[] {2f, 3f, 5f}, 0, feed, 3 * r, 3);
    }
    Dirichlet d = Dirichlet.of(scope, a);
    assertTrue(d.isReparameterized());
    Operand<TFloat32> first = tf.reduceSum(tf.slice(d, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1})),
        tf.constant(new int[] {0, 1}));
    Operand<TFloat32> grad = tf.gradients(first, List.of(a)).dy(0);
    float[] g = evalAll(Map.of(a, feed), List.of(grad)).get(0).data();
    double a0 = 10;
    // E[x_0] = a_0 / a_sum: d/da_0 = (a_sum - a_0) / a_sum^2, d/da_j = -a_0 / a_sum^2.
    double[] expected = {(a0 - 2) / (a0 * a0), -2 / (a0 * a0), -2 / (a0 * a0)};
    for (int j = 0; j < 3; j++) {
      double[] col = new double[n];
      for (int r = 0; r < n; r++) {
        col[r] = g[3 * r + j];
      }
      assertWithinStandardErrors("d x_0 / d a_" + j, col, expected[j], 6);
    }
  }

  @Test
  void badInputIsRejectedBeforeAnyOp() {
    assertMessage(() -> Dirichlet.of(scope, new float[] {1f, -0.5f}), "`concentration` must be positive and finite, got -0.5 at flat index 1");
    assertMessage(() -> Dirichlet.of(scope, new float[] {1f, 0f}), "`concentration` must be positive and finite, got 0.0");
    assertMessage(() -> Dirichlet.of(scope, scalar(1)), "`concentration` must have at least 1 axes (the event), got []");
    assertMessage(() -> Dirichlet.builder(scope).build(), "`concentration` must be given for Dirichlet");
  }

  @Test
  void withParametersRebuildsTheFamily() {
    Dirichlet d = Dirichlet.of(scope, A);
    AbstractRandomVariable<TFloat32> copy = d.withParameters(Map.of("concentration", vector(1f, 1f, 2f)));
    assertTrue(copy instanceof Dirichlet);
    assertArrayEquals(new float[] {0.25f, 0.25f, 0.5f}, eval(copy.mean()), 1e-6f);
  }
}
