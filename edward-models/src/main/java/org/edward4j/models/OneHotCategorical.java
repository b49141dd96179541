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
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The categorical distribution with one-hot values: a vector of {@code K} indicators with a single
 * 1, given by exactly one of {@code probs} (summing to 1) or {@code logits} over the last axis
 * (TensorFlow's {@code OneHotCategorical}).
 *
 * <p>{@code log p(x) = sum_k x_k log p_k}; {@code -inf} unless {@code x} is one-hot. Draws come from
 * TensorFlow's stateless multinomial op keyed by the context's random step. Values are int32 by
 * default, as in Edward; {@code dtype(TFloat32.class)} gives floats. Not reparameterized (see
 * {@link RelaxedOneHotCategorical} for a relaxation that is). The event is {@code [K]}. Closed-form
 * mean {@code p}, variance {@code p (1 - p)}, mode (the one-hot of the most probable class),
 * entropy and {@code KL(OneHotCategorical || OneHotCategorical)}.
 *
 * <pre>{@code
 * OneHotCategorical<TInt32> z = OneHotCategorical.ofProbs(scope, new float[] {0.2f, 0.8f});
 * Operand<TFloat32> mode = z.mode(); // [0, 1]
 * }</pre>
 *
 * @param <T> the value's element type: int32 (default), int64 or float32
 */
public final class OneHotCategorical<T extends TNumber> extends AbstractRandomVariable<T> {

  private OneHotCategorical(Parts<T> parts) {
    super(parts);
  }

  /**
   * An int32-valued one-hot categorical over a graph tensor.
   *
   * @param scope where to build it, named {@code OneHotCategorical} made unique there
   * @param probs probabilities over the last axis, summing to 1
   * @return the variable
   */
  public static OneHotCategorical<TInt32> ofProbs(VariableScope scope, Operand<TFloat32> probs) {
    return builder(scope).probs(probs).build();
  }

  /**
   * An int32-valued one-hot categorical over {@code probs.length} classes.
   *
   * @param scope where to build it
   * @param probs one probability per class, in [0, 1], summing to 1
   * @return the variable
   */
  public static OneHotCategorical<TInt32> ofProbs(VariableScope scope, float[] probs) {
    return builder(scope).probs(probs).build();
  }

  /**
   * An int32-valued one-hot categorical with probabilities {@code softmax(logits)}.
   *
   * @param scope where to build it
   * @param logits unnormalized log-probabilities over the last axis
   * @return the variable
   */
  public static OneHotCategorical<TInt32> ofLogits(VariableScope scope, Operand<TFloat32> logits) {
    return builder(scope).logits(logits).build();
  }

  /**
   * A builder for value dtype, name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new int32-valued builder; {@link Builder#dtype} changes the value type
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder<TInt32> builder(VariableScope scope) {
    return new Builder<>(scope, TInt32.class);
  }

  /**
   * The number of classes {@code K}.
   *
   * @return the event size
   */
  public long numCategories() {
    return eventShape().size(0);
  }

  /**
   * The class probabilities: {@code probs}, or {@code softmax(logits)} built now.
   *
   * @return a float32 tensor {@code [..., K]}
   */
  public Operand<TFloat32> probs() {
    return hasParam("probs") ? param("probs") : ProbabilityVectors.softmax(ops().withSubScope("probs"), param("logits"));
  }

  /** Always false: indicators are not differentiable in the parameters. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    int k = (int) numCategories();
    Operand<TFloat32> logits = broadcastToBatchEvent(tf, logProbs(tf));
    Operand<TFloat32> logits2d = tf.reshape(logits, tf.constant(new int[] {-1, k}));
    int draws = Math.toIntExact(sampleShape.size());
    Operand<TInt32> idx = tf.random.statelessMultinomial(logits2d, tf.constant(draws), nextSeedTensor(tf), TInt32.class);
    // Transposed as floats: oneDNN logs an error for integer transposes on some CPUs (see Categorical).
    Operand<TFloat32> sampleMajor = tf.linalg.transpose(tf.dtypes.cast(idx, TFloat32.class), tf.constant(new int[] {1, 0}));
    Operand<TInt32> outer = EventShapes.dropLast(tf, drawShape(tf, sampleShape), 1);
    Operand<TInt32> labels = tf.dtypes.cast(tf.reshape(sampleMajor, outer), TInt32.class);
    return tf.dtypes.cast(tf.oneHot(labels, tf.constant(k), tf.constant(1f), tf.constant(0f)), dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> lp = tf.reduceSum(Multinomial.xTimesLogP(tf, x, logProbs(tf)), tf.constant(-1));
    return SpecialFunctions.orMinusInfinity(tf, isOneHot(tf, x), lp);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, probsOf(tf));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> p = probsOf(tf);
    return broadcastToBatchEvent(tf, tf.math.mul(p, tf.math.sub(scalar(tf, 1), p)));
  }

  /** The one-hot of the most probable class (the first on ties). */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    Operand<TFloat32> p = broadcastToBatchEvent(tf, probsOf(tf));
    Operand<TInt32> arg = tf.math.argMax(p, tf.constant(-1), TInt32.class);
    return tf.oneHot(arg, tf.constant((int) numCategories()), tf.constant(1f), tf.constant(0f));
  }

  /** {@code -sum p log p} (0 log 0 = 0). */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> p = broadcastToBatchEvent(tf, probsOf(tf));
    return tf.math.neg(tf.reduceSum(Multinomial.xTimesLogP(tf, p, logProbs(tf)), tf.constant(-1)));
  }

  /** {@code sum p1 (log p1 - log p2)}; both must have the same {@code K}. */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof OneHotCategorical<?> q)) {
      return Optional.empty();
    }
    if (q.numCategories() != numCategories()) {
      throw new IllegalArgumentException("`other` must have " + numCategories() + " categories to match " + name()
          + ", got " + q.numCategories());
    }
    Operand<TFloat32> p1 = probsOf(tf);
    Operand<TFloat32> terms = tf.math.sub(Multinomial.xTimesLogP(tf, p1, logProbs(tf)),
        Multinomial.xTimesLogP(tf, p1, q.logProbs(tf)));
    return Optional.of(tf.reduceSum(terms, tf.constant(-1)));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, dtype());
  }

  /** Whether {@code x} has entries in {0, 1} summing to 1 over the last axis. */
  static Operand<TBool> isOneHot(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> binary = tf.math.logicalOr(tf.math.equal(x, scalar(tf, 0)), tf.math.equal(x, scalar(tf, 1)));
    Operand<TBool> allBinary = tf.reduceAll(binary, tf.constant(-1));
    return tf.math.logicalAnd(allBinary, tf.math.equal(tf.reduceSum(x, tf.constant(-1)), scalar(tf, 1)));
  }

  private Operand<TFloat32> probsOf(Ops tf) {
    return hasParam("probs") ? param("probs") : ProbabilityVectors.softmax(tf, param("logits"));
  }

  private Operand<TFloat32> logProbs(Ops tf) {
    return hasParam("logits") ? ProbabilityVectors.logSoftmax(tf, param("logits")) : ProbabilityVectors.safeLog(tf, param("probs"));
  }

  /**
   * Builds a {@link OneHotCategorical}: exactly one of {@code probs} and {@code logits} is
   * required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber>
      extends RandomVariableBuilder<T, OneHotCategorical<T>, Builder<T>> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("logits", Constraint.REAL, "probs", Constraint.UNIT_INTERVAL);

    private Builder(VariableScope scope, Class<T> dtype) {
      super(scope, "OneHotCategorical", checkDiscreteDtype(dtype));
    }

    /**
     * Class probabilities over the last axis, summing to 1.
     *
     * @param probs values in [0, 1], last axis of known size: a float32 tensor of this context's
     *     graph (the sum is checked at build time only for a small {@code Const})
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant
     *     outside [0, 1]
     */
    public Builder<T> probs(Operand<TFloat32> probs) {
      return parameter("probs", probs);
    }

    /**
     * Class probabilities in [0, 1] summing to 1.
     *
     * @param probs one per class; not null
     * @return this builder
     * @throws IllegalArgumentException if a value is outside [0, 1] or they do not sum to 1
     */
    public Builder<T> probs(float[] probs) {
      parameter("probs", probs, probs == null ? 0 : probs.length);
      ProbabilityVectors.checkSumsToOne("probs", probs, probs.length);
      return this;
    }

    /**
     * Unnormalized log-probabilities over the last axis.
     *
     * @param logits finite, last axis of known size: a float32 tensor of this context's graph
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
     * @param logits one per class; not null
     * @return this builder
     * @throws IllegalArgumentException if a value is not finite
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

    /** The last axis is the event; constant {@code probs} must sum to 1. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      String p = shapes.containsKey("probs") ? "probs" : "logits";
      BatchEvent be = EventShapes.lastAxisEvent(shapes, p);
      if (p.equals("probs")) {
        ProbabilityVectors.checkSumsToOne("probs", knownValues("probs"), be.event().size(0));
      }
      return be;
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected OneHotCategorical<T> create(Parts<T> parts) {
      return new OneHotCategorical<>(parts);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
