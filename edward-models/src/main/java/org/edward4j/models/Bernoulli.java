package org.edward4j.models;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The Bernoulli distribution over {0, 1}, given by exactly one of {@code probs} ({@code P(x = 1)})
 * or {@code logits} ({@code log(p / (1 - p))}).
 *
 * <p>{@code log p(x) = x * logits - softplus(logits)}, or {@code x log p + (1 - x) log(1 - p)} when
 * built from {@code probs} (finite at {@code p = 0} and {@code p = 1} for the possible outcome).
 * Other {@code x}, such as grey levels in [0, 1], get the same formula (a cross-entropy), as in
 * Edward and TensorFlow, rather than {@code -inf}.
 * Values are int32 by default, as in Edward; {@code dtype(TFloat32.class)} gives floats. Not
 * reparameterized. The batch shape is the parameter's; the event is scalar. Closed-form {@code
 * KL(Bernoulli || Bernoulli)}.
 *
 * <pre>{@code
 * Bernoulli<TInt32> coin = Bernoulli.ofProbs(scope, 0.3);
 * Bernoulli<TFloat32> flips = Bernoulli.builder(scope).logits(0.0).sampleShape(10).dtype(TFloat32.class).build();
 * }</pre>
 *
 * @param <T> the value's element type: int32 (default), int64 or float32
 */
public final class Bernoulli<T extends TNumber> extends AbstractRandomVariable<T> {

  private Bernoulli(Parts<T> parts) {
    super(parts);
  }

  /**
   * An int32-valued Bernoulli variable with {@code P(x = 1) = probs}.
   *
   * @param scope where to build it, named {@code Bernoulli} made unique there
   * @param probs probabilities in [0, 1]
   * @return the variable
   */
  public static Bernoulli<TInt32> ofProbs(VariableScope scope, Operand<TFloat32> probs) {
    return builder(scope).probs(probs).build();
  }

  /**
   * A scalar int32-valued Bernoulli variable with {@code P(x = 1) = probs}, in [0, 1].
   *
   * @param scope where to build it, named {@code Bernoulli} made unique there
   * @param probs the probability of a one, in [0, 1]
   * @return the variable, with one draw as its value
   * @throws IllegalArgumentException if {@code probs} is outside [0, 1] or NaN
   */
  public static Bernoulli<TInt32> ofProbs(VariableScope scope, double probs) {
    return builder(scope).probs(probs).build();
  }

  /**
   * An int32-valued Bernoulli variable with {@code P(x = 1) = sigmoid(logits)}.
   *
   * @param scope where to build it
   * @param logits log-odds
   * @return the variable
   */
  public static Bernoulli<TInt32> ofLogits(VariableScope scope, Operand<TFloat32> logits) {
    return builder(scope).logits(logits).build();
  }

  /**
   * A scalar int32-valued Bernoulli variable with finite log-odds {@code logits}.
   *
   * @param scope where to build it, named {@code Bernoulli} made unique there
   * @param logits the log-odds {@code log(p / (1 - p))}; finite
   * @return the variable, with one draw as its value
   * @throws IllegalArgumentException if {@code logits} is not finite
   */
  public static Bernoulli<TInt32> ofLogits(VariableScope scope, double logits) {
    return builder(scope).logits(logits).build();
  }

  /**
   * A builder for value dtype, name, sample shape, observed value.
   *
   * @param scope where to build the variable; an open context's scope
   * @return a new int32-valued builder; {@link Builder#dtype} changes the value type
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder<TInt32> builder(VariableScope scope) {
    return new Builder<>(scope, TInt32.class);
  }

  /**
   * {@code P(x = 1)}: the {@code probs} parameter, or {@code sigmoid(logits)} built now.
   *
   * @return a float32 tensor of the parameter's shape, values in [0, 1]
   */
  public Operand<TFloat32> probs() {
    return hasParam("probs") ? param("probs") : probsOf(ops().withSubScope("probs"));
  }

  /**
   * The log-odds: the {@code logits} parameter, or {@code log p - log(1 - p)} built now.
   *
   * @return a float32 tensor of the parameter's shape; infinite where {@code probs} is 0 or 1
   */
  public Operand<TFloat32> logits() {
    if (hasParam("logits")) {
      return param("logits");
    }
    Ops tf = ops().withSubScope("logits");
    return tf.math.sub(tf.math.log(param("probs")), tf.math.log1p(tf.math.neg(param("probs"))));
  }

  /** Always false: outcomes are not differentiable in the parameters. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = StandardDraws.uniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return tf.dtypes.cast(tf.math.less(u, probsOf(tf)), dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    if (hasParam("logits")) {
      Operand<TFloat32> l = param("logits");
      return tf.math.sub(tf.math.mul(x, l), tf.math.softplus(l));
    }
    Operand<TFloat32> p = param("probs");
    return tf.math.add(SpecialFunctions.xLogY(tf, x, p),
        SpecialFunctions.xLog1pY(tf, tf.math.sub(scalar(tf, 1), x), tf.math.neg(p)));
  }

  /** 0 below 0, {@code 1 - p} on {@code [0, 1)}, 1 from 1 on. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> below1 = DistributionMath.where(tf, tf.math.less(x, scalar(tf, 0)), scalar(tf, 0),
        tf.math.sub(scalar(tf, 1), probsOf(tf)));
    return DistributionMath.where(tf, tf.math.greaterEqual(x, scalar(tf, 1)), scalar(tf, 1), below1);
  }

  /** 1 where {@code p > 1/2}, else 0 (TensorFlow's tie-break). */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return tf.dtypes.cast(tf.math.greater(probsOf(tf), scalar(tf, 0.5)), TFloat32.class);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return probsOf(tf);
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> p = probsOf(tf);
    return tf.math.mul(p, tf.math.sub(scalar(tf, 1), p));
  }

  /** {@code softplus(l) - l sigmoid(l)} from logits, {@code -p log p - (1 - p) log(1 - p)} from probs. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    if (hasParam("logits")) {
      Operand<TFloat32> l = param("logits");
      return tf.math.sub(tf.math.softplus(l), tf.math.mul(l, tf.math.sigmoid(l)));
    }
    Operand<TFloat32> p = param("probs");
    Operand<TFloat32> q = tf.math.sub(scalar(tf, 1), p);
    return tf.math.neg(tf.math.add(SpecialFunctions.xLogY(tf, p, p), SpecialFunctions.xLogY(tf, q, q)));
  }

  /**
   * {@code KL = p1 (log p1 - log p2) + (1 - p1) (log(1 - p1) - log(1 - p2))}, computed from logits
   * (with log-sigmoids) when both variables were built from logits, else from probabilities.
   */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Bernoulli<?> q)) {
      return Optional.empty();
    }
    if (hasParam("logits") && q.hasParam("logits")) {
      Operand<TFloat32> a = param("logits");
      Operand<TFloat32> b = q.param("logits");
      Operand<TFloat32> one = tf.math.mul(tf.math.sigmoid(a),
          tf.math.sub(SpecialFunctions.logSigmoid(tf, a), SpecialFunctions.logSigmoid(tf, b)));
      Operand<TFloat32> zero = tf.math.mul(tf.math.sigmoid(tf.math.neg(a)), tf.math.sub(
          SpecialFunctions.logSigmoid(tf, tf.math.neg(a)), SpecialFunctions.logSigmoid(tf, tf.math.neg(b))));
      return Optional.of(tf.math.add(one, zero));
    }
    Operand<TFloat32> p1 = probsOf(tf);
    Operand<TFloat32> p2 = q.probsOf(tf);
    Operand<TFloat32> q1 = tf.math.sub(scalar(tf, 1), p1);
    Operand<TFloat32> q2 = tf.math.sub(scalar(tf, 1), p2);
    Operand<TFloat32> one = tf.math.sub(SpecialFunctions.xLogY(tf, p1, p1), SpecialFunctions.xLogY(tf, p1, p2));
    Operand<TFloat32> zero = tf.math.sub(SpecialFunctions.xLogY(tf, q1, q1), SpecialFunctions.xLogY(tf, q1, q2));
    return Optional.of(tf.math.add(one, zero));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, dtype());
  }

  private Operand<TFloat32> probsOf(Ops tf) {
    return hasParam("probs") ? param("probs") : tf.math.sigmoid(param("logits"));
  }

  /**
   * Builds a {@link Bernoulli}: exactly one of {@code probs} and {@code logits} is required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber> extends RandomVariableBuilder<T, Bernoulli<T>, Builder<T>> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("logits", Constraint.REAL, "probs", Constraint.UNIT_INTERVAL);

    private Builder(VariableScope scope, Class<T> dtype) {
      super(scope, "Bernoulli", checkDiscreteDtype(dtype));
    }

    /**
     * {@code P(x = 1)}, a float32 tensor of values in [0, 1].
     *
     * @param probs the probabilities of a one, in [0, 1]: a float32 tensor of this context's graph,
     *     of known rank (values checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant
     *     outside [0, 1]
     */
    public Builder<T> probs(Operand<TFloat32> probs) {
      return parameter("probs", probs);
    }

    /**
     * {@code P(x = 1)}, a number in [0, 1].
     *
     * @param probs the probability of a one, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code probs} is outside [0, 1] or NaN
     */
    public Builder<T> probs(double probs) {
      return parameter("probs", probs);
    }

    /**
     * The log-odds, a float32 tensor.
     *
     * @param logits the log-odds, finite: a float32 tensor of this context's graph, of known rank
     *     (values checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a non-finite
     *     constant
     */
    public Builder<T> logits(Operand<TFloat32> logits) {
      return parameter("logits", logits);
    }

    /**
     * The log-odds, a finite number.
     *
     * @param logits {@code log(p / (1 - p))}; finite
     * @return this builder
     * @throws IllegalArgumentException if {@code logits} is not finite
     */
    public Builder<T> logits(double logits) {
      return parameter("logits", logits);
    }

    /**
     * The value's element type; set it before {@link #value}.
     *
     * @param dtype {@code TInt32.class} (default), {@code TInt64.class} or {@code TFloat32.class}
     * @param <U> the new element type
     * @return a builder of that type with everything set so far
     */
    public <U extends TNumber> Builder<U> dtype(Class<U> dtype) {
      return copyInto(new Builder<>(scope(), dtype));
    }

    /** Exactly one of {@code probs} and {@code logits}. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      checkExactlyOne(given, "probs", "logits");
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Bernoulli<T> create(Parts<T> parts) {
      return new Bernoulli<>(parts);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
