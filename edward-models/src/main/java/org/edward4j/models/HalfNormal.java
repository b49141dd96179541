package org.edward4j.models;

import java.util.Map;
import java.util.Optional;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The half-normal distribution on {@code [0, inf)}: {@code |X|} for {@code X ~ N(0, scale^2)}
 * (TensorFlow Probability's {@code HalfNormal}).
 *
 * <p>{@code log p(x) = log(2) / 2 - log(pi) / 2 - log(scale) - x^2 / (2 scale^2)} for {@code x >=
 * 0}, {@code -inf} below; {@code cdf = erf(x / (scale sqrt 2))}. Samples {@code scale |eps|} are
 * reparameterized. Mean {@code scale sqrt(2 / pi)}, variance {@code scale^2 (1 - 2 / pi)}, mode 0,
 * entropy {@code log(scale sqrt(pi e / 2))}. Closed-form {@code KL(HalfNormal || HalfNormal)}.
 *
 * <pre>{@code
 * HalfNormal sigma = HalfNormal.of(scope, 2.0);
 * Operand<TFloat32> mean = sigma.mean(); // 2 sqrt(2 / pi)
 * }</pre>
 */
public final class HalfNormal extends AbstractRandomVariable<TFloat32> {

  private HalfNormal(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A half-normal variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code HalfNormal} made unique there
   * @param scale the scale of the folded normal, positive
   * @return the variable, with one draw as its value
   */
  public static HalfNormal of(VariableScope scope, Operand<TFloat32> scale) {
    return builder(scope).scale(scale).build();
  }

  /**
   * A scalar half-normal variable.
   *
   * @param scope where to build it
   * @param scale the scale
   * @return the variable
   */
  public static HalfNormal of(VariableScope scope, double scale) {
    return builder(scope).scale(scale).build();
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
   * The parameter {@code scale}: the scale of the folded normal, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> scale() {
    return param("scale");
  }

  /** Always true: draws are {@code scale |eps|}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> eps = StandardDraws.normal(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return tf.math.mul(tf.math.abs(eps), scale());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.greaterEqual(x, scalar(tf, 0));
    Operand<TFloat32> quad = tf.math.mul(scalar(tf, -0.5), tf.math.square(tf.math.div(x, scale())));
    Operand<TFloat32> lp = tf.math.sub(quad, tf.math.add(tf.math.log(scale()), scalar(tf, 0.5 * Math.log(Math.PI / 2))));
    return SpecialFunctions.orMinusInfinity(tf, inside, lp);
  }

  /** {@code erf(max(x, 0) / (scale sqrt 2))}. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.maximum(x, scalar(tf, 0)), tf.math.mul(scale(), scalar(tf, Math.sqrt(2))));
    return tf.math.erf(z);
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return tf.zerosLike(broadcastToBatchEvent(tf, scale()));
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(scale(), scalar(tf, Math.sqrt(2 / Math.PI))));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(scale(), scalar(tf, Math.sqrt(1 - 2 / Math.PI))));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(tf.math.square(scale()), scalar(tf, 1 - 2 / Math.PI)));
  }

  /** {@code log(scale) + log(pi e / 2) / 2}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.add(tf.math.log(scale()), scalar(tf, 0.5 * Math.log(Math.PI * Math.E / 2))));
  }

  /** {@code KL(HN(s1) || HN(s2)) = log(s2 / s1) + s1^2 / (2 s2^2) - 1/2}. */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof HalfNormal q)) {
      return Optional.empty();
    }
    Operand<TFloat32> ratio = tf.math.square(tf.math.div(scale(), q.scale()));
    Operand<TFloat32> half = scalar(tf, 0.5);
    return Optional.of(tf.math.mul(half, tf.math.sub(tf.math.sub(ratio, scalar(tf, 1)), tf.math.log(ratio))));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link HalfNormal}: {@code scale} is required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, HalfNormal, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("scale", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "HalfNormal", TFloat32.class);
    }

    /**
     * {@code scale} as a float32 tensor: the scale of the folded normal, positive.
     *
     * @param scale a float32 tensor of this context's graph, of known rank, positive and finite (values
     *     checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder scale(Operand<TFloat32> scale) {
      return parameter("scale", scale);
    }

    /**
     * {@code scale} as a number: the scale.
     *
     * @param scale positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder scale(double scale) {
      return parameter("scale", scale);
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected HalfNormal create(Parts<TFloat32> parts) {
      return new HalfNormal(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
