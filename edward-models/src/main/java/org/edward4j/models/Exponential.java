package org.edward4j.models;

import java.util.Map;
import java.util.Optional;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The exponential distribution with rate {@code rate} (mean {@code 1 / rate}).
 *
 * <p>{@code log p(x) = log(rate) - rate * x} for {@code x >= 0}, {@code -inf} below. Samples are
 * reparameterized by the inverse CDF, {@code -log(1 - u) / rate} with {@code u ~ U[0, 1)}. The
 * batch shape is the rate's shape; the event is scalar. Closed-form {@code KL(Exponential ||
 * Exponential)}.
 *
 * <pre>{@code
 * Exponential waiting = Exponential.of(scope, 2.0);
 * Operand<TFloat32> mean = waiting.mean(); // 0.5
 * }</pre>
 */
public final class Exponential extends AbstractRandomVariable<TFloat32> {

  private Exponential(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * An exponential variable over a graph tensor.
   *
   * @param scope where to build it, named {@code Exponential} made unique there
   * @param rate the rate, positive
   * @return the variable
   */
  public static Exponential of(VariableScope scope, Operand<TFloat32> rate) {
    return builder(scope).rate(rate).build();
  }

  /**
   * A scalar exponential variable.
   *
   * @param scope where to build it
   * @param rate the rate, positive and finite
   * @return the variable
   */
  public static Exponential of(VariableScope scope, double rate) {
    return builder(scope).rate(rate).build();
  }

  /**
   * A builder for name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The rate parameter.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> rate() {
    return param("rate");
  }

  /** Always true: draws are {@code -log(1 - u) / rate}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = StandardDraws.uniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return tf.math.div(tf.math.neg(tf.math.log1p(tf.math.neg(u))), rate());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> density = tf.math.sub(tf.math.log(rate()), tf.math.mul(rate(), x));
    return SpecialFunctions.orMinusInfinity(tf, tf.math.greaterEqual(x, scalar(tf, 0)), density);
  }

  /** {@code 1 - exp(-rate max(x, 0))}. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    return tf.math.neg(tf.math.expm1(tf.math.neg(tf.math.mul(rate(), tf.math.maximum(x, scalar(tf, 0))))));
  }

  /** 0. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return tf.zerosLike(rate());
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return tf.math.reciprocal(rate());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.reciprocal(rate());
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return tf.math.reciprocal(tf.math.square(rate()));
  }

  /** {@code 1 - log(rate)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return tf.math.sub(scalar(tf, 1), tf.math.log(rate()));
  }

  /** {@code KL(Exp(r1) || Exp(r2)) = log(r1 / r2) + r2 / r1 - 1}. */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Exponential q)) {
      return Optional.empty();
    }
    Operand<TFloat32> ratio = tf.math.div(q.rate(), rate());
    return Optional.of(tf.math.sub(tf.math.sub(ratio, tf.math.log(ratio)), scalar(tf, 1)));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds an {@link Exponential}: {@code rate} is required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Exponential, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("rate", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Exponential", TFloat32.class);
    }

    /**
     * The rate, a float32 tensor of positive values.
     *
     * @param rate the rate (inverse mean), positive: a float32 tensor of this context's graph, of
     *     known rank (values checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder rate(Operand<TFloat32> rate) {
      return parameter("rate", rate);
    }

    /**
     * The rate, a positive finite number.
     *
     * @param rate the rate (inverse mean), positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder rate(double rate) {
      return parameter("rate", rate);
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Exponential create(Parts<TFloat32> parts) {
      return new Exponential(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
