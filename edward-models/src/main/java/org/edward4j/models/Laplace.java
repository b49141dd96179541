package org.edward4j.models;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The Laplace (double exponential) distribution with location {@code loc} and scale {@code scale}.
 *
 * <p>{@code log p(x) = -|x - loc| / scale - log(2 scale)}. Samples are reparameterized by the
 * inverse CDF, {@code loc - scale * sign(u) * log(1 - |u|)} with {@code u} uniform on {@code (-1,
 * 1)}. The batch shape is the broadcast of the parameters' shapes; the event is scalar.
 *
 * <pre>{@code
 * Laplace w = Laplace.of(scope, 0.0, 1.0);
 * Operand<TFloat32> logDensity = w.logProb(tf.constant(0.5f));
 * }</pre>
 */
public final class Laplace extends AbstractRandomVariable<TFloat32> {

  /** The float just above -1: draws of {@code u} below it would give an infinite sample. */
  private static final float ABOVE_MINUS_ONE = Math.nextUp(-1f);

  private Laplace(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A Laplace variable over graph tensors.
   *
   * @param scope where to build it, named {@code Laplace} made unique there
   * @param loc the location (mean and median)
   * @param scale the scale, positive; broadcasts against {@code loc}
   * @return the variable
   */
  public static Laplace of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> scale) {
    return builder(scope).loc(loc).scale(scale).build();
  }

  /**
   * A scalar Laplace variable.
   *
   * @param scope where to build it
   * @param loc the location, finite
   * @param scale the scale, positive and finite
   * @return the variable
   */
  public static Laplace of(VariableScope scope, double loc, double scale) {
    return builder(scope).loc(loc).scale(scale).build();
  }

  /**
   * A builder for name, sample shape, observed value or mixed parameters.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The location parameter.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The scale parameter.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> scale() {
    return param("scale");
  }

  /** Always true: draws are {@code loc + scale * e} with {@code e} a standard Laplace draw. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u01 = StandardDraws.uniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    Operand<TFloat32> u = tf.math.maximum(tf.math.sub(tf.math.mul(u01, scalar(tf, 2)), scalar(tf, 1)),
        tf.constant(ABOVE_MINUS_ONE));
    Operand<TFloat32> e = tf.math.neg(tf.math.mul(tf.math.sign(u), tf.math.log1p(tf.math.neg(tf.math.abs(u)))));
    return tf.math.add(loc(), tf.math.mul(scale(), e));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.abs(tf.math.sub(x, loc())), scale());
    return tf.math.neg(tf.math.add(z, tf.math.log(tf.math.mul(scalar(tf, 2), scale()))));
  }

  /**
   * {@code exp(z) / 2} below {@code loc}, {@code 1 - exp(-z) / 2} from it on, {@code z = (x - loc) /
   * scale}; written with {@code min}/{@code max} rather than {@code |z|}, whose gradient is 0 at
   * {@code z = 0} where the cdf's is the density.
   */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scale());
    Operand<TFloat32> half = scalar(tf, 0.5);
    Operand<TFloat32> lower = tf.math.mul(half, tf.math.exp(tf.math.minimum(z, scalar(tf, 0))));
    Operand<TFloat32> upper = tf.math.sub(scalar(tf, 1), tf.math.mul(half, tf.math.exp(tf.math.neg(tf.math.maximum(z, scalar(tf, 0))))));
    return DistributionMath.where(tf, tf.math.less(z, scalar(tf, 0)), lower, upper);
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(scalar(tf, Math.sqrt(2)), scale()));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(scalar(tf, 2), tf.math.square(scale())));
  }

  /** {@code 1 + log(2 scale)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.add(scalar(tf, 1 + Math.log(2)), tf.math.log(scale())));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link Laplace}: {@code loc} and {@code scale} are required. */
  public static final class Builder extends LocationScaleBuilder<Laplace, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("loc", Constraint.REAL, "scale", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Laplace", PARAMETERS, Laplace::new);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
