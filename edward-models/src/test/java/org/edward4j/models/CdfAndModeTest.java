package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.types.TInt32;

/**
 * {@code cdf} against the reference distributions' cdfs, and {@code mode} against the argmax of
 * the reference density found numerically (golden-section search in double precision), for every
 * scalar family in {@link Families}.
 *
 * <p>Tolerances: float32 special functions ({@code Erfc}, {@code Igamma}, {@code Betainc}) are good
 * to a few ulps of their result, so cdfs are compared within {@code 1e-5 + 1e-4 p}. The
 * golden-section search stops at a bracket of {@code 1e-9} of the support scale, so modes agree
 * within {@code 1e-4 max(1, |mode|)}, far finer than any wrong formula.
 */
class CdfAndModeTest extends GraphTestBase {

  static final double[] QUANTILES = {0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999};

  /** Families whose density is unbounded at a boundary or bimodal: the mode is NaN, as TensorFlow's. */
  static final Set<String> NAN_MODE = Set.of("Gamma(0.5, 2)", "Beta(0.7, 2.5)", "Chi2(1.2)", "Kumaraswamy(0.7, 1.5)");

  /** No unique mode. */
  static final Set<String> NO_MODE = Set.of("Uniform(-1, 3)");

  /** No closed-form cdf. */
  static final Set<String> NO_CDF = Set.of("VonMises(0.5, 4)", "VonMises(-2, 0.3)");

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void continuousCdfMatchesTheReference(Families.Continuous f) {
    AbstractRealDistribution ref = f.ref();
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    if (NO_CDF.contains(f.label())) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> rv.cdf(scalar(0)));
      assertTrue(e.getMessage().contains("cdf"), e.getMessage());
      return;
    }
    float[] x = new float[QUANTILES.length + 2];
    for (int i = 0; i < QUANTILES.length; i++) {
      x[i] = (float) ref.inverseCumulativeProbability(QUANTILES[i]);
    }
    // Points below and above the support where it is bounded (else far in the tails).
    x[QUANTILES.length] = (float) (Double.isInfinite(ref.getSupportLowerBound()) ? x[0] - 1e4 : ref.getSupportLowerBound() - 1);
    x[QUANTILES.length + 1] = (float) (Double.isInfinite(ref.getSupportUpperBound()) ? x[QUANTILES.length - 1] + 1e4
        : ref.getSupportUpperBound() + 1);
    float[] got = eval(rv.cdf(vector(x)));
    for (int i = 0; i < x.length; i++) {
      double expected = ref.cumulativeProbability(x[i]);
      assertEquals(expected, got[i], 1e-5 + 1e-4 * expected, f.label() + " cdf at " + x[i]);
    }
  }

  /**
   * The cdf's gradient with respect to each parameter against finite differences: this goes
   * through the registered {@code Erfc}, {@code Igamma} and {@code Betainc} rules (Betainc's
   * {@code a} and {@code b} by its float64 central difference).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void continuousCdfGradientsMatchFiniteDifferences(Families.Continuous f) {
    if (NO_CDF.contains(f.label()) || f.label().startsWith("Uniform")) {
      return; // no cdf; the uniform's is piecewise linear in its bounds, checked by the cdf test
    }
    AbstractRealDistribution ref = f.ref();
    float[] x = new float[3];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) ref.inverseCumulativeProbability(0.2 + 0.3 * i);
    }
    double[] params = f.params();
    for (int i = 0; i < params.length; i++) {
      java.util.List<org.tensorflow.Operand<org.tensorflow.types.TFloat32>> ops = new java.util.ArrayList<>();
      var p = placeholder();
      for (int j = 0; j < params.length; j++) {
        ops.add(j == i ? p : scalar(params[j]));
      }
      AbstractRandomVariable<?> rv = f.build().apply(scope, ops);
      org.edward4j.core.testing.GradientCheck.assertGradient(ctx, p, rv.cdf(vector(x)), new float[] {(float) params[i]}, 1e-2, 1e-2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void continuousModeIsTheDensitysArgmax(Families.Continuous f) {
    AbstractRealDistribution ref = f.ref();
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    if (NO_MODE.contains(f.label())) {
      assertThrows(UnsupportedOperationException.class, rv::mode);
      return;
    }
    float mode = eval(rv.mode())[0];
    if (NAN_MODE.contains(f.label())) {
      assertTrue(Float.isNaN(mode), f.label() + " mode " + mode);
      return;
    }
    double lo = Double.isInfinite(ref.getSupportLowerBound()) ? ref.inverseCumulativeProbability(1e-4) : ref.getSupportLowerBound();
    double hi = Double.isInfinite(ref.getSupportUpperBound()) ? ref.inverseCumulativeProbability(1 - 1e-4) : ref.getSupportUpperBound();
    double argmax = goldenSectionArgmax(ref, lo, hi);
    assertEquals(argmax, mode, 1e-4 * Math.max(1, Math.abs(argmax)), f.label() + " mode");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#discrete")
  void discreteCdfAndModeMatchTheReference(Families.Discrete f) {
    AbstractIntegerDistribution ref = f.ref();
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    float[] x = {-1f, 0f, 0.5f, 1f, 2f, 3.7f, 7f};
    float[] got = eval(rv.cdf(vector(x)));
    for (int i = 0; i < x.length; i++) {
      double expected = ref.cumulativeProbability((int) Math.floor(x[i]));
      assertEquals(expected, got[i], 1e-5 + 1e-4 * expected, f.label() + " cdf at " + x[i]);
    }
    // Integer x is cast like logProb's.
    assertEquals(ref.cumulativeProbability(1), eval(rv.cdf(tf.constant(1)))[0], 1e-5, "int32 x");
    int best = 0;
    for (int k = 0; k <= 30; k++) {
      if (ref.probability(k) > ref.probability(best) + 1e-12) {
        best = k;
      }
    }
    assertEquals(best, eval(rv.mode())[0], f.label() + " mode");
  }

  @org.junit.jupiter.api.Test
  void categoricalModeIsTheArgmaxPerBatchRow() {
    Categorical<TInt32> c = Categorical.ofLogits(scope, constant(new long[] {2, 3}, 0f, 2f, 1f, 3f, 0f, 0f));
    assertEquals(java.util.List.of(1f, 0f), java.util.List.of(eval(c.mode())[0], eval(c.mode())[1]));
  }

  @org.junit.jupiter.api.Test
  void pointMassAndMultivariateNormalDiagModesAreTheirLocations() {
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1f, -2f}, eval(PointMass.of(scope, new float[] {1f, -2f}).mode()));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0f, 3f},
        eval(MultivariateNormalDiag.of(scope, new float[] {0f, 3f}, new float[] {1f, 2f}).mode()));
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> MultivariateNormalDiag.of(scope, new float[] {0f}, new float[] {1f}).cdf(scalar(0)));
    assertTrue(e.getMessage().contains("scalar events only"), e.getMessage());
  }

  /** The maximizer of {@code logDensity} on {@code [lo, hi]} for a unimodal density. */
  static double goldenSectionArgmax(AbstractRealDistribution d, double lo, double hi) {
    double g = (Math.sqrt(5) - 1) / 2;
    double a = lo;
    double b = hi;
    double c = b - g * (b - a);
    double e = a + g * (b - a);
    while (b - a > 1e-9 * Math.max(1, hi - lo)) {
      if (d.logDensity(c) >= d.logDensity(e)) {
        b = e;
      } else {
        a = c;
      }
      c = b - g * (b - a);
      e = a + g * (b - a);
    }
    return (a + b) / 2;
  }
}
