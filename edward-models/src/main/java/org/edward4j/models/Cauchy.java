package org.edward4j.models;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The Cauchy distribution with median {@code loc} and half-width at half-maximum {@code scale}.
 *
 * <p>{@code log p(x) = -log(pi scale) - log(1 + z^2)} with {@code z = (x - loc) / scale}; {@code
 * cdf = 1/2 + atan(z) / pi}. Samples are reparameterized by the inverse CDF, {@code loc + scale
 * tan(pi (u - 1/2))}. The mean, standard deviation and variance do not exist: as TensorFlow's
 * {@code allow_nan_stats=True}, they are NaN. Mode {@code loc}, entropy {@code log(4 pi scale)}. No
 * closed-form KL (TensorFlow had none).
 *
 * <pre>{@code
 * Cauchy c = Cauchy.of(scope, 0.0, 2.0);
 * Operand<TFloat32> q = c.cdf(c); // U(0, 1) by the probability integral transform
 * }</pre>
 */
public final class Cauchy extends AbstractRandomVariable<TFloat32> {

  private Cauchy(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A Cauchy variable over graph tensors.
   *
   * @param scope where to build it, named {@code Cauchy} made unique there
   * @param loc the median
   * @param scale the half-width at half-maximum, positive; broadcasts against {@code loc}
   * @return the variable
   */
  public static Cauchy of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> scale) {
    return builder(scope).loc(loc).scale(scale).build();
  }

  /**
   * A scalar Cauchy variable.
   *
   * @param scope where to build it
   * @param loc the median, finite
   * @param scale the half-width, positive and finite
   * @return the variable
   */
  public static Cauchy of(VariableScope scope, double loc, double scale) {
    return builder(scope).loc(loc).scale(scale).build();
  }

  /**
   * A builder for name, sample shape, observed value or mixed parameters.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The median.
   *
   * @return the float32 tensor the variable was built with, not broadcast
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The half-width at half-maximum.
   *
   * @return the float32 tensor the variable was built with, not broadcast
   */
  public Operand<TFloat32> scale() {
    return param("scale");
  }

  /** Always true: draws are {@code loc + scale tan(pi (u - 1/2))}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = DistributionMath.openUniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    Operand<TFloat32> t = tf.math.tan(tf.math.mul(scalar(tf, Math.PI), tf.math.sub(u, scalar(tf, 0.5))));
    return tf.math.add(tf.math.mul(t, scale()), loc());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scale());
    Operand<TFloat32> norm = tf.math.add(tf.math.log(scale()), scalar(tf, Math.log(Math.PI)));
    return tf.math.neg(tf.math.add(tf.math.log1p(tf.math.square(z)), norm));
  }

  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scale());
    return tf.math.add(scalar(tf, 0.5), tf.math.mul(tf.math.atan(z), scalar(tf, 1 / Math.PI)));
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

  /** {@code log(4 pi scale)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.add(tf.math.log(scale()), scalar(tf, Math.log(4 * Math.PI))));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link Cauchy}: {@code loc} and {@code scale} are required. */
  public static final class Builder extends LocationScaleBuilder<Cauchy, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("loc", Constraint.REAL, "scale", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Cauchy", PARAMETERS, Cauchy::new);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
