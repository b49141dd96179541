package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Means, standard deviations, variances and entropies against commons-math's moments, formulas
 * written here, and Monte Carlo estimates of {@code -E[log p(x)]} with commons-math densities.
 *
 * <p>Closed forms are compared at relative {@code 2e-5} (float32 arithmetic with lgamma/digamma).
 * The Monte Carlo entropy uses {@value #MC_DRAWS} draws and allows 6 standard errors of the mean of
 * {@code -log p(x)} (a two-sided normal-approximation false-failure rate of 2e-9).
 */
class MomentsTest extends GraphTestBase {

  static final int MC_DRAWS = 50_000;

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void continuousMomentsMatchTheReference(Families.Continuous f) {
    AbstractRealDistribution ref = f.ref();
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    assertClose(f.label() + " mean", ref.getNumericalMean(), eval(rv.mean())[0]);
    assertClose(f.label() + " variance", ref.getNumericalVariance(), eval(rv.variance())[0]);
    assertClose(f.label() + " stddev", Math.sqrt(ref.getNumericalVariance()), eval(rv.stddev())[0]);
    assertClose(f.label() + " entropy", f.entropy().applyAsDouble(f.params()), eval(rv.entropy())[0]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void continuousEntropyMatchesAMonteCarloEstimate(Families.Continuous f) {
    AbstractRealDistribution ref = f.ref();
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    float[] draws = eval(rv.sample(MC_DRAWS));
    double[] minusLogP = new double[draws.length];
    for (int i = 0; i < draws.length; i++) {
      minusLogP[i] = -ref.logDensity(draws[i]);
    }
    assertWithinStandardErrors(f.label() + " entropy", minusLogP, eval(rv.entropy())[0], 6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#discrete")
  void discreteMomentsMatchTheReference(Families.Discrete f) {
    AbstractIntegerDistribution ref = f.ref();
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    assertClose(f.label() + " mean", ref.getNumericalMean(), eval(rv.mean())[0]);
    assertClose(f.label() + " variance", ref.getNumericalVariance(), eval(rv.variance())[0]);
    assertClose(f.label() + " stddev", Math.sqrt(ref.getNumericalVariance()), eval(rv.stddev())[0]);
    if (rv instanceof Bernoulli<?>) {
      double p = ref.probability(1);
      assertClose(f.label() + " entropy", -p * Math.log(p) - (1 - p) * Math.log(1 - p), eval(rv.entropy())[0]);
    } else {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, rv::entropy);
      assertTrue(e.getMessage().contains("Poisson") && e.getMessage().contains("entropy"), e.getMessage());
    }
  }

  @Test
  void momentsBroadcastToTheBatchShape() {
    Normal n = Normal.of(scope, vector(0f, 1f, 2f), scalar(2));
    TensorValue sd = ctx.eval(n.stddev());
    assertArrayEquals(new long[] {3}, sd.shape());
    assertArrayEquals(new float[] {2f, 2f, 2f}, sd.data());
    assertArrayEquals(new long[] {3}, ctx.eval(n.entropy()).shape());
    Gamma g = Gamma.of(scope, vector(1f, 4f), scalar(2));
    assertArrayEquals(new float[] {0.5f, 2f}, eval(g.mean()));
    assertArrayEquals(new float[] {0.25f, 1f}, eval(g.variance()));
  }

  @Test
  void multivariateNormalDiagMomentsArePerCoordinate() {
    MultivariateNormalDiag w = MultivariateNormalDiag.of(scope, new float[] {0f, 1f, -1f}, new float[] {1f, 2f, 0.5f});
    assertArrayEquals(new float[] {0f, 1f, -1f}, eval(w.mean()));
    assertArrayEquals(new float[] {1f, 2f, 0.5f}, eval(w.stddev()));
    assertArrayEquals(new float[] {1f, 4f, 0.25f}, eval(w.variance()));
    double entropy = 0;
    for (double s : new double[] {1, 2, 0.5}) {
      entropy += 0.5 * Math.log(2 * Math.PI * Math.E * s * s);
    }
    TensorValue h = ctx.eval(w.entropy());
    assertEquals(0, h.shape().length, "entropy has the batch shape []");
    assertClose("entropy", entropy, h.scalar());
  }

  @Test
  void categoricalHasEntropyButNoMoments() {
    Categorical<TInt32> c = Categorical.ofProbs(scope, new float[] {0.2f, 0f, 0.8f});
    assertClose("entropy with a zero probability", -0.2 * Math.log(0.2) - 0.8 * Math.log(0.8), eval(c.entropy())[0]);
    for (Supplier<Operand<TFloat32>> moment : List.<Supplier<Operand<TFloat32>>>of(c::mean, c::stddev, c::variance)) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, moment::get);
      assertTrue(e.getMessage().startsWith("Categorical (test/Categorical) has no closed-form"), e.getMessage());
    }
  }

  @Test
  void pointMassMomentsAndNoEntropy() {
    PointMass p = PointMass.of(scope, new float[] {3f, -1f});
    assertArrayEquals(new float[] {3f, -1f}, eval(p.mean()));
    assertArrayEquals(new float[] {0f, 0f}, eval(p.stddev()));
    assertArrayEquals(new float[] {0f, 0f}, eval(p.variance()));
    assertThrows(UnsupportedOperationException.class, p::entropy);
  }

  @Test
  void empiricalMomentsAreOverTheFirstAxis() {
    Empirical e = Empirical.of(scope, constant(new long[] {4, 2}, 1f, 10f, 2f, 10f, 3f, 20f, 6f, 20f));
    assertArrayEquals(new float[] {3f, 15f}, eval(e.mean()));
    // Population variance (divides by n): (4 + 1 + 0 + 9) / 4 and (25 * 4) / 4.
    assertArrayEquals(new float[] {3.5f, 25f}, eval(e.variance()));
    assertArrayEquals(new float[] {(float) Math.sqrt(3.5), 5f}, eval(e.stddev()), 1e-6f);
    assertThrows(UnsupportedOperationException.class, e::entropy);
  }

  static void assertWithinStandardErrors(String what, double[] values, double expected, double z) {
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double var = 0;
    for (double v : values) {
      var += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(var / (values.length - 1) / values.length);
    // Plus the float32 rounding of the closed form (the uniform's -log p(x) has no spread at all).
    assertTrue(Math.abs(mean - expected) <= z * se + 2e-5 * Math.max(1, Math.abs(expected)),
        what + ": closed form " + expected + ", Monte Carlo " + mean + " +- " + se + " (" + z + " standard errors allowed)");
  }

  static void assertClose(String what, double expected, float actual) {
    // Undefined moments are NaN (TensorFlow's allow_nan_stats); infinite ones must match exactly.
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals((float) expected, actual, what);
      return;
    }
    assertEquals(expected, actual, 2e-5 * Math.max(1, Math.abs(expected)), what);
  }
}
