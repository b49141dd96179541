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
import org.tensorflow.types.family.TNumber;

/**
 * The binomial distribution: the number of successes in {@code totalCount} independent trials of
 * success probability {@code probs} (or {@code sigmoid(logits)}), TensorFlow's {@code
 * Binomial(total_count, probs | logits)}.
 *
 * <p>{@code log p(k) = lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k log p + (n - k) log(1 -
 * p)} (from logits, {@code k l - n softplus(l)}); {@code -inf} outside {@code [0, n]}. Draws come
 * from TensorFlow's stateless binomial op keyed by the context's random step. Values are float32
 * by default, as in TensorFlow; {@code dtype(TInt32.class)} gives integers. Not reparameterized.
 * Closed-form cdf ({@code I_{1-p}(n - k, k + 1)}, regularized incomplete beta), mean {@code n p},
 * variance {@code n p (1 - p)}, mode {@code floor((n + 1) p)} (at most {@code n}); no closed-form
 * entropy or KL.
 *
 * <pre>{@code
 * Binomial<TFloat32> heads = Binomial.of(scope, 10, 0.3);
 * Operand<TFloat32> mean = heads.mean(); // 3
 * }</pre>
 *
 * @param <T> the value's element type: float32 (default), int32 or int64
 */
public final class Binomial<T extends TNumber> extends AbstractRandomVariable<T> {

  private Binomial(Parts<T> parts) {
    super(parts);
  }

  /**
   * A float32-valued binomial over graph tensors.
   *
   * @param scope where to build it, named {@code Binomial} made unique there
   * @param totalCount the number of trials, whole numbers {@code >= 0}
   * @param probs the success probability, in [0, 1]; broadcasts against {@code totalCount}
   * @return the variable
   */
  public static Binomial<TFloat32> of(VariableScope scope, Operand<TFloat32> totalCount, Operand<TFloat32> probs) {
    return builder(scope).totalCount(totalCount).probs(probs).build();
  }

  /**
   * A scalar float32-valued binomial.
   *
   * @param scope where to build it
   * @param totalCount the number of trials, a whole number {@code >= 0}
   * @param probs the success probability, in [0, 1]
   * @return the variable
   */
  public static Binomial<TFloat32> of(VariableScope scope, double totalCount, double probs) {
    return builder(scope).totalCount(totalCount).probs(probs).build();
  }

  /**
   * A builder for value dtype, name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new float32-valued builder; {@link Builder#dtype} changes the value type
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder<TFloat32> builder(VariableScope scope) {
    return new Builder<>(scope, TFloat32.class);
  }

  /**
   * The number of trials.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> totalCount() {
    return param("totalCount");
  }

  /**
   * The success probability: the {@code probs} parameter, or {@code sigmoid(logits)} built now.
   *
   * @return a float32 tensor of the parameter's shape
   */
  public Operand<TFloat32> probs() {
    return hasParam("probs") ? param("probs") : ops().withSubScope("probs").math.sigmoid(param("logits"));
  }

  /** Always false: counts are not differentiable in the parameters. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> n = broadcastToBatchEvent(tf, totalCount());
    Operand<TFloat32> p = broadcastToBatchEvent(tf, probsOf(tf));
    return tf.random.statelessRandomBinomial(drawShape(tf, sampleShape), nextSeedTensor(tf), n, p, dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> n = totalCount();
    Operand<TBool> inside = tf.math.logicalAnd(tf.math.greaterEqual(x, scalar(tf, 0)), tf.math.lessEqual(x, n));
    Operand<TFloat32> safeK = tf.math.minimum(tf.math.maximum(x, tf.zerosLike(x)), tf.math.add(n, tf.zerosLike(x)));
    Operand<TFloat32> one = scalar(tf, 1);
    Operand<TFloat32> choose = tf.math.sub(tf.math.lgamma(tf.math.add(n, one)),
        tf.math.add(tf.math.lgamma(tf.math.add(safeK, one)), tf.math.lgamma(tf.math.add(tf.math.sub(n, safeK), one))));
    Operand<TFloat32> kernel;
    if (hasParam("logits")) {
      Operand<TFloat32> l = param("logits");
      kernel = tf.math.sub(tf.math.mul(safeK, l), tf.math.mul(n, tf.math.softplus(l)));
    } else {
      Operand<TFloat32> p = param("probs");
      kernel = tf.math.add(SpecialFunctions.xLogY(tf, safeK, p),
          SpecialFunctions.xLog1pY(tf, tf.math.sub(n, safeK), tf.math.neg(p)));
    }
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.add(choose, kernel));
  }

  /** {@code P(X <= k) = I_{1-p}(n - floor(k), floor(k) + 1)}; 0 below 0, 1 from {@code n} on. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> n = tf.math.add(totalCount(), tf.zerosLike(x));
    Operand<TFloat32> k = tf.math.floor(x);
    Operand<TFloat32> p = tf.math.add(probsOf(tf), tf.zerosLike(k));
    Operand<TBool> below = tf.math.less(k, scalar(tf, 0));
    Operand<TBool> above = tf.math.greaterEqual(k, n);
    Operand<TFloat32> safeK = tf.select(tf.math.logicalOr(below, above), tf.zerosLike(k), k);
    Operand<TFloat32> safeN = tf.select(above, tf.math.add(k, scalar(tf, 1)), n);
    Operand<TFloat32> inc = tf.math.betainc(tf.math.sub(safeN, safeK), tf.math.add(safeK, scalar(tf, 1)),
        tf.math.sub(scalar(tf, 1), p));
    return tf.select(below, tf.zerosLike(inc), tf.select(above, tf.onesLike(inc), inc));
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(totalCount(), probsOf(tf)));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> p = probsOf(tf);
    return broadcastToBatchEvent(tf, tf.math.mul(totalCount(), tf.math.mul(p, tf.math.sub(scalar(tf, 1), p))));
  }

  /** {@code floor((n + 1) p)}, at most {@code n}. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    Operand<TFloat32> n = totalCount();
    Operand<TFloat32> m = tf.math.floor(tf.math.mul(tf.math.add(n, scalar(tf, 1)), probsOf(tf)));
    return broadcastToBatchEvent(tf, tf.math.minimum(m, tf.math.add(n, tf.zerosLike(m))));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, dtype());
  }

  private Operand<TFloat32> probsOf(Ops tf) {
    return hasParam("probs") ? param("probs") : tf.math.sigmoid(param("logits"));
  }

  /**
   * Builds a {@link Binomial}: {@code totalCount} and exactly one of {@code probs} and {@code
   * logits} are required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber> extends RandomVariableBuilder<T, Binomial<T>, Builder<T>> {

    private static final Map<String, Constraint> PARAMETERS = parameters();

    private Builder(VariableScope scope, Class<T> dtype) {
      super(scope, "Binomial", checkDiscreteDtype(dtype));
    }

    private static Map<String, Constraint> parameters() {
      Map<String, Constraint> m = new LinkedHashMap<>();
      m.put("totalCount", Constraint.REAL);
      m.put("probs", Constraint.UNIT_INTERVAL);
      m.put("logits", Constraint.REAL);
      return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The number of trials, a float32 tensor of whole numbers {@code >= 0}.
     *
     * @param totalCount a float32 tensor of this context's graph (values checked at build time
     *     only for a small {@code Const})
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder<T> totalCount(Operand<TFloat32> totalCount) {
      return parameter("totalCount", totalCount);
    }

    /**
     * The number of trials, a whole number {@code >= 0}.
     *
     * @param totalCount the number of trials
     * @return this builder
     * @throws IllegalArgumentException if it is negative, not whole or not finite
     */
    public Builder<T> totalCount(double totalCount) {
      Multinomial.checkCounts("totalCount", new float[] {(float) totalCount});
      return parameter("totalCount", totalCount);
    }

    /**
     * The success probability, a float32 tensor of values in [0, 1].
     *
     * @param probs a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant
     *     outside [0, 1]
     */
    public Builder<T> probs(Operand<TFloat32> probs) {
      return parameter("probs", probs);
    }

    /**
     * The success probability, in [0, 1].
     *
     * @param probs the probability of a success
     * @return this builder
     * @throws IllegalArgumentException if it is outside [0, 1]
     */
    public Builder<T> probs(double probs) {
      return parameter("probs", probs);
    }

    /**
     * The log-odds of a success, a float32 tensor.
     *
     * @param logits a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder<T> logits(Operand<TFloat32> logits) {
      return parameter("logits", logits);
    }

    /**
     * The log-odds of a success, finite.
     *
     * @param logits {@code log(p / (1 - p))}
     * @return this builder
     * @throws IllegalArgumentException if it is not finite
     */
    public Builder<T> logits(double logits) {
      return parameter("logits", logits);
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

    /** {@code totalCount} and exactly one of {@code probs} and {@code logits}; known counts checked. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      if (!given.contains("totalCount")) {
        throw new IllegalArgumentException("`totalCount` must be given for Binomial");
      }
      checkExactlyOne(given, "probs", "logits");
      Multinomial.checkCounts("totalCount", knownValues("totalCount"));
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Binomial<T> create(Parts<T> parts) {
      return new Binomial<>(parts);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
