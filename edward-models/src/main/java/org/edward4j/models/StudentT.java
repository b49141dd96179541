package org.edward4j.models;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Student's t distribution with {@code df} degrees of freedom, location {@code loc} and scale
 * {@code scale}.
 *
 * <p>{@code log p(x) = lgamma((v + 1) / 2) - lgamma(v / 2) - log(v pi) / 2 - log(scale) - (v + 1) /
 * 2 log(1 + z^2 / v)} with {@code v = df}, {@code z = (x - loc) / scale}. The cdf is {@code 1 -
 * I(v / (v + z^2); v / 2, 1 / 2) / 2} for {@code z >= 0} (mirrored below), through {@code Betainc}.
 * Samples {@code loc + scale eps / sqrt(2 G / v)} with {@code G ~ Gamma(v / 2, 1)} are
 * reparameterized in all three parameters (in {@code df} through the implicit {@code RandomGamma}
 * gradient). Mean {@code loc} for {@code df > 1}, variance {@code scale^2 v / (v - 2)} for {@code
 * df > 2}, infinite for {@code 1 < df <= 2}; undefined moments are NaN (TensorFlow's {@code
 * allow_nan_stats=True}). Mode {@code loc}; closed-form entropy. No closed-form KL (TensorFlow had
 * none).
 *
 * <pre>{@code
 * StudentT noise = StudentT.of(scope, 4.0, 0.0, 1.0);
 * Operand<TFloat32> var = noise.variance(); // 4 / (4 - 2) = 2
 * }</pre>
 */
public final class StudentT extends AbstractRandomVariable<TFloat32> {

  private StudentT(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A Student's t variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code StudentT} made unique there
   * @param df the degrees of freedom, positive
   * @param loc the location (median and mode)
   * @param scale the scale, positive
   * @return the variable, with one draw as its value
   */
  public static StudentT of(VariableScope scope, Operand<TFloat32> df, Operand<TFloat32> loc, Operand<TFloat32> scale) {
    return builder(scope).df(df).loc(loc).scale(scale).build();
  }

  /**
   * A scalar Student's t variable.
   *
   * @param scope where to build it
   * @param df the degrees of freedom
   * @param loc the location
   * @param scale the scale
   * @return the variable
   */
  public static StudentT of(VariableScope scope, double df, double loc, double scale) {
    return builder(scope).df(df).loc(loc).scale(scale).build();
  }

  /**
   * A builder for name, sample shape, observed value or mixed tensor and number parameters.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The parameter {@code df}: the degrees of freedom, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> df() {
    return param("df");
  }

  /**
   * The parameter {@code loc}: the location (median and mode).
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The parameter {@code scale}: the scale, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> scale() {
    return param("scale");
  }

  /** Always true: through the normal draw, the division and the implicit {@code RandomGamma} gradient. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TInt32> shape = drawShape(tf, sampleShape);
    Operand<TFloat32> eps = StandardDraws.normal(tf, shape, nextSeedTensor(tf));
    Operand<TFloat32> halfDf = broadcastToBatchEvent(tf, tf.math.mul(df(), scalar(tf, 0.5)));
    Operand<TFloat32> g = StandardDraws.gamma(tf, shape, halfDf, nextSeedTensor(tf));
    Operand<TFloat32> t = tf.math.mul(eps, tf.math.sqrt(tf.math.div(halfDf, g)));
    return tf.math.add(tf.math.mul(t, scale()), loc());
  }

  /**
   * {@code norm - log(scale) - (v + 1) / 2 log1p(((x - loc) / (scale sqrt v))^2)}, the division by
   * {@code scale sqrt v} folded into one multiplier of the batch shape. The normalizer {@code norm =
   * lgamma((v + 1) / 2) - lgamma(v / 2) - log(v pi) / 2} is computed in Java in double precision when
   * {@code df} is a constant (numbers given to the builder, or a small {@code Const}), so the graph
   * holds one constant; otherwise in the graph (lgammas below {@code df = 20}, a series above).
   */
  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> v = df();
    Operand<TFloat32> halfV1 = tf.math.mul(tf.math.add(v, scalar(tf, 1)), scalar(tf, 0.5));
    Operand<TFloat32> inverseWidth = tf.math.reciprocal(tf.math.mul(scale(), tf.math.sqrt(v)));
    Operand<TFloat32> w = tf.math.mul(tf.math.sub(x, loc()), inverseWidth);
    Operand<TFloat32> kernel = tf.math.mul(halfV1, tf.math.log1p(tf.math.square(w)));
    Operand<TFloat32> norm = tf.math.sub(normalizer(tf, v), tf.math.log(scale()));
    return tf.math.sub(norm, kernel);
  }

  /** {@code lgamma((v + 1) / 2) - lgamma(v / 2) - log(v pi) / 2}: a constant when {@code v} is one. */
  private static Operand<TFloat32> normalizer(Ops tf, Operand<TFloat32> v) {
    float[] known = ParameterInput.constantValues(v);
    if (known != null) {
      float[] norm = new float[known.length];
      for (int i = 0; i < known.length; i++) {
        norm[i] = (float) logNormalizer(known[i]);
      }
      return tf.constant(v.shape(), DataBuffers.of(norm, true, false));
    }
    Operand<TFloat32> half = scalar(tf, 0.5);
    return tf.math.sub(logGammaRatio(tf, tf.math.mul(v, half)), tf.math.mul(half, tf.math.log(tf.math.mul(v, scalar(tf, Math.PI)))));
  }

  /**
   * {@code lgamma((v + 1) / 2) - lgamma(v / 2) - log(v pi) / 2} in double precision, for any
   * positive finite {@code v}.
   *
   * @param v the degrees of freedom
   * @return the log normalizer of the standard Student's t density
   */
  static double logNormalizer(double v) {
    return logGammaRatio(v / 2) - 0.5 * Math.log(v * Math.PI);
  }

  /**
   * {@code lgamma(a + 1/2) - lgamma(a)} in double precision without subtracting two large lgammas:
   * below {@code a = 10} by the recurrence {@code R(a) = R(a + 1) - log((a + 1/2) / a)}, from there
   * by the asymptotic series {@code log(a) / 2 - 1 / (8 a) + 1 / (192 a^3) - 1 / (640 a^5) + 17 /
   * (14336 a^7)}, whose error at {@code a = 10} is 1.6e-12 (checked against 40-digit arithmetic).
   */
  static double logGammaRatio(double a) {
    double shift = 0;
    while (a < 10) {
      shift -= Math.log((a + 0.5) / a);
      a += 1;
    }
    double inv = 1 / a;
    double inv2 = inv * inv;
    double series = 0.5 * Math.log(a)
        - inv * (1.0 / 8 - inv2 * (1.0 / 192 - inv2 * (1.0 / 640 - inv2 * (17.0 / 14336))));
    return series + shift;
  }

  /**
   * {@code lgamma(a + 1/2) - lgamma(a)}; from {@code a = 10} on its asymptotic series {@code log(a) /
   * 2 - 1 / (8 a) + 1 / (192 a^3)} (next term below 2e-8 there), because the float32 difference of
   * two large lgammas loses everything (at {@code df = 1e6} it was off by 0.06).
   */
  private static Operand<TFloat32> logGammaRatio(Ops tf, Operand<TFloat32> a) {
    Operand<TFloat32> exact = tf.math.sub(tf.math.lgamma(tf.math.add(a, scalar(tf, 0.5))), tf.math.lgamma(a));
    Operand<TFloat32> inv = tf.math.reciprocal(a);
    Operand<TFloat32> series = tf.math.add(tf.math.sub(tf.math.mul(scalar(tf, 0.5), tf.math.log(a)), tf.math.mul(inv, scalar(tf, 0.125))),
        tf.math.mul(tf.math.pow(inv, scalar(tf, 3)), scalar(tf, 1.0 / 192)));
    return DistributionMath.where(tf, tf.math.greaterEqual(a, scalar(tf, 10)), series, exact);
  }

  /**
   * {@code I(v / (v + z^2); v / 2, 1 / 2) / 2} below {@code loc}, one minus it above. Within {@code
   * |z| < 1e-3} the cdf is {@code 1/2 + p(0) z} (error below 1e-9): the Betainc form is singular at
   * {@code z = 0} (an infinite derivative in {@code w} times a zero one), which would make gradients
   * NaN at {@code x = loc}.
   */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> v = df();
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scale());
    Operand<TBool> near = tf.math.less(tf.math.abs(z), scalar(tf, 1e-3));
    Operand<TFloat32> safeZ = DistributionMath.where(tf, near, scalar(tf, 1), z);
    Operand<TFloat32> w = tf.math.div(v, tf.math.add(v, tf.math.square(safeZ)));
    Operand<TInt32> shape = tf.broadcastDynamicShape(tf.shape(w), tf.shape(v));
    Operand<TFloat32> a = tf.broadcastTo(tf.math.mul(v, scalar(tf, 0.5)), shape);
    Operand<TFloat32> b = tf.fill(shape, scalar(tf, 0.5));
    Operand<TFloat32> tail = tf.math.mul(scalar(tf, 0.5), tf.math.betainc(a, b, tf.broadcastTo(w, shape)));
    Operand<TFloat32> far = DistributionMath.where(tf, tf.math.less(safeZ, scalar(tf, 0)), tail, tf.math.sub(scalar(tf, 1), tail));
    Operand<TFloat32> densityAtZero = tf.math.exp(tf.math.sub(logGammaRatio(tf, tf.math.mul(v, scalar(tf, 0.5))),
        tf.math.mul(scalar(tf, 0.5), tf.math.log(tf.math.mul(v, scalar(tf, Math.PI))))));
    Operand<TFloat32> linear = tf.math.add(scalar(tf, 0.5), tf.math.mul(densityAtZero, z));
    return DistributionMath.where(tf, near, linear, far);
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  /** {@code loc} where {@code df > 1}, NaN elsewhere. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    Operand<TFloat32> mean = broadcastToBatchEvent(tf, loc());
    return DistributionMath.nanUnless(tf, tf.math.greater(df(), scalar(tf, 1)), mean);
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code scale^2 df / (df - 2)} for {@code df > 2}, infinite for {@code 1 < df <= 2}, NaN below. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> v = df();
    Operand<TBool> finite = tf.math.greater(v, scalar(tf, 2));
    Operand<TFloat32> safeV = DistributionMath.where(tf, finite, v, scalar(tf, 3));
    Operand<TFloat32> var = tf.math.div(tf.math.mul(tf.math.square(scale()), safeV), tf.math.sub(safeV, scalar(tf, 2)));
    Operand<TFloat32> withInf = DistributionMath.where(tf, finite, var, scalar(tf, Double.POSITIVE_INFINITY));
    return broadcastToBatchEvent(tf, DistributionMath.nanUnless(tf, tf.math.greater(v, scalar(tf, 1)), withInf));
  }

  /**
   * {@code (v + 1) / 2 (digamma((v + 1) / 2) - digamma(v / 2)) + log(v) / 2 + log B(v / 2, 1 / 2) +
   * log(scale)}.
   */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> v = df();
    Operand<TFloat32> half = scalar(tf, 0.5);
    Operand<TFloat32> halfV = tf.math.mul(v, half);
    Operand<TFloat32> halfV1 = tf.math.add(halfV, half);
    Operand<TFloat32> t1 = tf.math.mul(halfV1, tf.math.sub(tf.math.digamma(halfV1), tf.math.digamma(halfV)));
    Operand<TFloat32> t2 = tf.math.add(tf.math.mul(half, tf.math.log(v)), SpecialFunctions.logBeta(tf, halfV, half));
    return broadcastToBatchEvent(tf, tf.math.add(tf.math.add(t1, t2), tf.math.log(scale())));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link StudentT}: {@code df}, {@code loc}, {@code scale} are required. */
  public static final class Builder extends LocationScaleBuilder<StudentT, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("df", Constraint.POSITIVE, "loc", Constraint.REAL, "scale", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "StudentT", PARAMETERS, StudentT::new);
    }

    /**
     * {@code df} as a float32 tensor: the degrees of freedom, positive.
     *
     * @param df a float32 tensor of this context's graph, of known rank, positive and finite (values
     *     checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder df(Operand<TFloat32> df) {
      return parameter("df", df);
    }

    /**
     * {@code df} as a number: the degrees of freedom.
     *
     * @param df positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder df(double df) {
      return parameter("df", df);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
