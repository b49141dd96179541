package org.edward4j.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The relaxed Bernoulli (binary Concrete) distribution on {@code (0, 1)}: {@code Y = sigmoid((l +
 * L) / t)} with {@code L} standard logistic, {@code l} the {@code logits} (or {@code log(p / (1 -
 * p))} from {@code probs}) and {@code t > 0} the {@code temperature} (Maddison, Mnih and Teh, 2017,
 * "The Concrete Distribution"; Jang, Gu and Poole, 2017, "Categorical Reparameterization with
 * Gumbel-Softmax").
 *
 * <p>{@code log p(y) = log t - z - 2 softplus(-z) - log y - log(1 - y)} with {@code z = t logit(y) -
 * l}; {@code -inf} outside {@code (0, 1)}. As {@code t -> 0} draws approach {@code Bernoulli(p)}.
 * Samples are reparameterized: gradients flow to {@code logits} and {@code temperature} through
 * the stateless uniform noise. Closed-form cdf {@code sigmoid(t logit(y) - l)}; no closed-form mean,
 * variance, mode or entropy. In float32, draws at low temperature can round to exactly 0 or 1, where
 * the density is infinite or zero.
 *
 * <pre>{@code
 * RelaxedBernoulli gate = RelaxedBernoulli.ofProbs(scope, 0.5, 0.3);
 * Operand<TFloat32> lp = gate.logProb(gate); // finite: draws are inside (0, 1)
 * }</pre>
 */
public final class RelaxedBernoulli extends AbstractRandomVariable<TFloat32> {

  private RelaxedBernoulli(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A scalar relaxed Bernoulli with success probability {@code probs}.
   *
   * @param scope where to build it, named {@code RelaxedBernoulli} made unique there
   * @param temperature positive and finite
   * @param probs in [0, 1]
   * @return the variable
   */
  public static RelaxedBernoulli ofProbs(VariableScope scope, double temperature, double probs) {
    return builder(scope).temperature(temperature).probs(probs).build();
  }

  /**
   * A relaxed Bernoulli over graph tensors.
   *
   * @param scope where to build it
   * @param temperature positive
   * @param logits the log-odds; broadcasts against {@code temperature}
   * @return the variable
   */
  public static RelaxedBernoulli ofLogits(VariableScope scope, Operand<TFloat32> temperature, Operand<TFloat32> logits) {
    return builder(scope).temperature(temperature).logits(logits).build();
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
   * The temperature parameter.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> temperature() {
    return param("temperature");
  }

  /** Always true: draws are a smooth function of the parameters and uniform noise. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = StandardDraws.uniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    Operand<TFloat32> safeU = tf.math.maximum(u, scalar(tf, Float.MIN_NORMAL));
    Operand<TFloat32> logistic = tf.math.sub(tf.math.log(safeU), tf.math.log1p(tf.math.neg(safeU)));
    return tf.math.sigmoid(tf.math.div(tf.math.add(logitsOf(tf), logistic), temperature()));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.logicalAnd(tf.math.greater(x, scalar(tf, 0)), tf.math.less(x, scalar(tf, 1)));
    Operand<TFloat32> y = tf.select(inside, x, tf.fill(tf.shape(x), scalar(tf, 0.5)));
    Operand<TFloat32> logY = tf.math.log(y);
    Operand<TFloat32> log1mY = tf.math.log1p(tf.math.neg(y));
    Operand<TFloat32> t = temperature();
    Operand<TFloat32> z = tf.math.sub(tf.math.mul(t, tf.math.sub(logY, log1mY)), logitsOf(tf));
    Operand<TFloat32> logistic = tf.math.sub(tf.math.sub(tf.math.log(t), z),
        tf.math.mul(scalar(tf, 2), tf.math.softplus(tf.math.neg(z))));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.sub(logistic, tf.math.add(logY, log1mY)));
  }

  /** {@code sigmoid(t logit(y) - l)}; 0 at or below 0, 1 at or above 1. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> y = tf.math.minimum(tf.math.maximum(x, scalar(tf, Float.MIN_NORMAL)),
        scalar(tf, 1 - Math.ulp(1f) / 2));
    Operand<TFloat32> logit = tf.math.sub(tf.math.log(y), tf.math.log1p(tf.math.neg(y)));
    Operand<TFloat32> cdf = tf.math.sigmoid(tf.math.sub(tf.math.mul(temperature(), logit), logitsOf(tf)));
    Operand<TFloat32> zeros = tf.zerosLike(cdf);
    return tf.select(tf.math.lessEqual(tf.math.add(x, zeros), zeros), zeros,
        tf.select(tf.math.greaterEqual(tf.math.add(x, zeros), tf.onesLike(cdf)), tf.onesLike(cdf), cdf));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  private Operand<TFloat32> logitsOf(Ops tf) {
    if (hasParam("logits")) {
      return param("logits");
    }
    Operand<TFloat32> p = param("probs");
    return tf.math.sub(tf.math.log(p), tf.math.log1p(tf.math.neg(p)));
  }

  /** Builds a {@link RelaxedBernoulli}: {@code temperature} and exactly one of {@code probs} and {@code logits}. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, RelaxedBernoulli, Builder> {

    private static final Map<String, Constraint> PARAMETERS = parameters();

    private Builder(VariableScope scope) {
      super(scope, "RelaxedBernoulli", TFloat32.class);
    }

    private static Map<String, Constraint> parameters() {
      Map<String, Constraint> m = new LinkedHashMap<>();
      m.put("temperature", Constraint.POSITIVE);
      m.put("probs", Constraint.UNIT_INTERVAL);
      m.put("logits", Constraint.REAL);
      return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The temperature, a float32 tensor of positive values.
     *
     * @param temperature a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder temperature(Operand<TFloat32> temperature) {
      return parameter("temperature", temperature);
    }

    /**
     * The temperature, positive and finite.
     *
     * @param temperature {@code t > 0}; small values approach a Bernoulli
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder temperature(double temperature) {
      return parameter("temperature", temperature);
    }

    /**
     * The probability of 1 in the zero-temperature limit, a float32 tensor in [0, 1].
     *
     * @param probs a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant
     *     outside [0, 1]
     */
    public Builder probs(Operand<TFloat32> probs) {
      return parameter("probs", probs);
    }

    /**
     * The probability of 1 in the zero-temperature limit, in [0, 1].
     *
     * @param probs {@code p}
     * @return this builder
     * @throws IllegalArgumentException if it is outside [0, 1]
     */
    public Builder probs(double probs) {
      return parameter("probs", probs);
    }

    /**
     * The log-odds, a float32 tensor.
     *
     * @param logits a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder logits(Operand<TFloat32> logits) {
      return parameter("logits", logits);
    }

    /**
     * The log-odds, finite.
     *
     * @param logits {@code log(p / (1 - p))}
     * @return this builder
     * @throws IllegalArgumentException if it is not finite
     */
    public Builder logits(double logits) {
      return parameter("logits", logits);
    }

    /** {@code temperature} and exactly one of {@code probs} and {@code logits}. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      if (!given.contains("temperature")) {
        throw new IllegalArgumentException("`temperature` must be given for RelaxedBernoulli");
      }
      checkExactlyOne(given, "probs", "logits");
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected RelaxedBernoulli create(Parts<TFloat32> parts) {
      return new RelaxedBernoulli(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
