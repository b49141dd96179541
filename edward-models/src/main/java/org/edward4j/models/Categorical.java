package org.edward4j.models;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.edward4j.core.ModelContext.OpSeed;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.random.Multinomial;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The categorical distribution over {@code 0 .. K-1}, given by exactly one of {@code probs} or
 * {@code logits} whose last axis (of known size {@code K}) indexes the categories.
 *
 * <p>{@code log p(x) = log_softmax(logits)[x]}, or {@code log(probs[x] / sum(probs))}; {@code
 * -inf} outside {@code 0 .. K-1}. Values are int32 by default, as in Edward. Not reparameterized;
 * there is no mean or variance (categories are labels). The batch shape is the parameter's shape
 * without the last axis; the event is scalar. Closed-form entropy and {@code KL(Categorical ||
 * Categorical)} over the same {@code K}.
 *
 * <pre>{@code
 * Categorical<TInt32> die = Categorical.ofProbs(scope, new float[] {0.1f, 0.2f, 0.7f});
 * Operand<TFloat32> logMass = die.logProb(tf.constant(2)); // log 0.7
 * }</pre>
 *
 * @param <T> the value's element type: int32 (default), int64 or float32
 */
public final class Categorical<T extends TNumber> extends AbstractRandomVariable<T> {

  private Categorical(Parts<T> parts) {
    super(parts);
  }

  /**
   * An int32-valued categorical variable with the given class probabilities.
   *
   * @param scope where to build it, named {@code Categorical} made unique there
   * @param probs probabilities in [0, 1] over the last axis (normalized by their sum)
   * @return the variable
   */
  public static Categorical<TInt32> ofProbs(VariableScope scope, Operand<TFloat32> probs) {
    return builder(scope).probs(probs).build();
  }

  /**
   * An int32-valued categorical variable over {@code probs.length} classes.
   *
   * @param scope where to build it, named {@code Categorical} made unique there
   * @param probs one probability per class, each in [0, 1] (normalized by their sum); not null, not
   *     empty
   * @return the variable, a scalar label in {@code [0, probs.length)}
   * @throws IllegalArgumentException if {@code probs} is null or empty, or a value is outside [0,
   *     1]
   */
  public static Categorical<TInt32> ofProbs(VariableScope scope, float[] probs) {
    return builder(scope).probs(probs).build();
  }

  /**
   * An int32-valued categorical variable with class probabilities {@code softmax(logits)}.
   *
   * @param scope where to build it
   * @param logits unnormalized log-probabilities over the last axis
   * @return the variable
   */
  public static Categorical<TInt32> ofLogits(VariableScope scope, Operand<TFloat32> logits) {
    return builder(scope).logits(logits).build();
  }

  /**
   * An int32-valued categorical variable over {@code logits.length} classes.
   *
   * @param scope where to build it, named {@code Categorical} made unique there
   * @param logits one unnormalized log-probability per class, each finite; not null, not empty
   * @return the variable, a scalar label in {@code [0, logits.length)}
   * @throws IllegalArgumentException if {@code logits} is null or empty, or a value is not finite
   */
  public static Categorical<TInt32> ofLogits(VariableScope scope, float[] logits) {
    return builder(scope).logits(logits).build();
  }

  /**
   * A builder for value dtype, name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder; {@link Builder#dtype} changes the int32 value type
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder<TInt32> builder(VariableScope scope) {
    return new Builder<>(scope, TInt32.class);
  }

  /**
   * The number of categories {@code K}: the size of the parameter's last axis.
   *
   * @return {@code K}, at least 1
   */
  public long numCategories() {
    Shape s = parameters().values().iterator().next().shape();
    return s.size(s.numDimensions() - 1);
  }

  /** Always false: labels are not differentiable in the parameters. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> logits2d = tf.reshape(logitsOf(tf), tf.constant(new int[] {-1, (int) numCategories()}));
    int draws = Math.toIntExact(sampleShape.size());
    Operand<TInt32> idx = tf.random.statelessMultinomial(logits2d, tf.constant(draws), nextSeedTensor(tf), TInt32.class);
    // Transposed as floats (exact below 2^24 categories): oneDNN logs an error for integer
    // transposes on CPUs without AVX-512.
    Operand<TFloat32> sampleMajor =
        tf.linalg.transpose(tf.dtypes.cast(idx, TFloat32.class), tf.constant(new int[] {1, 0}));
    return tf.dtypes.cast(tf.reshape(sampleMajor, drawShape(tf, sampleShape)), dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    int k = (int) numCategories();
    Operand<TFloat32> logp = normalizedLogProbs(tf);
    Operand<TFloat32> oneHot = tf.oneHot(tf.dtypes.cast(x, TInt32.class), tf.constant(k), scalar(tf, 1), scalar(tf, 0));
    Operand<TFloat32> zeros = tf.zeros(tf.broadcastDynamicShape(tf.shape(oneHot), tf.shape(logp)), TFloat32.class);
    Operand<TBool> chosen = tf.math.greater(tf.math.add(oneHot, zeros), zeros);
    Operand<TFloat32> picked = tf.reduceSum(tf.select(chosen, tf.math.add(logp, zeros), zeros), tf.constant(-1));
    Operand<TBool> valid = tf.math.logicalAnd(
        tf.math.greaterEqual(x, scalar(tf, 0)), tf.math.less(x, scalar(tf, k)));
    return SpecialFunctions.orMinusInfinity(tf, valid, picked);
  }

  /** The most probable category, the first on ties, as float32 of shape {@code batch}. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return tf.dtypes.cast(tf.math.argMax(logitsOf(tf), tf.constant(-1), org.tensorflow.types.TInt32.class), TFloat32.class);
  }

  /** {@code -sum p log p} over the categories (0 log 0 = 0). */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> p = normalizedProbs(tf);
    return tf.math.neg(tf.reduceSum(SpecialFunctions.xLogY(tf, p, p), tf.constant(-1)));
  }

  /** {@code KL = sum p1 (log p1 - log p2)} over the categories; both must have the same {@code K}. */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Categorical<?> q)) {
      return Optional.empty();
    }
    if (q.numCategories() != numCategories()) {
      throw new IllegalArgumentException("`other` must have " + numCategories() + " categories to match " + name()
          + ", got " + q.numCategories());
    }
    Operand<TFloat32> p1 = normalizedProbs(tf);
    Operand<TFloat32> p2 = q.normalizedProbs(tf);
    Operand<TFloat32> terms = tf.math.sub(SpecialFunctions.xLogY(tf, p1, p1), SpecialFunctions.xLogY(tf, p1, p2));
    return Optional.of(tf.reduceSum(terms, tf.constant(-1)));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, dtype());
  }

  /** The batch shape from the parameter's shape without its last axis. */
  @Override
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    Operand<TInt32> full = tf.shape(parameters().values().iterator().next());
    int rank = batchShape().numDimensions();
    return tf.slice(full, tf.constant(new int[] {0}), tf.constant(new int[] {rank}));
  }

  private Operand<TFloat32> logitsOf(Ops tf) {
    return hasParam("logits") ? param("logits") : normalizedLogProbs(tf);
  }

  private Operand<TFloat32> normalizedProbs(Ops tf) {
    if (hasParam("logits")) {
      return tf.math.exp(logSoftmax(tf, param("logits")));
    }
    Operand<TFloat32> p = param("probs");
    return tf.math.div(p, tf.reduceSum(p, tf.constant(-1), ReduceSum.keepDims(true)));
  }

  /** Log-probabilities, {@code -inf} (with a zero gradient) where a probability is 0. */
  private Operand<TFloat32> normalizedLogProbs(Ops tf) {
    if (hasParam("logits")) {
      return logSoftmax(tf, param("logits"));
    }
    Operand<TFloat32> p = normalizedProbs(tf);
    Operand<TBool> positive = tf.math.greater(p, tf.zerosLike(p));
    Operand<TFloat32> logP = tf.math.log(tf.select(positive, p, tf.onesLike(p)));
    return tf.select(positive, logP, tf.fill(tf.shape(p), scalar(tf, Double.NEGATIVE_INFINITY)));
  }

  /**
   * {@code logits - logsumexp(logits)} over the last axis, spelled out: the C++ gradient of the
   * {@code LogSoftmax} op sums over axis 1, which fails for rank-1 logits and gave wrong values for
   * rank-3 logits when measured against finite differences.
   */
  private static Operand<TFloat32> logSoftmax(Ops tf, Operand<TFloat32> logits) {
    Operand<TInt32> last = tf.constant(-1);
    Operand<TFloat32> max = tf.stopGradient(tf.reduceMax(logits, last, ReduceMax.keepDims(true)));
    Operand<TFloat32> shifted = tf.math.sub(logits, max);
    Operand<TFloat32> sum = tf.reduceSum(tf.math.exp(shifted), last, ReduceSum.keepDims(true));
    return tf.math.sub(shifted, tf.math.log(sum));
  }

  /**
   * Builds a {@link Categorical}: exactly one of {@code probs} and {@code logits} is required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber>
      extends RandomVariableBuilder<T, Categorical<T>, Builder<T>> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("logits", Constraint.REAL, "probs", Constraint.UNIT_INTERVAL);

    private Builder(VariableScope scope, Class<T> dtype) {
      super(scope, "Categorical", checkDiscreteDtype(dtype));
    }

    /**
     * Class probabilities over the last axis, a float32 tensor of values in [0, 1].
     *
     * @param probs class probabilities over the last axis, whose size must be known, in [0, 1]: a
     *     float32 tensor of this context's graph, of known rank (values checked at once only for a
     *     {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant
     *     outside [0, 1]
     */
    public Builder<T> probs(Operand<TFloat32> probs) {
      return parameter("probs", probs);
    }

    /**
     * Class probabilities, values in [0, 1].
     *
     * @param probs one probability per class, each in [0, 1]; not null
     * @return this builder
     * @throws IllegalArgumentException if {@code probs} is null or a value is outside [0, 1]
     */
    public Builder<T> probs(float[] probs) {
      return parameter("probs", probs, probs == null ? 0 : probs.length);
    }

    /**
     * Unnormalized log-probabilities over the last axis, a float32 tensor.
     *
     * @param logits unnormalized log-probabilities over the last axis, whose size must be known: a
     *     float32 tensor of this context's graph, of known rank (values checked at once only for a
     *     {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder<T> logits(Operand<TFloat32> logits) {
      return parameter("logits", logits);
    }

    /**
     * Unnormalized log-probabilities, finite values.
     *
     * @param logits one unnormalized log-probability per class, each finite; not null
     * @return this builder
     * @throws IllegalArgumentException if {@code logits} is null or a value is not finite
     */
    public Builder<T> logits(float[] logits) {
      return parameter("logits", logits, logits == null ? 0 : logits.length);
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

    /** The batch is every axis but the last, whose size {@code K >= 1} must be known. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      Map.Entry<String, Shape> e = shapes.entrySet().iterator().next();
      Shape s = e.getValue();
      int rank = s.numDimensions();
      if (rank == 0 || s.size(rank - 1) < 1) {
        throw new IllegalArgumentException("`" + e.getKey()
            + "` must have a last axis of known size >= 1 indexing the categories, got " + BroadcastShapes.format(s));
      }
      return new BatchEvent(BroadcastShapes.slice(s, 0, rank - 1), Shape.scalar());
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Categorical<T> create(Parts<T> parts) {
      return new Categorical<>(parts);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
