package org.edward4j.models;

import static org.edward4j.models.MomentsTest.assertWithinStandardErrors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.edward4j.core.TensorValue;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients: of {@code logProb} with respect to every parameter by central finite differences
 * ({@link GradientCheck}, step 1e-2, relative tolerance 1e-2: the float32 truncation and rounding
 * errors it documents), and of reparameterized draws with respect to the parameters.
 *
 * <p>Stateful random ops redraw on every run, so a draw cannot be differenced across runs. Each
 * draw's gradient is instead fetched in the same run as the draw and compared with what the draw
 * implies: {@code d x / d scale = (x - loc) / scale} for location-scale families, the implicit
 * derivative {@code -(dF/da) / f} of the gamma CDF (itself a finite difference of commons-math's
 * regularized gamma function) for Gamma, and the derivative of the mean in expectation for Beta.
 * Parameters are fed as vectors of equal values so each element's gradient is one draw's.
 */
class GradientTest extends GraphTestBase {

  static final int DRAWS = 2_000;

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void continuousLogProbGradientsMatchFiniteDifferences(Families.Continuous f) {
    AbstractRealDistribution ref = f.ref();
    float[] x = new float[5];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) ref.inverseCumulativeProbability(0.1 + 0.2 * i);
    }
    checkEveryParameter(f.build(), f.params(), vector(x));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#discrete")
  void discreteLogProbGradientsMatchFiniteDifferences(Families.Discrete f) {
    checkEveryParameter(f.build(), f.params(), vector(0f, 1f, 1f, 0f, 1f));
  }

  @Test
  void categoricalLogProbGradients() {
    Placeholder<TFloat32> logits = placeholder(3);
    Operand<TInt32> x = tf.constant(new int[] {0, 2, 2, 1});
    GradientCheck.assertGradient(ctx, logits, Categorical.ofLogits(scope, logits).logProb(x),
        new float[] {0.5f, -1f, 1.5f}, 1e-2, 1e-2);
    Placeholder<TFloat32> probs = placeholder(3);
    GradientCheck.assertGradient(ctx, probs, Categorical.ofProbs(scope, probs).logProb(x),
        new float[] {0.2f, 0.3f, 0.5f}, 1e-3, 1e-2);
  }

  /**
   * At a probability of exactly 0 the unused {@code x log p} terms must not turn gradients into
   * NaN (0 times the infinite derivative of {@code log 0}): {@code d/dp log P(x=0 | p) = -1/(1 - p)}
   * is -1 at {@code p = 0}.
   */
  @Test
  void gradientsStayFiniteAtProbabilityZero() {
    Placeholder<TFloat32> p = placeholder();
    Operand<TFloat32> lp = Bernoulli.ofProbs(scope, p).logProb(tf.constant(0));
    float dp = evalAll(Map.of(p, new float[] {0f}), List.of(tf.gradients(lp, List.of(p)).<TFloat32>dy(0))).get(0).scalar();
    assertEquals(-1f, dp, 1e-6f);
    Placeholder<TFloat32> probs = placeholder(3);
    Operand<TFloat32> clp = Categorical.ofProbs(scope, probs).logProb(tf.constant(new int[] {0, 2}));
    Operand<TFloat32> sum = tf.reduceSum(clp, tf.constant(0));
    float[] g = evalAll(Map.of(probs, new float[] {0.5f, 0f, 0.5f}), List.of(tf.gradients(sum, List.of(probs)).<TFloat32>dy(0)))
        .get(0).data();
    // d/dp_k of log(p_0 / S) + log(p_2 / S) with S = sum p: 1/p_k [k chosen] - 2/S.
    assertArrayEquals(new float[] {0f, -2f, 0f}, g, 1e-6f);
  }

  @Test
  void multivariateNormalDiagLogProbGradients() {
    Operand<TFloat32> x = constant(new long[] {2, 2}, 0.3f, -1f, 2f, 0.5f);
    Placeholder<TFloat32> loc = placeholder(2);
    GradientCheck.assertGradient(ctx, loc, MultivariateNormalDiag.of(scope, loc, vector(1f, 2f)).logProb(x),
        new float[] {0.1f, -0.4f}, 1e-2, 1e-2);
    Placeholder<TFloat32> scaleDiag = placeholder(2);
    GradientCheck.assertGradient(ctx, scaleDiag, MultivariateNormalDiag.of(scope, vector(0f, 1f), scaleDiag).logProb(x),
        new float[] {0.8f, 1.7f}, 1e-2, 1e-2);
  }

  @Test
  void normalDrawsAreLocPlusScaleTimesNoise() {
    Placeholder<TFloat32> loc = placeholder(DRAWS);
    Placeholder<TFloat32> scale = placeholder(DRAWS);
    List<float[]> r = drawWithGradients(Normal.of(scope, loc, scale), feeds(loc, 0.7, scale, 1.9), loc, scale);
    for (int i = 0; i < DRAWS; i++) {
      assertEquals(1f, r.get(1)[i], 1e-6f, "d x / d loc");
      assertEquals((r.get(0)[i] - 0.7) / 1.9, r.get(2)[i], 1e-5, "d x / d scale");
    }
  }

  @Test
  void uniformDrawsMoveWithBothBounds() {
    Placeholder<TFloat32> low = placeholder(DRAWS);
    Placeholder<TFloat32> high = placeholder(DRAWS);
    List<float[]> r = drawWithGradients(Uniform.of(scope, low, high), feeds(low, -1, high, 3), low, high);
    for (int i = 0; i < DRAWS; i++) {
      double u = (r.get(0)[i] + 1) / 4;
      assertEquals(1 - u, r.get(1)[i], 1e-5, "d x / d low");
      assertEquals(u, r.get(2)[i], 1e-5, "d x / d high");
    }
  }

  @Test
  void laplaceDrawsAreLocPlusScaleTimesNoise() {
    Placeholder<TFloat32> loc = placeholder(DRAWS);
    Placeholder<TFloat32> scale = placeholder(DRAWS);
    List<float[]> r = drawWithGradients(Laplace.of(scope, loc, scale), feeds(loc, 0.5, scale, 1.5), loc, scale);
    for (int i = 0; i < DRAWS; i++) {
      assertEquals(1f, r.get(1)[i], 1e-6f, "d x / d loc");
      assertEquals((r.get(0)[i] - 0.5) / 1.5, r.get(2)[i], 1e-5 * Math.max(1, Math.abs(r.get(2)[i])), "d x / d scale");
    }
  }

  @Test
  void exponentialDrawsScaleWithTheInverseRate() {
    Placeholder<TFloat32> rate = placeholder(DRAWS);
    List<float[]> r = drawWithGradients(Exponential.of(scope, rate), Map.of(rate, filled(DRAWS, 2)), rate);
    for (int i = 0; i < DRAWS; i++) {
      assertEquals(-r.get(0)[i] / 2, r.get(1)[i], 1e-5 * Math.max(1, r.get(0)[i]), "d x / d rate");
    }
  }

  @Test
  void multivariateNormalDiagDrawsAreLocPlusScaleTimesNoise() {
    Placeholder<TFloat32> loc = placeholder(DRAWS, 2);
    Placeholder<TFloat32> scaleDiag = placeholder(DRAWS, 2);
    float[] locValues = new float[2 * DRAWS];
    float[] scaleValues = new float[2 * DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      locValues[2 * i] = 1f;
      locValues[2 * i + 1] = -1f;
      scaleValues[2 * i] = 0.5f;
      scaleValues[2 * i + 1] = 2f;
    }
    Map<Placeholder<TFloat32>, float[]> feeds = new LinkedHashMap<>();
    feeds.put(loc, locValues);
    feeds.put(scaleDiag, scaleValues);
    List<float[]> r = drawWithGradients(MultivariateNormalDiag.of(scope, loc, scaleDiag), feeds, loc, scaleDiag);
    for (int i = 0; i < 2 * DRAWS; i++) {
      assertEquals(1f, r.get(1)[i], 1e-6f, "d x / d loc");
      assertEquals((r.get(0)[i] - locValues[i]) / scaleValues[i], r.get(2)[i], 1e-5, "d x / d scaleDiag");
    }
  }

  @Test
  void pointMassDrawsPassGradientsToParams() {
    Placeholder<TFloat32> params = placeholder(3);
    PointMass p = PointMass.builder(scope).params(params).sampleShape(4).build();
    List<float[]> r = drawWithGradients(p, Map.of(params, new float[] {1f, 2f, 3f}), params);
    // Four copies of params in the value: each element's gradient of the sum is 4.
    assertEquals(List.of(4f, 4f, 4f), List.of(r.get(1)[0], r.get(1)[1], r.get(1)[2]));
  }

  /**
   * Each gamma draw's gradient against the implicit derivative {@code dx/da = -(dP(a, x)/da) /
   * p(x; a)} (Figurnov et al., 2018) computed in double precision from commons-math's regularized
   * gamma function by central differences. RandomGammaGrad evaluates series in float32; measured
   * errors are below 1e-4 relative, so 2e-3 relative (plus 1e-6 absolute for draws near 0) leaves
   * room while an off-by-one-in-a or a missing division by the rate fails by far.
   */
  @Test
  void gammaDrawsFollowTheImplicitReparameterizationGradient() {
    for (double a : new double[] {0.5, 3.0}) {
      double rate = 2;
      Placeholder<TFloat32> concentration = placeholder(DRAWS);
      Placeholder<TFloat32> rates = placeholder(DRAWS);
      List<float[]> r = drawWithGradients(Gamma.of(scope, concentration, rates),
          feeds(concentration, a, rates, rate), concentration, rates);
      for (int i = 0; i < DRAWS; i++) {
        double x = r.get(0)[i];
        double g = x * rate;
        double expected = implicitGammaDerivative(a, g) / rate;
        assertEquals(expected, r.get(1)[i], 2e-3 * Math.abs(expected) + 1e-6, "d x / d a at a=" + a + ", x=" + x);
        assertEquals(-x / rate, r.get(2)[i], 1e-5 * Math.max(1, x), "d x / d rate");
      }
      // In expectation, d E[x] / d a = 1 / rate.
      assertWithinStandardErrors("mean of d x / d a", toDoubles(r.get(1)), 1 / rate, 6);
    }
  }

  /** Beta draws mix two gammas, so each draw's gradient is checked in expectation: d E[x] / d a = b / (a + b)^2. */
  @Test
  void betaDrawGradientsAverageToTheMeanGradient() {
    int n = 20_000;
    double a = 2;
    double b = 3;
    Placeholder<TFloat32> c1 = placeholder(n);
    Placeholder<TFloat32> c0 = placeholder(n);
    Map<Placeholder<TFloat32>, float[]> feeds = new LinkedHashMap<>();
    feeds.put(c1, filled(n, a));
    feeds.put(c0, filled(n, b));
    List<float[]> r = drawWithGradients(Beta.of(scope, c1, c0), feeds, c1, c0);
    assertWithinStandardErrors("d x / d concentration1", toDoubles(r.get(1)), b / ((a + b) * (a + b)), 6);
    assertWithinStandardErrors("d x / d concentration0", toDoubles(r.get(2)), -a / ((a + b) * (a + b)), 6);
  }

  /** {@code -(dP/da) / (dP/dx)} for the regularized lower incomplete gamma function {@code P}. */
  static double implicitGammaDerivative(double a, double x) {
    double h = 1e-6 * a;
    double dPda = (org.apache.commons.math3.special.Gamma.regularizedGammaP(a + h, x)
        - org.apache.commons.math3.special.Gamma.regularizedGammaP(a - h, x)) / (2 * h);
    double density = Math.exp((a - 1) * Math.log(x) - x - org.apache.commons.math3.special.Gamma.logGamma(a));
    return -dPda / density;
  }

  /** Checks d logProb / d parameter for each parameter in turn, the others held constant. */
  private void checkEveryParameter(Families.Build build, double[] params, Operand<TFloat32> x) {
    for (int i = 0; i < params.length; i++) {
      List<Operand<TFloat32>> ops = new ArrayList<>();
      Placeholder<TFloat32> p = placeholder();
      for (int j = 0; j < params.length; j++) {
        ops.add(j == i ? p : scalar(params[j]));
      }
      AbstractRandomVariable<?> rv = build.apply(scope, ops);
      GradientCheck.assertGradient(ctx, p, rv.logProb(x), new float[] {(float) params[i]}, 1e-2, 1e-2);
    }
  }

  /** The draw and its gradients with respect to each placeholder, all from one run. */
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

  private static double[] toDoubles(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
