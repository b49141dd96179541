package org.edward4j.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * The multinomial distribution: counts of {@code totalCount} independent draws over {@code K}
 * classes with probabilities {@code probs} (or {@code softmax(logits)}), Edward's and TensorFlow's
 * {@code Multinomial(total_count, probs | logits)}.
 *
 * <p>{@code log p(x) = lgamma(n + 1) - sum_k lgamma(x_k + 1) + sum_k x_k log p_k}; {@code -inf}
 * unless every {@code x_k >= 0} and {@code sum_k x_k = n}. Draws are {@code K - 1} conditional
 * binomials, {@code x_k ~ Binomial(n - x_1 - ... - x_{k-1}, p_k / (1 - p_1 - ... - p_{k-1}))}, each
 * a stateless op keyed by its own seed and the context's random step, so the cost does not grow
 * with {@code n}. Values are float32 by default, as in TensorFlow; {@code dtype(TInt32.class)}
 * gives integers. Not reparameterized. The event is {@code [K]}; the batch is the broadcast of
 * {@code totalCount}'s shape and the probabilities' shape without its last axis. Mean and
 * variance (per class) in closed form; no closed-form entropy or KL.
 *
 * <pre>{@code
 * Multinomial<TFloat32> counts = Multinomial.of(scope, 10, new float[] {0.2f, 0.3f, 0.5f});
 * Operand<TFloat32> mean = counts.mean(); // [2, 3, 5]
 * }</pre>
 *
 * @param <T> the value's element type: float32 (default), int32 or int64
 */
public final class Multinomial<T extends TNumber> extends AbstractRandomVariable<T> {

  private Multinomial(Parts<T> parts) {
    super(parts);
  }

  /**
   * A float32-valued multinomial over graph tensors.
   *
   * @param scope where to build it, named {@code Multinomial} made unique there
   * @param totalCount the number of draws, a non-negative whole number, of the batch shape
   * @param probs class probabilities over the last axis, summing to 1
   * @return the variable
   */
  public static Multinomial<TFloat32> of(VariableScope scope, Operand<TFloat32> totalCount, Operand<TFloat32> probs) {
    return builder(scope).totalCount(totalCount).probs(probs).build();
  }

  /**
   * A float32-valued multinomial of {@code totalCount} draws over {@code probs.length} classes.
   *
   * @param scope where to build it
   * @param totalCount the number of draws, a non-negative whole number
   * @param probs class probabilities in [0, 1] summing to 1
   * @return the variable, with event shape {@code [probs.length]}
   */
  public static Multinomial<TFloat32> of(VariableScope scope, double totalCount, float[] probs) {
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
   * The number of draws {@code n}.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> totalCount() {
    return param("totalCount");
  }

  /**
   * The class probabilities: the {@code probs} parameter, or {@code softmax(logits)} built now.
   *
   * @return a float32 tensor of shape {@code [..., K]}
   */
  public Operand<TFloat32> probs() {
    return hasParam("probs") ? param("probs") : ProbabilityVectors.softmax(ops().withSubScope("probs"), param("logits"));
  }

  /**
   * The number of classes {@code K}.
   *
   * @return the event size
   */
  public long numCategories() {
    return eventShape().size(0);
  }

  /** Always false: counts are not differentiable in the parameters. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TInt32> full = drawShape(tf, sampleShape);
    Operand<TInt32> outer = tf.slice(full, tf.constant(new int[] {0}), tf.reshape(tf.math.sub(tf.size(full), tf.constant(1)),
        tf.constant(new int[] {1})));
    Operand<TFloat32> counts = drawCounts(tf, outer, totalCount(), probsOf(tf), (int) numCategories(),
        () -> nextSeedTensor(tf));
    return tf.dtypes.cast(counts, dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> n = totalCount();
    Operand<TFloat32> logP = hasParam("logits") ? ProbabilityVectors.logSoftmax(tf, param("logits"))
        : ProbabilityVectors.safeLog(tf, param("probs"));
    Operand<TFloat32> safeX = tf.math.maximum(x, tf.zerosLike(x));
    Operand<TFloat32> kernel = tf.reduceSum(xTimesLogP(tf, safeX, logP), tf.constant(-1));
    Operand<TFloat32> coefficient = tf.math.sub(tf.math.lgamma(tf.math.add(n, scalar(tf, 1))),
        tf.reduceSum(tf.math.lgamma(tf.math.add(safeX, scalar(tf, 1))), tf.constant(-1)));
    return SpecialFunctions.orMinusInfinity(tf, countsSumTo(tf, x, n), tf.math.add(coefficient, kernel));
  }

  /** {@code n p_k}. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(tf.expandDims(totalCount(), tf.constant(-1)), probsOf(tf)));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code n p_k (1 - p_k)} per class. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> p = probsOf(tf);
    Operand<TFloat32> n = tf.expandDims(totalCount(), tf.constant(-1));
    return broadcastToBatchEvent(tf, tf.math.mul(n, tf.math.mul(p, tf.math.sub(scalar(tf, 1), p))));
  }

  /** {@code totalCount}'s shape broadcast with the probabilities' batch, then {@code [K]}. */
  @Override
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    Operand<TFloat32> p = hasParam("probs") ? param("probs") : param("logits");
    Operand<TInt32> batch = tf.broadcastDynamicShape(tf.shape(totalCount()), EventShapes.dropLast(tf, tf.shape(p), 1));
    return tf.concat(List.of(batch, tf.constant(new int[] {(int) numCategories()})), tf.constant(0));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, dtype());
  }

  private Operand<TFloat32> probsOf(Ops tf) {
    return hasParam("probs") ? param("probs") : ProbabilityVectors.softmax(tf, param("logits"));
  }

  /**
   * Counts of shape {@code outerShape + [k]}: {@code k - 1} conditional binomial draws.
   *
   * @param outerShape the shape of the draws without the event axis (sample + batch)
   * @param n counts broadcasting against {@code outerShape}
   * @param probs probabilities {@code [..., k]} whose leading axes broadcast against {@code
   *     outerShape}
   * @param seeds the seed tensor of each stateless binomial op in turn
   */
  static Operand<TFloat32> drawCounts(Ops tf, Operand<TInt32> outerShape, Operand<TFloat32> n, Operand<TFloat32> probs,
      int k, Supplier<Operand<TInt64>> seeds) {
    Operand<TFloat32> zeros = tf.zeros(outerShape, TFloat32.class);
    Operand<TFloat32> remainingCount = tf.math.add(n, zeros);
    Operand<TFloat32> remainingProb = tf.onesLike(remainingCount);
    List<Operand<TFloat32>> columns = new ArrayList<>();
    List<Operand<TFloat32>> perClass = new ArrayList<>();
    Unstack<TFloat32> unstacked = tf.unstack(probs, (long) k, Unstack.axis(-1L));
    unstacked.forEach(perClass::add);
    for (int j = 0; j < k - 1; j++) {
      Operand<TFloat32> pj = tf.math.add(perClass.get(j), zeros);
      // p_j / (mass left), 1 when the rest of the mass is p_j's (up to rounding), 0 when p_j is 0.
      Operand<TFloat32> ratio = tf.math.div(pj, tf.math.maximum(remainingProb, pj));
      Operand<TFloat32> conditional = tf.clipByValue(tf.select(tf.math.greater(pj, zeros), ratio, zeros),
          tf.constant(0f), tf.constant(1f));
      Operand<TFloat32> xj = tf.random.statelessRandomBinomial(outerShape, seeds.get(), remainingCount, conditional,
          TFloat32.class);
      columns.add(xj);
      remainingCount = tf.math.sub(remainingCount, xj);
      remainingProb = tf.math.sub(remainingProb, pj);
    }
    columns.add(remainingCount);
    return tf.stack(columns, org.tensorflow.op.core.Stack.axis(-1L));
  }

  /** {@code x log p}, and 0 where {@code x == 0} (even where {@code log p} is -inf). */
  static Operand<TFloat32> xTimesLogP(Ops tf, Operand<TFloat32> x, Operand<TFloat32> logP) {
    Operand<TFloat32> zeros = tf.zeros(tf.broadcastDynamicShape(tf.shape(x), tf.shape(logP)), TFloat32.class);
    Operand<TFloat32> xB = tf.math.add(x, zeros);
    Operand<TFloat32> logPB = tf.math.add(logP, zeros);
    Operand<TBool> xIsZero = tf.math.equal(xB, zeros);
    Operand<TFloat32> safeLogP = tf.select(xIsZero, zeros, logPB);
    return tf.select(xIsZero, zeros, tf.math.mul(xB, safeLogP));
  }

  /** Whether every count is non-negative and they sum to {@code n} (to float32 rounding). */
  static Operand<TBool> countsSumTo(Ops tf, Operand<TFloat32> x, Operand<TFloat32> n) {
    Operand<TBool> nonNegative = tf.reduceAll(tf.math.greaterEqual(x, scalar(tf, 0)), tf.constant(-1));
    Operand<TFloat32> gap = tf.math.abs(tf.math.sub(tf.reduceSum(x, tf.constant(-1)), n));
    Operand<TFloat32> allowed = tf.math.add(scalar(tf, 1e-3), tf.math.mul(scalar(tf, 1e-6), n));
    return tf.math.logicalAnd(nonNegative, tf.math.lessEqual(gap, allowed));
  }

  /** Fails unless every known value is a whole number {@code >= 0} (Java-side check of {@code totalCount}). */
  static void checkCounts(String name, float[] values) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (!(v >= 0) || Float.isInfinite(v) || v != Math.rint(v)) {
        throw new IllegalArgumentException("`" + name + "` must be a whole number >= 0, got " + v
            + (values.length > 1 ? " at flat index " + i : ""));
      }
    }
  }

  /**
   * Builds a {@link Multinomial}: {@code totalCount} and exactly one of {@code probs} and {@code
   * logits} are required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber> extends RandomVariableBuilder<T, Multinomial<T>, Builder<T>> {

    private static final Map<String, Constraint> PARAMETERS = parameters();

    private Builder(VariableScope scope, Class<T> dtype) {
      super(scope, "Multinomial", checkDiscreteDtype(dtype));
    }

    private static Map<String, Constraint> parameters() {
      Map<String, Constraint> m = new LinkedHashMap<>();
      m.put("totalCount", Constraint.REAL);
      m.put("probs", Constraint.UNIT_INTERVAL);
      m.put("logits", Constraint.REAL);
      return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The number of draws, a float32 tensor of whole numbers {@code >= 0}.
     *
     * @param totalCount of the batch shape (or one that broadcasts to it): a float32 tensor of this
     *     context's graph, of known rank (values checked at build time only for a small {@code
     *     Const})
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder<T> totalCount(Operand<TFloat32> totalCount) {
      return parameter("totalCount", totalCount);
    }

    /**
     * The number of draws, a whole number {@code >= 0}.
     *
     * @param totalCount the number of draws
     * @return this builder
     * @throws IllegalArgumentException if it is negative, not whole or not finite
     */
    public Builder<T> totalCount(double totalCount) {
      checkCounts("totalCount", new float[] {(float) totalCount});
      return parameter("totalCount", totalCount);
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
     * @param probs one probability per class; not null
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
     * @param dtype {@code TFloat32.class} (default), {@code TInt32.class} or {@code TInt64.class}
     * @param <U> the new element type
     * @return a builder of that type with everything set so far
     */
    public <U extends TNumber> Builder<U> dtype(Class<U> dtype) {
      return copyInto(new Builder<>(scope(), dtype));
    }

    /** {@code totalCount} and exactly one of {@code probs} and {@code logits}; known values checked. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      if (!given.contains("totalCount")) {
        throw new IllegalArgumentException("`totalCount` must be given for Multinomial");
      }
      checkExactlyOne(given, "probs", "logits");
      checkCounts("totalCount", knownValues("totalCount"));
    }

    /** The probabilities' last axis is the event; {@code totalCount} is batch-only. */
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
    protected Multinomial<T> create(Parts<T> parts) {
      return new Multinomial<>(parts);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
