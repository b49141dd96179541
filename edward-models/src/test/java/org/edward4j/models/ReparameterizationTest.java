package org.edward4j.models;

import static org.edward4j.models.MomentsTest.assertWithinStandardErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients of the catalogue's reparameterized draws. Each draw's gradient is fetched in the same
 * run as the draw (stateless draws could be differenced too, but this also checks the pathwise
 * formula) and compared with what the draw implies: {@code dx/dscale = (x - loc) / scale} for
 * location-scale families; the implicit derivative {@code -(dF/dtheta) / p(x)} with {@code F} the
 * reference cdf (central differences in double precision) for inverse-cdf samplers; the implicit
 * gamma derivative of {@link GradientTest#implicitGammaDerivative} for the gamma-based ones. Where
 * several noises mix (Student's t in {@code df}), the mean pathwise gradient is checked against the
 * derivative of a closed-form expectation, within 6 standard errors (false-failure rate 2e-9).
 * Parameters are fed as vectors of equal values, so each element's gradient is one draw's.
 */
class ReparameterizationTest extends GraphTestBase {

  static final int DRAWS = 2_000;

  interface Make extends BiFunction<Placeholder<TFloat32>, Placeholder<TFloat32>, AbstractRandomVariable<TFloat32>> {}

  @Test
  void locationScaleDrawsMoveWithLocAndScale() {
    Map<String, Make> families = new LinkedHashMap<>();
    families.put("Cauchy", (l, s) -> Cauchy.of(scope, l, s));
    families.put("HalfCauchy", (l, s) -> HalfCauchy.of(scope, l, s));
    families.put("Gumbel", (l, s) -> Gumbel.of(scope, l, s));
    families.put("Logistic", (l, s) -> Logistic.of(scope, l, s));
    families.put("StudentT", (l, s) -> StudentT.of(scope, scalar(3), l, s));
    families.forEach((name, make) -> {
      Placeholder<TFloat32> loc = placeholder(DRAWS);
      Placeholder<TFloat32> scale = placeholder(DRAWS);
      List<float[]> r = drawWithGradients(make.apply(loc, scale), feeds(loc, 0.7, scale, 1.9), loc, scale);
      for (int i = 0; i < DRAWS; i++) {
        assertEquals(1f, r.get(1)[i], 1e-6f, name + " d x / d loc");
        double expected = (r.get(0)[i] - 0.7) / 1.9;
        assertEquals(expected, r.get(2)[i], 1e-5 * Math.max(1, Math.abs(expected)), name + " d x / d scale");
      }
    });
  }

  @Test
  void halfNormalAndLogNormalDrawsScale() {
    Placeholder<TFloat32> scale = placeholder(DRAWS);
    List<float[]> h = drawWithGradients(HalfNormal.of(scope, scale), Map.of(scale, filled(DRAWS, 1.5)), scale);
    for (int i = 0; i < DRAWS; i++) {
      assertEquals(h.get(0)[i] / 1.5, h.get(1)[i], 1e-5 * Math.max(1, h.get(0)[i]), "HalfNormal d x / d scale");
    }
    Placeholder<TFloat32> loc = placeholder(DRAWS);
    Placeholder<TFloat32> s = placeholder(DRAWS);
    List<float[]> r = drawWithGradients(LogNormal.of(scope, loc, s), feeds(loc, 0.3, s, 0.6), loc, s);
    for (int i = 0; i < DRAWS; i++) {
      double x = r.get(0)[i];
      assertEquals(x, r.get(1)[i], 1e-5 * Math.max(1, x), "LogNormal d x / d loc = x");
      double expected = x * (Math.log(x) - 0.3) / 0.6;
      assertEquals(expected, r.get(2)[i], 1e-4 * Math.max(1, Math.abs(expected)), "LogNormal d x / d scale");
    }
  }

  /** Inverse-cdf draws: {@code dx/dtheta = -(dF/dtheta) / p(x)} from the reference cdf. */
  @Test
  void kumaraswamyDrawsFollowTheImplicitDerivative() {
    double a = 2;
    double b = 3;
    Placeholder<TFloat32> c1 = placeholder(DRAWS);
    Placeholder<TFloat32> c0 = placeholder(DRAWS);
    List<float[]> r = drawWithGradients(Kumaraswamy.of(scope, c1, c0), feeds(c1, a, c0, b), c1, c0);
    DoubleBinaryOperator cdfA = (x, t) -> ReferenceDistributions.kumaraswamy(t, b).cumulativeProbability(x);
    DoubleBinaryOperator cdfB = (x, t) -> ReferenceDistributions.kumaraswamy(a, t).cumulativeProbability(x);
    int checked = 0;
    for (int i = 0; i < DRAWS; i++) {
      double x = r.get(0)[i];
      if (x < 1e-3 || x > 1 - 1e-3) {
        continue; // float32 rounding of x dominates at the edges
      }
      double density = ReferenceDistributions.kumaraswamy(a, b).density(x);
      double expectedA = -derivative(cdfA, x, a) / density;
      double expectedB = -derivative(cdfB, x, b) / density;
      assertEquals(expectedA, r.get(1)[i], 2e-3 * Math.abs(expectedA) + 1e-5, "d x / d a at x=" + x);
      assertEquals(expectedB, r.get(2)[i], 2e-3 * Math.abs(expectedB) + 1e-5, "d x / d b at x=" + x);
      checked++;
    }
    assertTrue(checked > DRAWS * 0.99, "checked " + checked);
  }

  /** {@code x = b / G}: {@code dx/db = x / b}, {@code dx/da = -(x^2 / b) dG/da}. */
  @Test
  void inverseGammaDrawsFollowTheImplicitGammaGradient() {
    double a = 3;
    double b = 2;
    Placeholder<TFloat32> conc = placeholder(DRAWS);
    Placeholder<TFloat32> rate = placeholder(DRAWS);
    List<float[]> r = drawWithGradients(InverseGamma.of(scope, conc, rate), feeds(conc, a, rate, b), conc, rate);
    for (int i = 0; i < DRAWS; i++) {
      double x = r.get(0)[i];
      double g = b / x;
      double expectedA = -(x * x / b) * GradientTest.implicitGammaDerivative(a, g);
      assertEquals(expectedA, r.get(1)[i], 2e-3 * Math.abs(expectedA) + 1e-6, "d x / d concentration at x=" + x);
      assertEquals(x / b, r.get(2)[i], 1e-5 * Math.max(1, x), "d x / d rate");
    }
  }

  /** {@code x = 2 G(df / 2)}: {@code dx/ddf = dG/da}. */
  @Test
  void chi2DrawsFollowTheImplicitGammaGradient() {
    Placeholder<TFloat32> df = placeholder(DRAWS);
    List<float[]> r = drawWithGradients(Chi2.of(scope, df), Map.of(df, filled(DRAWS, 3)), df);
    for (int i = 0; i < DRAWS; i++) {
      double x = r.get(0)[i];
      double expected = GradientTest.implicitGammaDerivative(1.5, x / 2);
      assertEquals(expected, r.get(1)[i], 2e-3 * Math.abs(expected) + 1e-6, "d x / d df at x=" + x);
    }
  }

  /**
   * Student's t mixes a normal and a gamma, so the {@code df} gradient is checked in expectation:
   * {@code d E|x - loc| / d df} with {@code E|T| = 2 sqrt(v) Gamma((v+1)/2) / (sqrt(pi) (v-1)
   * Gamma(v/2))}, differenced in double precision.
   */
  @Test
  void studentTDfGradientAveragesToTheDerivativeOfTheMeanAbsoluteValue() {
    int n = 50_000;
    double v = 5;
    Placeholder<TFloat32> df = placeholder(n);
    List<float[]> r = drawWithGradients(StudentT.of(scope, df, scalar(0), scalar(1)), Map.of(df, filled(n, v)), df);
    double[] pathwise = new double[n];
    for (int i = 0; i < n; i++) {
      pathwise[i] = Math.signum(r.get(0)[i]) * r.get(1)[i];
    }
    double h = 1e-5;
    double expected = (meanAbsT(v + h) - meanAbsT(v - h)) / (2 * h);
    assertWithinStandardErrors("d E|T| / d df", pathwise, expected, 6);
    // The check can fail: E|T| changes by a tenth of its derivative over this many standard errors.
    assertTrue(Math.abs(expected) > 0.01, "derivative " + expected);
  }

  @Test
  void vonMisesDrawsCarryNoGradient() {
    Placeholder<TFloat32> kappa = placeholder(4);
    VonMises vm = VonMises.of(scope, scalar(0), kappa);
    assertFalse(vm.isReparameterized());
    // Plus kappa itself: a gradient through StopGradient alone has no op to fetch (TF-JAVA-FINDINGS).
    Operand<TFloat32> total = tf.math.add(tf.reduceSum(vm, tf.constant(0)), tf.reduceSum(kappa, tf.constant(0)));
    Operand<TFloat32> g = tf.gradients(total, List.of(kappa)).dy(0);
    float[] grads = evalAll(Map.of(kappa, filled(4, 2)), List.of(g)).get(0).data();
    for (float v : grads) {
      assertEquals(1f, v, "only kappa's own term: StopGradient around the rejection sampler");
    }
  }

  static double meanAbsT(double v) {
    double logGammaRatio = Families.logGamma((v + 1) / 2) - Families.logGamma(v / 2);
    return 2 * Math.sqrt(v) * Math.exp(logGammaRatio) / (Math.sqrt(Math.PI) * (v - 1));
  }

  /** {@code d f(x, t) / dt} by central differences with step {@code 1e-6 t}. */
  static double derivative(DoubleBinaryOperator f, double x, double t) {
    double h = 1e-6 * t;
    return (f.applyAsDouble(x, t + h) - f.applyAsDouble(x, t - h)) / (2 * h);
  }

  private List<float[]> drawWithGradients(AbstractRandomVariable<TFloat32> rv,
      Map<Placeholder<TFloat32>, float[]> feeds, Placeholder<?>... wrt) {
    assertTrue(rv.isReparameterized());
    Operand<TFloat32> total = tf.reduceSum(rv, tf.range(tf.constant(0), tf.rank(rv), tf.constant(1)));
    var grads = tf.gradients(total, List.of(wrt));
    List<Operand<? extends TNumber>> fetch = new ArrayList<>();
    fetch.add(rv);
    for (int i = 0; i < wrt.length; i++) {
      fetch.add(grads.<TFloat32>dy(i));
    }
    List<float[]> out = new ArrayList<>();
    for (TensorValue v : evalAll(feeds, fetch)) {
      out.add(v.data());
    }
    return out;
  }

  private static Map<Placeholder<TFloat32>, float[]> feeds(Placeholder<TFloat32> a, double va, Placeholder<TFloat32> b,
      double vb) {
    Map<Placeholder<TFloat32>, float[]> m = new LinkedHashMap<>();
    m.put(a, filled(Math.toIntExact(a.shape().size()), va));
    m.put(b, filled(Math.toIntExact(b.shape().size()), vb));
    return m;
  }
}
