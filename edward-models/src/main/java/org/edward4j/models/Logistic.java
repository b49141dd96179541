package org.edward4j.models;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The logistic distribution with location {@code loc} and scale {@code scale}.
 *
 * <p>{@code log p(x) = -z - 2 softplus(-z) - log(scale)} with {@code z = (x - loc) / scale}; {@code
 * cdf = sigmoid(z)}. Samples are reparameterized by the inverse CDF, {@code loc + scale (log u -
 * log(1 - u))}. Mean and mode {@code loc}, variance {@code pi^2 scale^2 / 3}, entropy {@code
 * log(scale) + 2}. No closed-form KL (TensorFlow had none).
 *
 * <pre>{@code
 * Logistic l = Logistic.of(scope, 1.0, 0.5);
 * Operand<TFloat32> half = l.cdf(l.loc()); // 0.5
 * }</pre>
 */
public final class Logistic extends AbstractRandomVariable<TFloat32> {

  private Logistic(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A logistic variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code Logistic} made unique there
   * @param loc the mean, median and mode
   * @param scale the scale, positive
   * @return the variable, with one draw as its value
   */
  public static Logistic of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> scale) {
    return builder(scope).loc(loc).scale(scale).build();
  }

  /**
   * A scalar logistic variable.
   *
   * @param scope where to build it
   * @param loc the location
   * @param scale the scale
   * @return the variable
   */
  public static Logistic of(VariableScope scope, double loc, double scale) {
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
   * The parameter {@code loc}: the mean, median and mode.
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

  /** Always true: draws are {@code loc + scale logit(u)}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = DistributionMath.openUniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    Operand<TFloat32> logit = tf.math.sub(tf.math.log(u), tf.math.log1p(tf.math.neg(u)));
    return tf.math.add(tf.math.mul(logit, scale()), loc());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scale());
    Operand<TFloat32> twoSoftplus = tf.math.mul(scalar(tf, 2), tf.math.softplus(tf.math.neg(z)));
    return tf.math.sub(tf.math.neg(tf.math.add(z, twoSoftplus)), tf.math.log(scale()));
  }

  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    return tf.math.sigmoid(tf.math.div(tf.math.sub(x, loc()), scale()));
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
    return broadcastToBatchEvent(tf, tf.math.mul(scale(), scalar(tf, Math.PI / Math.sqrt(3))));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(tf.math.square(scale()), scalar(tf, Math.PI * Math.PI / 3)));
  }

  /** {@code log(scale) + 2}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.add(tf.math.log(scale()), scalar(tf, 2)));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link Logistic}: {@code loc}, {@code scale} are required. */
  public static final class Builder extends LocationScaleBuilder<Logistic, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("loc", Constraint.REAL, "scale", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Logistic", PARAMETERS, Logistic::new);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
