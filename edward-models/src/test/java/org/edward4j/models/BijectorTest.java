package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.edward4j.core.TensorValue;
import org.edward4j.models.bijectors.Bijector;
import org.edward4j.models.bijectors.Bijectors;
import org.edward4j.models.bijectors.Support;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Bijectors and {@link TransformedDistribution}: round trips, log-determinants against the
 * Jacobian that TensorFlow's autodiff computes from {@code forward} (independent of the
 * hand-written formulas), densities against closed forms of known transformed families (the
 * log-normal, the logit-normal, an affine normal), draws by Kolmogorov-Smirnov (100,000 draws, DKW
 * bound at alpha 1e-6), and domain checks. Float32 tolerances as in {@link LogProbTest}.
 */
class BijectorTest extends GraphTestBase {

  static Stream<Arguments> elementwise() {
    float[] real = {-3f, -0.7f, 0f, 0.4f, 2.5f};
    float[] positive = {0.05f, 0.5f, 1f, 3f, 20f};
    return Stream.of(
        Arguments.of("Exp", (Supplier<Bijector>) Bijectors::exp, real),
        Arguments.of("Softplus", (Supplier<Bijector>) Bijectors::softplus, real),
        Arguments.of("Sigmoid", (Supplier<Bijector>) Bijectors::sigmoid, real),
        Arguments.of("Affine(-3, 0.5)", (Supplier<Bijector>) () -> Bijectors.affine(-3, 0.5), real),
        Arguments.of("Affine(1, -2)", (Supplier<Bijector>) () -> Bijectors.affine(1, -2), real),
        Arguments.of("Identity", (Supplier<Bijector>) Bijectors::identity, real),
        Arguments.of("Log = inverted Exp", (Supplier<Bijector>) () -> Bijectors.exp().inverted(), positive),
        Arguments.of("inverted Softplus", (Supplier<Bijector>) () -> Bijectors.softplus().inverted(), positive));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elementwise")
  void elementwiseRoundTripsAndLogDeterminants(String label, Supplier<Bijector> make, float[] at) {
    Bijector b = make.get();
    var x = placeholder(at.length);
    Operand<TFloat32> y = b.forward(tf, x);
    Operand<TFloat32> back = b.inverse(tf, y);
    Operand<TFloat32> dydx = tf.gradients(tf.reduceSum(y, tf.constant(0)), List.of(x)).dy(0);
    Operand<TFloat32> fldj = b.forwardLogDetJacobian(tf, x);
    Operand<TFloat32> ildj = b.inverseLogDetJacobian(tf, y);
    List<TensorValue> r = evalAll(Map.of(x, at), List.of(back, dydx, fldj, ildj));
    for (int i = 0; i < at.length; i++) {
      assertEquals(at[i], r.get(0).data()[i], 1e-5 * Math.max(1, Math.abs(at[i])), label + " inverse(forward(x))");
      double logAbs = Math.log(Math.abs(r.get(1).data()[i]));
      assertEquals(logAbs, r.get(2).data()[i], 2e-5 * Math.max(1, Math.abs(logAbs)), label + " forward log det at " + at[i]);
      assertEquals(-logAbs, r.get(3).data()[i], 2e-5 * Math.max(1, Math.abs(logAbs)), label + " inverse log det");
    }
  }

  /** K = 3: the forward Jacobian of the first two coordinates, by autodiff, against the log-determinant. */
  @Test
  void stickBreakingMapsOntoTheSimplexWithTheRightJacobian() {
    Bijector sb = Bijectors.stickBreaking();
    float[][] points = {{0f, 0f}, {1.2f, -0.4f}, {-2f, 3f}};
    for (float[] p : points) {
      var x = placeholder(2);
      Operand<TFloat32> y = sb.forward(tf, x);
      Operand<TFloat32> y0 = tf.gather(y, tf.constant(0), tf.constant(0));
      Operand<TFloat32> y1 = tf.gather(y, tf.constant(1), tf.constant(0));
      List<TensorValue> r = evalAll(Map.of(x, p), List.of(y, tf.gradients(y0, List.of(x)).dy(0),
          tf.gradients(y1, List.of(x)).dy(0), sb.forwardLogDetJacobian(tf, x), sb.inverse(tf, y), sb.inverseLogDetJacobian(tf, y)));
      float[] simplex = r.get(0).data();
      assertEquals(3, simplex.length);
      assertEquals(1.0, simplex[0] + simplex[1] + simplex[2], 1e-6, "sums to 1");
      for (float v : simplex) {
        assertTrue(v > 0, "positive entries");
      }
      double det = (double) r.get(1).data()[0] * r.get(2).data()[1] - (double) r.get(1).data()[1] * r.get(2).data()[0];
      assertEquals(Math.log(Math.abs(det)), r.get(3).scalar(), 2e-5 * Math.max(1, Math.abs(Math.log(Math.abs(det)))), "log det");
      assertArrayEquals(p, r.get(4).data(), 1e-4f, "inverse(forward(x))");
      assertEquals(-Math.log(Math.abs(det)), r.get(5).scalar(), 1e-4 * Math.max(1, Math.abs(Math.log(Math.abs(det)))));
    }
    // Centred: x = 0 is the uniform vector.
    assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, eval(sb.forward(tf, vector(0f, 0f, 0f))), 1e-6f);
  }

  @Test
  void expOfANormalIsTheLogNormal() {
    TransformedDistribution y = TransformedDistribution.of(scope, Normal.of(scope, 0.3, 0.6), Bijectors.exp());
    LogNormalDistribution ref = new LogNormalDistribution(0.3, 0.6);
    float[] x = {0.2f, 1f, 1.7f, 4f};
    double[] expected = new double[x.length];
    double[] cdf = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      expected[i] = ref.logDensity(x[i]);
      cdf[i] = ref.cumulativeProbability(x[i]);
    }
    LogProbTest.assertClose("log-normal density", expected, eval(y.logProb(vector(x))));
    LogProbTest.assertClose("log-normal cdf", cdf, eval(y.cdf(vector(x))));
    assertMatchesCdf("exp(Normal(0.3, 0.6))", eval(y.sample(100_000)), ref::cumulativeProbability, 1e-6);
    assertTrue(y.isReparameterized());
    assertEquals(Support.POSITIVE, Supports.of(y));
  }

  @Test
  void sigmoidOfANormalIsTheLogitNormal() {
    TransformedDistribution y = TransformedDistribution.of(scope, Normal.of(scope, 0.5, 1.3), Bijectors.sigmoid());
    NormalDistribution n = new NormalDistribution(0.5, 1.3);
    float[] x = {0.05f, 0.4f, 0.9f};
    double[] expected = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double logit = Math.log(x[i] / (1 - x[i]));
      expected[i] = n.logDensity(logit) - Math.log(x[i]) - Math.log(1 - x[i]);
    }
    LogProbTest.assertClose("logit-normal", expected, eval(y.logProb(vector(x))));
  }

  @Test
  void affineOfABatchedNormalIsANormal() {
    Normal base = Normal.of(scope, vector(0f, 1f), vector(1f, 2f));
    TransformedDistribution y = TransformedDistribution.of(scope, base, Bijectors.affine(-3, -0.5));
    assertArrayEquals(new long[] {2}, y.batchShape().asArray());
    float[] got = eval(y.logProb(scalar(-3.2)));
    LogProbTest.assertClose("-3 - 0.5 N", new double[] {new NormalDistribution(-3, 0.5).logDensity(-3.2),
        new NormalDistribution(-3.5, 1).logDensity(-3.2)}, got);
    assertThrows(UnsupportedOperationException.class, () -> y.cdf(scalar(0)), "decreasing map: no cdf");
    assertThrows(UnsupportedOperationException.class, y::mean);
  }

  @Test
  void stickBreakingOfAVectorBaseHasASimplexEvent() {
    MultivariateNormalDiag base = MultivariateNormalDiag.of(scope, new float[] {0.2f, -0.5f}, new float[] {1f, 0.7f});
    TransformedDistribution y = TransformedDistribution.of(scope, base, Bijectors.stickBreaking());
    assertArrayEquals(new long[] {3}, y.eventShape().asArray());
    TensorValue draws = ctx.eval(y.sample(5));
    assertArrayEquals(new long[] {5, 3}, draws.shape());
    // log p(y) = log p_X(x) - log |det J_f(x)| at y = f(x).
    Operand<TFloat32> x = vector(0.3f, -1.1f);
    Bijector sb = Bijectors.stickBreaking();
    float lp = eval(y.logProb(sb.forward(tf, x)))[0];
    float expected = eval(tf.math.sub(base.logProb(x), sb.forwardLogDetJacobian(tf, x)))[0];
    assertEquals(expected, lp, 1e-4);
    assertEquals(Support.SIMPLEX, Supports.of(y));
  }

  @Test
  void withParametersRebuildsTheBaseUnderTheSameBijector() {
    TransformedDistribution y = TransformedDistribution.of(scope, Normal.of(scope, 0, 1), Bijectors.exp());
    TransformedDistribution copy = (TransformedDistribution) y.withParameters(Map.of("loc", scalar(0.3), "scale", scalar(0.6)));
    assertSame(y.bijector(), copy.bijector());
    float lp = eval(copy.logProb(scalar(1.7)))[0];
    assertEquals(new LogNormalDistribution(0.3, 0.6).logDensity(1.7), lp, 2e-5);
  }

  @Test
  void domainsAreCheckedBeforeAnyOpIsBuilt() {
    Normal normal = Normal.of(scope, 0, 1);
    BadInputTest.assertMessage(() -> TransformedDistribution.of(scope, normal, Bijectors.exp().inverted()),
        "`bijector` InvertExp must accept the support of `distribution`: its domain is POSITIVE, but Normal takes REAL values");
    BadInputTest.assertMessage(() -> TransformedDistribution.of(scope, normal, Bijectors.stickBreaking()),
        "`distribution` must have an event of rank >= 1 for StickBreaking, got Normal with event []");
    BadInputTest.assertMessage(() -> Bijectors.affine(0, 0), "`scale` must be finite and nonzero, got 0.0");
    BadInputTest.assertMessage(() -> Bijectors.affine(scalar(0), vector(1f, 0f)), "`scale` must be finite and nonzero, got 0.0 at flat index 1");
    BadInputTest.assertMessage(() -> TransformedDistribution.builder(scope).bijector(Bijectors.exp()).build(),
        "`distribution` must be given for TransformedDistribution");
    // The inverse of stick-breaking maps the K-simplex onto R^(K-1), as TensorFlow's Invert does.
    assertEquals(org.tensorflow.ndarray.Shape.of(2), Bijectors.stickBreaking().inverted().forwardEventShape(org.tensorflow.ndarray.Shape.of(3)));
    // A gamma fitted on the real line: the log of a positive variable is accepted.
    TransformedDistribution logGamma = TransformedDistribution.of(scope, Gamma.of(scope, 2, 1), Bijectors.exp().inverted());
    assertEquals(Support.REAL, Supports.of(logGamma));
  }

  @Test
  void unconstrainingBijectorsMapTheRealLineOntoEachSupport() {
    assertEquals(Support.POSITIVE, Supports.of(Gamma.of(scope, 2, 1)).unconstraining().codomain());
    assertEquals(Support.UNIT_INTERVAL, Supports.of(Beta.of(scope, 2, 1)).unconstraining().codomain());
    assertEquals(Support.REAL, Supports.of(StudentT.of(scope, 3, 0, 1)).unconstraining().codomain());
    assertEquals(Support.SIMPLEX, Support.SIMPLEX.unconstraining().codomain());
    assertEquals(Support.UNKNOWN, Supports.of(Poisson.of(scope, 1)));
    // a Dirichlet latent is fitted through the stick-breaking map, whose codomain is the simplex
    assertEquals(Support.SIMPLEX, Supports.of(Dirichlet.of(scope, new float[] {1f, 2f, 3f})));
    assertEquals(Support.SIMPLEX, Supports.of(Dirichlet.of(scope, new float[] {1f, 2f})).unconstraining().codomain());
    assertEquals(Support.SIMPLEX, Supports.of(RelaxedOneHotCategorical.ofLogits(scope, 0.5, new float[] {0f, 1f})));
    assertEquals(Support.UNIT_INTERVAL, Supports.of(RelaxedBernoulli.ofProbs(scope, 0.5, 0.3)));
  }
}
