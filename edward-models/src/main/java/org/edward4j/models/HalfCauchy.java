package org.edward4j.models;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The half-Cauchy distribution on {@code [loc, inf)}: a Cauchy folded at its median {@code loc}
 * (TensorFlow Probability's {@code HalfCauchy}; a common prior for scale parameters).
 *
 * <p>{@code log p(x) = log(2 / (pi scale)) - log(1 + z^2)} for {@code x >= loc}, {@code -inf}
 * below, with {@code z = (x - loc) / scale}; {@code cdf = 2 atan(z) / pi}. Samples are
 * reparameterized by the inverse CDF, {@code loc + scale tan(pi u / 2)}. The mean and variance do
 * not exist and are NaN (TensorFlow's {@code allow_nan_stats=True}). Mode {@code loc}, entropy
 * {@code log(2 pi scale)}. No closed-form KL.
 *
 * <pre>{@code
 * HalfCauchy tau = HalfCauchy.of(scope, 0.0, 1.0);
 * Operand<TFloat32> median = tau.scale(); // P(tau <= scale) = 1/2
 * }</pre>
 */
public final class HalfCauchy extends AbstractRandomVariable<TFloat32> {

  private HalfCauchy(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A half-Cauchy variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code HalfCauchy} made unique there
   * @param loc the lower end of the support
   * @param scale the scale, positive
   * @return the variable, with one draw as its value
   */
  public static HalfCauchy of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> scale) {
    return builder(scope).loc(loc).scale(scale).build();
  }

  /**
   * A scalar half-Cauchy variable.
   *
   * @param scope where to build it
   * @param loc the lower end of the support
   * @param scale the scale
   * @return the variable
   */
  public static HalfCauchy of(VariableScope scope, double loc, double scale) {
    return builder(scope).loc(loc).scale(scale).build();
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
   * The parameter {@code loc}: the lower end of the support.
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

  /** Always true: draws are {@code loc + scale tan(pi u / 2)}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = StandardDraws.uniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    Operand<TFloat32> t = tf.math.tan(tf.math.mul(scalar(tf, Math.PI / 2), u));
    return tf.math.add(tf.math.mul(t, scale()), loc());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.greaterEqual(x, loc());
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scale());
    Operand<TFloat32> norm = tf.math.sub(tf.math.log(scale()), scalar(tf, Math.log(2 / Math.PI)));
    Operand<TFloat32> lp = tf.math.neg(tf.math.add(tf.math.log1p(tf.math.square(z)), norm));
    return SpecialFunctions.orMinusInfinity(tf, inside, lp);
  }

  /** {@code 2 atan(max(z, 0)) / pi}. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.maximum(tf.math.div(tf.math.sub(x, loc()), scale()), scalar(tf, 0));
    return tf.math.mul(tf.math.atan(z), scalar(tf, 2 / Math.PI));
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  /** NaN: the mean does not exist. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return DistributionMath.nanLike(tf, broadcastToBatchEvent(tf, loc()));
  }

  /** NaN: the variance does not exist. */
  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return meanOf(tf);
  }

  /** NaN: the variance does not exist. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return meanOf(tf);
  }

  /** {@code log(2 pi scale)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.add(tf.math.log(scale()), scalar(tf, Math.log(2 * Math.PI))));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link HalfCauchy}: {@code loc}, {@code scale} are required. */
  public static final class Builder extends LocationScaleBuilder<HalfCauchy, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("loc", Constraint.REAL, "scale", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "HalfCauchy", PARAMETERS, HalfCauchy::new);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
