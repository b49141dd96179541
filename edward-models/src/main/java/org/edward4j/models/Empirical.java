package org.edward4j.models;

import java.util.Arrays;
import java.util.Map;
import org.edward4j.core.ModelContext.OpSeed;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniformInt;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The empirical distribution of a collection of samples: {@code params}' first axis indexes {@code
 * n} samples, and a draw is one of them chosen uniformly. Edward uses it as the variational family
 * of Monte Carlo inference (e.g. Gibbs or HMC samples).
 *
 * <p>{@code p(x) = #{i : params[i] == x} / n}, so {@code log p(x)} is {@code log} of the fraction
 * of samples equal to {@code x} in every event coordinate ({@code -inf} when none is). As in
 * Edward, the batch shape is {@code []} and the event shape is {@code params.shape[1:]}; the mean,
 * standard deviation and variance are over the first axis (the standard deviation divides by
 * {@code n}). Not reparameterized. There is no closed-form entropy.
 *
 * <p>Monte Carlo inference writes its draws into {@code params} (a variable of leading dimension
 * {@code T}), so {@code mean}, {@code stddev} and {@code sample} answer from the draws stored when
 * they run. Edward has no warm-up: drop the burn-in with {@link #withBurnIn(long)}.
 *
 * <pre>{@code
 * Empirical qz = Empirical.of(scope, new float[] {0.1f, 0.4f, 0.4f, 0.9f});
 * Operand<TFloat32> posteriorMean = qz.mean(); // 0.45
 * Operand<TFloat32> afterBurnIn = qz.withBurnIn(2).mean(); // 0.65
 * }</pre>
 */
public final class Empirical extends AbstractRandomVariable<TFloat32> {

  private Empirical(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * The empirical distribution of the samples along {@code params}' first axis.
   *
   * @param scope where to build it, named {@code Empirical} made unique there
   * @param params samples, of shape {@code [n] + event}
   * @return the variable
   */
  public static Empirical of(VariableScope scope, Operand<TFloat32> params) {
    return builder(scope).params(params).build();
  }

  /**
   * The empirical distribution of scalar samples.
   *
   * @param scope where to build it, named {@code Empirical} made unique there
   * @param params the samples, finite; not null, at least one
   * @return the variable, with scalar event and one of the samples as its value
   * @throws IllegalArgumentException if {@code params} is null or empty, or a value is not finite
   */
  public static Empirical of(VariableScope scope, float[] params) {
    return builder(scope).params(params).build();
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
   * The samples, first axis first.
   *
   * @return the float32 tensor of shape {@code [n] + event} the variable was built with (a constant
   *     when given as numbers)
   */
  public Operand<TFloat32> params() {
    return param("params");
  }

  /**
   * The number of samples {@code n}, or {@code -1} when known only at run time.
   *
   * @return the static size of the first axis of {@link #params()}, or {@code -1}
   */
  public long numSamples() {
    return params().shape().size(0);
  }

  /**
   * The empirical distribution of the samples after the first {@code n}: a Markov chain's draws
   * with its burn-in dropped (Edward leaves this to the user, slicing {@code params} by hand). The
   * result reads the same {@code params}, so it sees draws written later.
   *
   * @param n how many leading samples to drop, {@code 0 <= n < numSamples()} (when the number of
   *     samples is known statically)
   * @return a new {@link Empirical} over {@code params[n:]}, built in the same scope
   * @throws IllegalArgumentException if {@code n} is negative or leaves no sample
   */
  public Empirical withBurnIn(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("`n` must be non-negative, got " + n);
    }
    long total = numSamples();
    if (total >= 0 && n >= total) {
      throw new IllegalArgumentException(
          "`n` must leave at least one of the " + total + " samples of " + name() + ", got " + n);
    }
    Ops tf = ops();
    int rank = params().shape().numDimensions();
    long[] begin = new long[rank];
    long[] size = new long[rank];
    begin[0] = n;
    Arrays.fill(size, -1L);
    Operand<TFloat32> kept = tf.slice(params(), tf.constant(begin), tf.constant(size));
    return (Empirical) withParameters(Map.of("params", kept));
  }

  /** Always false: which sample is drawn is not differentiable. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TInt32> index = tf.random.statelessRandomUniformInt(
        BroadcastShapes.constant(tf, sampleShape), nextSeedTensor(tf), tf.constant(0), count(tf));
    return tf.gather(params(), index, tf.constant(0));
  }

  /** The log of the fraction of samples equal to {@code x} in every event coordinate. */
  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    int eventRank = eventShape().numDimensions();
    // Give x at least the event's rank, then an axis for the samples just before the event.
    Operand<TFloat32> xe = tf.math.add(x, tf.zeros(batchEventShape(tf), TFloat32.class));
    Operand<TFloat32> xs = tf.expandDims(xe, tf.constant(-eventRank - 1));
    Operand<TBool> equal = tf.math.equal(xs, params());
    Operand<TBool> match = eventRank == 0 ? equal : tf.reduceAll(equal, lastAxes(tf, equal, eventRank));
    Operand<TFloat32> fraction = tf.math.mean(tf.dtypes.cast(match, TFloat32.class), tf.constant(-1));
    return tf.math.log(fraction);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return tf.math.mean(params(), tf.constant(0));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> centered = tf.math.sub(params(), tf.math.mean(params(), tf.constant(0)));
    return tf.math.mean(tf.math.square(centered), tf.constant(0));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** The event shape {@code params.shape[1:]} as a tensor. */
  @Override
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    return tf.slice(tf.shape(params()), tf.constant(new int[] {1}), tf.constant(new int[] {-1}));
  }

  private Operand<TInt32> count(Ops tf) {
    long n = numSamples();
    if (n >= 0) {
      return tf.constant(Math.toIntExact(n));
    }
    Operand<TInt32> first = tf.slice(tf.shape(params()), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    return tf.reshape(first, tf.constant(new int[0]));
  }

  private static Operand<TInt32> lastAxes(Ops tf, Operand<TBool> t, int k) {
    Operand<TInt32> rank = tf.rank(t);
    return tf.range(tf.math.sub(rank, tf.constant(k)), rank, tf.constant(1));
  }

  /** Builds an {@link Empirical}: {@code params} is required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Empirical, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("params", Constraint.REAL);

    private Builder(VariableScope scope) {
      super(scope, "Empirical", TFloat32.class);
    }

    /**
     * The samples, a float32 tensor whose first axis indexes them.
     *
     * @param params the samples, of shape {@code [n] + event} with {@code n >= 1}, finite: a
     *     float32 tensor of this context's graph, of known rank (values checked at once only for a
     *     {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder params(Operand<TFloat32> params) {
      return parameter("params", params);
    }

    /**
     * Scalar samples, finite values.
     *
     * @param params the samples, finite; not null
     * @return this builder
     * @throws IllegalArgumentException if {@code params} is null or a value is not finite
     */
    public Builder params(float[] params) {
      return parameter("params", params, params == null ? 0 : params.length);
    }

    /** The batch shape is {@code []}; the event is {@code params.shape[1:]}; {@code n >= 1}. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      Shape s = shapes.get("params");
      if (s.numDimensions() == 0 || s.size(0) == 0) {
        throw new IllegalArgumentException(
            "`params` must have a first axis of at least one sample, got " + BroadcastShapes.format(s));
      }
      return new BatchEvent(Shape.scalar(), BroadcastShapes.slice(s, 1, s.numDimensions()));
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Empirical create(Parts<TFloat32> parts) {
      return new Empirical(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
