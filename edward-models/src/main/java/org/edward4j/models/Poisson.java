package org.edward4j.models;

import java.util.Map;
import java.util.Optional;
import org.edward4j.core.ModelContext.OpSeed;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomPoisson;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * The Poisson distribution over counts {@code 0, 1, 2, ...} with mean {@code rate}.
 *
 * <p>{@code log p(x) = x log(rate) - rate - lgamma(x + 1)} for {@code x >= 0}, {@code -inf} below
 * (non-integer {@code x} gets the same continuous formula, as TensorFlow's does). Values are
 * float32 by default, as in Edward, where a Poisson takes the rate's dtype; {@code dtype(TInt32.class)}
 * gives integer counts. Not reparameterized. The batch shape is the rate's; the event is scalar.
 * There is no closed-form entropy. Closed-form {@code KL(Poisson || Poisson)}.
 *
 * <pre>{@code
 * Poisson<TFloat32> counts = Poisson.builder(scope).rate(3.0).sampleShape(10).build();
 * Poisson<TInt32> ints = Poisson.builder(scope).rate(3.0).dtype(TInt32.class).build();
 * }</pre>
 *
 * @param <T> the value's element type: float32 (default), int32 or int64
 */
public final class Poisson<T extends TNumber> extends AbstractRandomVariable<T> {

  private Poisson(Parts<T> parts) {
    super(parts);
  }

  /**
   * A float32-valued Poisson variable over a graph tensor.
   *
   * @param scope where to build it, named {@code Poisson} made unique there
   * @param rate the mean, positive
   * @return the variable
   */
  public static Poisson<TFloat32> of(VariableScope scope, Operand<TFloat32> rate) {
    return builder(scope).rate(rate).build();
  }

  /**
   * A scalar, float32-valued Poisson variable.
   *
   * @param scope where to build it
   * @param rate the mean, positive and finite
   * @return the variable
   */
  public static Poisson<TFloat32> of(VariableScope scope, double rate) {
    return builder(scope).rate(rate).build();
  }

  /**
   * A builder for value dtype, name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder; {@link Builder#dtype} changes the float32 value type
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder<TFloat32> builder(VariableScope scope) {
    return new Builder<>(scope, TFloat32.class);
  }

  /**
   * The rate (mean) parameter.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> rate() {
    return param("rate");
  }

  /** Always false: counts are not differentiable in the rate. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    return tf.random.statelessRandomPoisson(
        drawShape(tf, sampleShape), nextSeedTensor(tf), broadcastToBatchEvent(tf, rate()), dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> lp = tf.math.sub(tf.math.sub(SpecialFunctions.xLogY(tf, x, rate()), rate()),
        tf.math.lgamma(tf.math.add(x, scalar(tf, 1))));
    return SpecialFunctions.orMinusInfinity(tf, tf.math.greaterEqual(x, scalar(tf, 0)), lp);
  }

  /** {@code Q(floor(x) + 1, rate)} for {@code x >= 0} (the regularized upper incomplete gamma function), 0 below. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<org.tensorflow.types.TBool> inside = tf.math.greaterEqual(x, scalar(tf, 0));
    Operand<TFloat32> k = tf.math.add(tf.math.floor(tf.math.maximum(x, scalar(tf, 0))), scalar(tf, 1));
    Operand<TFloat32> q = tf.math.igammac(Chi2.broadcastTogether(tf, k, rate()), Chi2.broadcastTogether(tf, rate(), k));
    return DistributionMath.where(tf, inside, q, scalar(tf, 0));
  }

  /** {@code floor(rate)} (for an integer rate, {@code rate - 1} is a mode too; this is the larger). */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return tf.math.floor(rate());
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return tf.identity(rate());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(rate());
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return tf.identity(rate());
  }

  /** {@code KL(Poisson(r1) || Poisson(r2)) = r1 log(r1 / r2) - r1 + r2}. */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Poisson<?> q)) {
      return Optional.empty();
    }
    Operand<TFloat32> r1 = rate();
    Operand<TFloat32> r2 = q.rate();
    Operand<TFloat32> logRatio = tf.math.sub(tf.math.log(r1), tf.math.log(r2));
    return Optional.of(tf.math.add(tf.math.mul(r1, logRatio), tf.math.sub(r2, r1)));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, dtype());
  }

  /**
   * Builds a {@link Poisson}: {@code rate} is required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber> extends RandomVariableBuilder<T, Poisson<T>, Builder<T>> {

    private static final Map<String, Constraint> PARAMETERS = constraints("rate", Constraint.POSITIVE);

    private Builder(VariableScope scope, Class<T> dtype) {
      super(scope, "Poisson", checkDiscreteDtype(dtype));
    }

    /**
     * The rate, a float32 tensor of positive values.
     *
     * @param rate the rate (mean), positive: a float32 tensor of this context's graph, of known
     *     rank (values checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder<T> rate(Operand<TFloat32> rate) {
      return parameter("rate", rate);
    }

    /**
     * The rate, a positive finite number.
     *
     * @param rate the rate (mean), positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder<T> rate(double rate) {
      return parameter("rate", rate);
    }

    /**
     * The value's element type; set it before {@link #value}.
     *
     * @param dtype {@code TFloat32.class} (default), {@code TInt32.class} or {@code TInt64.class}
     * @param <U> the new element type
     * @return a builder of that type with everything set so far
     */
    public <U extends TNumber> Builder<U> dtype(Class<U> dtype) {
      return copyInto(new Builder<>(scope(), dtype));
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Poisson<T> create(Parts<T> parts) {
      return new Poisson<>(parts);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
