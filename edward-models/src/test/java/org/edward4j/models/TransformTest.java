package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.edward4j.core.TensorValue;
import org.edward4j.models.bijectors.Bijectors;
import org.edward4j.models.bijectors.Support;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

/** Edward's {@code tests/util/transform_test.py}, plus the change-of-variables densities. */
class TransformTest extends GraphTestBase {

  /** Edward's test_args/test_kwargs: a softplus of N(-100, 1) draws only nonnegative values. */
  @Test
  void givenBijectorIsApplied() {
    TransformedDistribution y = Transform.transform(Normal.of(scope, -100.0, 1.0), Bijectors.softplus());
    for (float v : eval(y.sample(10))) {
      assertTrue(v >= 0f, "softplus draw " + v);
    }
  }

  /** Edward's test_01, test_nonnegative, test_simplex: both signs appear among unconstrained draws. */
  @Test
  void constrainedSupportsBecomeUnconstrained() {
    assertPositiveAndNegative(Transform.transform(Beta.of(scope, 1.0, 1.0)), 1);
    assertPositiveAndNegative(Transform.transform(Gamma.of(scope, 1.0, 1.0)), 1);
    AbstractRandomVariable<TFloat32> simplex = Transform.transform(Dirichlet.of(scope, new float[] {1.1f, 1.2f, 1.3f, 1.4f}));
    assertArrayEquals(new long[] {3}, simplex.eventShape().asArray(), "K = 4 simplex entries become 3 reals");
    assertEquals(Support.REAL, Supports.of(simplex));
    assertPositiveAndNegative(simplex, 3);
  }

  /** Edward's test_real and test_multivariate_real: real supports are returned as they are. */
  @Test
  void realSupportsAreLeftAlone() {
    Normal x = Normal.of(scope, 0.0, 1.0);
    assertSame(x, Transform.transform(x));
    MultivariateNormalDiag mvn = MultivariateNormalDiag.of(scope, new float[] {0f, 0f}, new float[] {1f, 1f});
    assertSame(mvn, Transform.transform(mvn));
  }

  /** Edward's test_unhandled_support: no default map for a discrete variable; a bad bijector's domain. */
  @Test
  void unhandledSupportsAndDomainsAreRejectedBeforeAnyOp() {
    Poisson counts = Poisson.of(scope, 3.0);
    BadInputTest.assertMessage(() -> Transform.transform(counts),
        "`x` must have a continuous support that transform handles");
    Normal normal = Normal.of(scope, 0.0, 1.0);
    int before = opCount();
    BadInputTest.assertMessage(() -> Transform.transform(normal, Bijectors.softplus().inverted()),
        "`bijector` InvertSoftplus must accept the support of `x`: its domain is POSITIVE, but Normal");
    assertEquals(before, opCount(), "no op built for a rejected bijector");
    Dirichlet theta = Dirichlet.of(scope, new float[] {1f, 2f});
    BadInputTest.assertMessage(() -> Transform.transform(theta, Bijectors.exp().inverted()),
        "`bijector` InvertExp must accept the support of `x`: its domain is POSITIVE, but Dirichlet");
  }

  /** log p_Y(y) = log Gamma(softplus(y); a, b) + log sigmoid(y), since x = softplus(y), dx/dy = sigmoid(y). */
  @Test
  void gammaDensityFollowsTheChangeOfVariables() {
    double a = 2.5;
    double b = 1.5;
    AbstractRandomVariable<TFloat32> y = Transform.transform(Gamma.of(scope, a, b));
    float[] at = {-2.0f, -0.3f, 0.4f, 1.7f};
    float[] got = eval(y.logProb(vector(at)));
    GammaDistribution g = new GammaDistribution(a, 1 / b);
    for (int i = 0; i < at.length; i++) {
      double x = Math.log1p(Math.exp(at[i]));
      double expected = g.logDensity(x) - Math.log1p(Math.exp(-at[i]));
      // float32 evaluation of lgamma, log and softplus: relative error ~1e-6 on terms of order 1-5.
      assertEquals(expected, got[i], 1e-4, "log p at " + at[i]);
    }
  }

  /** log p_Y(y) = log Beta(sigmoid(y); a, b) + log sigmoid(y) + log(1 - sigmoid(y)). */
  @Test
  void betaDensityFollowsTheChangeOfVariables() {
    AbstractRandomVariable<TFloat32> y = Transform.transform(Beta.of(scope, 2.0, 3.0));
    float[] at = {-1.5f, 0.0f, 2.2f};
    float[] got = eval(y.logProb(vector(at)));
    BetaDistribution beta = new BetaDistribution(2.0, 3.0);
    for (int i = 0; i < at.length; i++) {
      double x = 1 / (1 + Math.exp(-at[i]));
      assertEquals(beta.logDensity(x) + Math.log(x) + Math.log(1 - x), got[i], 1e-4, "log p at " + at[i]);
    }
  }

  /**
   * A Dirichlet on the 3-simplex mapped to R^2: log p_Y(y) = log Dir(f(y)) + log |det J|, with f the
   * centred stick-breaking map written here independently and its 2x2 Jacobian (of the first two
   * coordinates) taken by central differences in double precision.
   */
  @Test
  void dirichletDensityFollowsTheChangeOfVariables() {
    double[] alpha = {1.5, 2.0, 3.0};
    AbstractRandomVariable<TFloat32> y = Transform.transform(Dirichlet.of(scope, new float[] {1.5f, 2f, 3f}));
    double[][] points = {{0.1, -0.4}, {-1.2, 0.8}, {0.9, 1.1}};
    for (double[] u : points) {
      float lp = eval(y.logProb(vector((float) u[0], (float) u[1])))[0];
      double h = 1e-6;
      double[][] jac = new double[2][2];
      for (int j = 0; j < 2; j++) {
        double[] up = u.clone();
        double[] down = u.clone();
        up[j] += h;
        down[j] -= h;
        double[] fu = stickBreaking(up);
        double[] fd = stickBreaking(down);
        for (int i = 0; i < 2; i++) {
          jac[i][j] = (fu[i] - fd[i]) / (2 * h);
        }
      }
      double det = Math.abs(jac[0][0] * jac[1][1] - jac[0][1] * jac[1][0]);
      double[] x = stickBreaking(u);
      double logDir = org.apache.commons.math3.special.Gamma.logGamma(alpha[0] + alpha[1] + alpha[2]);
      for (int k = 0; k < 3; k++) {
        logDir += (alpha[k] - 1) * Math.log(x[k]) - org.apache.commons.math3.special.Gamma.logGamma(alpha[k]);
      }
      // Central differences with h = 1e-6 are accurate to ~1e-9 relative; float32 log terms to ~1e-5.
      assertEquals(logDir + Math.log(det), lp, 2e-4, "log p at (" + u[0] + ", " + u[1] + ")");
    }
  }

  /** Monte Carlo moments on request: exp of N(0.2, 0.5) is LogNormal, mean exp(0.2 + 0.125). */
  @Test
  void momentDrawsGiveMonteCarloMoments() {
    TransformedDistribution y = TransformedDistribution.builder(scope).distribution(Normal.of(scope, 0.2, 0.5))
        .bijector(Bijectors.exp()).momentDraws(20_000).build();
    double mean = Math.exp(0.2 + 0.125);
    double var = (Math.exp(0.25) - 1) * Math.exp(0.4 + 0.25);
    // Standard error of the mean sqrt(var / 20000) = 0.0047; 5 standard errors. The variance of
    // 20000 lognormal draws (sigma 0.5, kurtosis ~ 11) has a standard error of about 0.0067.
    assertEquals(mean, eval(y.mean())[0], 0.024);
    assertEquals(var, eval(y.variance())[0], 0.035);
    TransformedDistribution plain = TransformedDistribution.of(scope, Normal.of(scope, 0.0, 1.0), Bijectors.exp());
    assertThrows(UnsupportedOperationException.class, plain::mean);
    BadInputTest.assertMessage(() -> TransformedDistribution.builder(scope).momentDraws(1), "`momentDraws` must be 0 or at least 2, got 1");
  }

  /** The class documentation's example, verbatim. */
  @Test
  void javadocExample() {
    // --- Transform
    Gamma x = Gamma.of(scope, 1.0, 1.0);
    AbstractRandomVariable<TFloat32> y = Transform.transform(x);              // log(exp(x) - 1)
    AbstractRandomVariable<TFloat32> z = Transform.transform(x, Bijectors.exp().inverted()); // log x
    // ---
    assertEquals(Support.REAL, Supports.of(y));
    assertEquals(Support.REAL, Supports.of(z));
  }

  private void assertPositiveAndNegative(AbstractRandomVariable<TFloat32> y, int width) {
    assertInstanceOf(TransformedDistribution.class, y);
    TensorValue draws = ctx.eval(y.sample(200));
    float[] v = draws.data();
    for (int j = 0; j < width; j++) {
      boolean pos = false;
      boolean neg = false;
      for (int i = j; i < v.length; i += width) {
        pos |= v[i] > 0;
        neg |= v[i] < 0;
      }
      // With 200 draws, one sign missing in a coordinate whose median is near 0 has probability ~2^-200.
      assertTrue(pos && neg, "coordinate " + j + " draws of both signs");
    }
  }

  private int opCount() {
    int n = 0;
    var it = ctx.graph().operations();
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }

  /** Centred stick-breaking, R^(K-1) to the K-simplex: z_k = sigmoid(u_k - log(K - 1 - k)). */
  private static double[] stickBreaking(double[] u) {
    int k1 = u.length;
    double[] x = new double[k1 + 1];
    double remaining = 1;
    for (int k = 0; k < k1; k++) {
      double z = 1 / (1 + Math.exp(-(u[k] - Math.log(k1 - k))));
      x[k] = remaining * z;
      remaining *= 1 - z;
    }
    x[k1] = remaining;
    return x;
  }
}
