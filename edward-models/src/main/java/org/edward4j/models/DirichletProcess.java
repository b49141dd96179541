package org.edward4j.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.RandomVariableShape;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.AssertThat;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The Dirichlet process {@code DP(alpha, H)} by stick breaking (Sethuraman 1994), Edward's {@code
 * DirichletProcess}: a draw is an atom of the random discrete measure {@code G = sum_k pi_k
 * delta(theta_k)}, with sticks {@code beta_k ~ Beta(1, alpha)}, weights {@code pi_k = beta_k
 * prod_{j<k} (1 - beta_j)} and atoms {@code theta_k ~ H} (the {@code base}).
 *
 * <p>The batch shape is {@code concentration}'s (independent processes); the event shape is the
 * base's {@code batch + event} shape. Persistence is Edward's: every call to {@code sample} and the
 * value share the sticks and atoms of one graph evaluation, so draws repeat atoms across calls
 * ({@link #locs()} holds them); a new run draws a new measure. Marginally each draw is distributed
 * as {@code H}, so {@code mean}, {@code variance} and {@code stddev} are the base's. There is no
 * density ({@code logProb} throws, as Edward's has none) and no reparameterization.
 *
 * <p>Differs from Edward in how the sticks are held: Edward breaks sticks in a {@code
 * tf.while_loop} until every draw has an atom; TensorFlow Java 1.1.0's while loops build their body
 * in a separate graph, where the base random variable cannot be sampled. Here {@code truncation}
 * sticks and atoms are drawn at once, and the truncation is chosen so that the expected stick left
 * over, {@code (alpha / (1 + alpha))^K}, is below {@code 1e-12}: a draw falls past the last stick
 * with probability below {@code 1e-12}. Such a draw is never mapped silently: the run fails with an
 * error naming the process and the truncation. The sticks are drawn by inversion, {@code log(1 -
 * beta_k) = log(U_k) / alpha}, and kept as log-remaining lengths, which is exact and stable for
 * any {@code alpha}.
 *
 * <pre>{@code
 * Normal base = Normal.of(scope, 0.0, 1.0);
 * DirichletProcess dp = DirichletProcess.of(scope, 1.0, base);
 * Operand<TFloat32> draws = dp.sample(1000); // few distinct values: about 7.5 atoms
 * }</pre>
 */
public final class DirichletProcess extends AbstractRandomVariable<TFloat32> {

  /** The expected stick mass left past the truncation that the default truncation allows. */
  public static final double DEFAULT_LEFTOVER = 1e-12;

  /** The largest truncation accepted (about {@code 2^20} atoms). */
  public static final int MAX_TRUNCATION = 1 << 20;

  /** The base, the truncation, and the sticks and atoms of the graph evaluation, drawn once. */
  private static final class State {
    final RandomVariable<TFloat32> base;
    final int truncation;
    Operand<TFloat32> locs;
    Operand<TFloat32> cdf;
    final List<Operand<TInt32>> usedIndices = new ArrayList<>();

    State(RandomVariable<TFloat32> base, int truncation) {
      this.base = base;
      this.truncation = truncation;
    }
  }

  private DirichletProcess(Parts<TFloat32> parts, State state) {
    super(parts, state);
  }

  /**
   * A Dirichlet process with a scalar concentration.
   *
   * @param scope where to build it, named {@code DirichletProcess} made unique there
   * @param concentration {@code alpha}, positive and finite
   * @param base {@code H}, a float32 random variable of the same context
   * @return the process, holding one draw as its value
   */
  public static DirichletProcess of(VariableScope scope, double concentration, RandomVariable<TFloat32> base) {
    return builder(scope).concentration(concentration).base(base).build();
  }

  /**
   * A batch of Dirichlet processes, one per element of {@code concentration}.
   *
   * @param scope where to build it
   * @param concentration {@code alpha}, positive, of fully known shape (the batch shape)
   * @param base {@code H}, a float32 random variable of the same context
   * @return the processes
   */
  public static DirichletProcess of(VariableScope scope, Operand<TFloat32> concentration, RandomVariable<TFloat32> base) {
    return builder(scope).concentration(concentration).base(base).build();
  }

  /**
   * A builder for truncation, name, sample shape or observed value.
   *
   * @param scope where to build the process; a scope of an open context
   * @return a new builder
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * {@code alpha}, the concentration.
   *
   * @return the float32 tensor the process was built with, of the batch shape
   */
  public Operand<TFloat32> concentration() {
    return param("concentration");
  }

  /**
   * {@code H}, the base distribution the atoms are drawn from.
   *
   * @return the random variable given to the builder
   */
  public RandomVariable<TFloat32> base() {
    return state().base;
  }

  /**
   * The number of sticks and atoms drawn per graph evaluation.
   *
   * @return the truncation {@code K}
   */
  public int truncation() {
    return state().truncation;
  }

  /**
   * The atoms used so far, Edward's {@code locs}: of shape {@code [k] + batch + event}, where
   * {@code k} is one more than the highest atom index taken by the value and by the samples built
   * before this call (known at run time). Fetch it in the same run as the draws it should contain.
   *
   * @return the first {@code k} atoms of this run
   */
  public Operand<TFloat32> locs() {
    Ops tf = ops().withSubScope("locs");
    State s = state();
    Operand<TInt32> used = tf.constant(0);
    for (Operand<TInt32> z : s.usedIndices) {
      Operand<TInt32> all = tf.reshape(z, tf.constant(new int[] {-1}));
      used = tf.math.maximum(used, tf.reduceMax(all, tf.constant(0), ReduceMax.keepDims(false)));
    }
    Operand<TInt32> count = tf.math.add(used, tf.constant(1));
    int rank = 1 + batchShape().numDimensions() + eventShape().numDimensions();
    int[] begin = new int[rank];
    Operand<TInt32> size = tf.concat(List.of(tf.reshape(count, tf.constant(new int[] {1})),
        tf.fill(tf.constant(new int[] {rank - 1}), tf.constant(-1))), tf.constant(0));
    return tf.slice(s.locs, tf.constant(begin), size);
  }

  /** Always false: draws are atoms chosen by discrete indices. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    State s = state();
    if (s.locs == null) {
      drawMeasure(tf, s);
    }
    int n = Math.toIntExact(Math.max(sampleShape.size(), 0));
    long batchSize = batchShape().size();
    long eventSize = eventShape().size();
    Shape drawn = Shape.of(n).append(batchShape());
    // the first stick whose cumulative weight exceeds u: the atom index of each draw
    Operand<TFloat32> u = StandardDraws.uniform(tf, BroadcastShapes.constant(tf, drawn), nextSeedTensor(tf));
    Operand<TFloat32> cdf = tf.expandDims(s.cdf, tf.constant(1));
    Operand<TFloat32> below = tf.dtypes.cast(tf.math.lessEqual(cdf, tf.expandDims(u, tf.constant(0))), TFloat32.class);
    Operand<TInt32> z = tf.dtypes.cast(tf.reduceSum(below, tf.constant(0)), TInt32.class);
    AssertThat inside = tf.assertThat(tf.reduceAll(tf.math.less(z, tf.constant(s.truncation)),
            tf.range(tf.constant(0), tf.rank(z), tf.constant(1))),
        List.of(tf.constant(name() + ": a draw fell past the last of " + s.truncation
            + " sticks (probability below the truncation's leftover mass); raise `truncation`")));
    z = tf.withControlDependencies(List.of(inside)).identity(z);
    s.usedIndices.add(z);
    // gather atom z[i, b] of process b: flat index z * batchSize + b in locs of shape [K * B, E]
    Operand<TInt32> flatZ = tf.reshape(z, tf.constant(new int[] {n, (int) batchSize}));
    Operand<TInt32> column = tf.range(tf.constant(0), tf.constant((int) batchSize), tf.constant(1));
    Operand<TInt32> index = tf.math.add(tf.math.mul(flatZ, tf.constant((int) batchSize)), column);
    Operand<TFloat32> table = tf.reshape(s.locs, tf.constant(new int[] {(int) (s.truncation * batchSize), (int) eventSize}));
    Operand<TFloat32> picked = tf.gather(table, index, tf.constant(0));
    Shape out = sampleShape.append(batchShape()).append(eventShape());
    return tf.reshape(picked, BroadcastShapes.constant(tf, out));
  }

  /**
   * Draws the sticks and atoms of this process once: log-remaining stick lengths {@code
   * cumsum(log U) / alpha} (so {@code beta_k = 1 - U_k^(1/alpha)}), their cumulative weights {@code
   * 1 - exp(logRemaining)}, and {@code K} atoms per process from the base.
   */
  private void drawMeasure(Ops tf, State s) {
    Shape sticks = Shape.of(s.truncation).append(batchShape());
    Operand<TFloat32> u = StandardDraws.uniform(tf, BroadcastShapes.constant(tf, sticks), nextSeedTensor(tf));
    // U in [0, 1): keep log U finite
    Operand<TFloat32> logU = tf.math.log(tf.math.maximum(u, scalar(tf, Float.MIN_NORMAL)));
    Operand<TFloat32> logRemaining = tf.math.div(tf.math.cumsum(logU, tf.constant(0)), concentration());
    s.cdf = tf.math.neg(tf.math.expm1(logRemaining));
    long[] atomShape = Shape.of(s.truncation).append(batchShape()).asArray();
    s.locs = s.base.sample(atomShape);
  }

  /** The base's mean: each draw is marginally distributed as the base. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, state().base.mean());
  }

  /** The base's standard deviation. */
  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return broadcastToBatchEvent(tf, state().base.stddev());
  }

  /** The base's variance. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, state().base.variance());
  }

  /** Always unsupported: a Dirichlet process's draws have no density (Edward's has none either). */
  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    throw unsupported("log density (draws from a random discrete measure have none)");
  }

  @Override
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    return BroadcastShapes.constant(tf, RandomVariableShape.concat(batchShape(), eventShape()));
  }

  @Override
  protected RandomVariableBuilder<TFloat32, ?, ?> newBuilder(VariableScope scope) {
    return builder(scope).base(state().base).truncation(state().truncation);
  }

  private State state() {
    return familyState(State.class);
  }

  /** Builds a {@link DirichletProcess}: {@code concentration} and {@code base} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, DirichletProcess, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("concentration", Constraint.POSITIVE);

    private RandomVariable<TFloat32> base;
    private int truncation;

    private Builder(VariableScope scope) {
      super(scope, "DirichletProcess", TFloat32.class);
    }

    /**
     * {@code alpha}, a float32 tensor of positive values whose shape is the batch shape.
     *
     * @param concentration positive, of fully known shape, of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder concentration(Operand<TFloat32> concentration) {
      return parameter("concentration", concentration);
    }

    /**
     * {@code alpha}, a positive finite number.
     *
     * @param concentration positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder concentration(double concentration) {
      return parameter("concentration", concentration);
    }

    /**
     * {@code H}, the base distribution; its batch and event shape become the process's event shape.
     *
     * @param base a float32 random variable of this context, of fully known shape
     * @return this builder
     * @throws IllegalArgumentException if null, of another dtype or context, or of unknown shape
     */
    public Builder base(RandomVariable<TFloat32> base) {
      if (base == null) {
        throw new IllegalArgumentException("`base` must be a random variable, got null");
      }
      if (base.value().type() != TFloat32.class) {
        throw new IllegalArgumentException("`base` must be a float32 random variable, got "
            + dtypeName(base.value().type()) + " (" + base.name() + ")");
      }
      if (!ParameterInput.inGraph(base.value(), scope().context())) {
        throw new IllegalArgumentException("`base` must live in this context's graph, got " + base.name());
      }
      Shape shape = RandomVariableShape.concat(base.batchShape(), base.eventShape());
      if (!BroadcastShapes.isFullyKnown(shape)) {
        throw new IllegalArgumentException("`base` must have a fully known batch and event shape, got "
            + BroadcastShapes.format(shape) + " (" + base.name() + ")");
      }
      this.base = base;
      return this;
    }

    /**
     * The number of sticks and atoms drawn per run, instead of the default: the smallest {@code K}
     * with {@code (alpha / (1 + alpha))^K <= 1e-12} for the largest known {@code alpha}. Required when
     * {@code concentration} is a tensor whose values are not known before running the graph.
     *
     * @param truncation in {@code [1, 2^20]}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder truncation(int truncation) {
      if (truncation < 1 || truncation > MAX_TRUNCATION) {
        throw new IllegalArgumentException("`truncation` must be in [1, " + MAX_TRUNCATION + "], got " + truncation);
      }
      this.truncation = truncation;
      return this;
    }

    @Override
    protected void checkParameterSet(Set<String> given) {
      super.checkParameterSet(given);
      if (base == null) {
        throw new IllegalArgumentException("`base` must be given for DirichletProcess");
      }
    }

    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      Shape batch = shapes.get("concentration");
      if (!BroadcastShapes.isFullyKnown(batch)) {
        throw new IllegalArgumentException("`concentration` must have a fully known shape, got "
            + BroadcastShapes.format(batch));
      }
      Shape event = RandomVariableShape.concat(base.batchShape(), base.eventShape());
      if (batch.size() * event.size() * 1L > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("`concentration` and `base` must hold fewer than 2^31 elements together, got "
            + BroadcastShapes.format(batch) + " x " + BroadcastShapes.format(event));
      }
      return new BatchEvent(batch, event);
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected DirichletProcess create(Parts<TFloat32> parts) {
      return new DirichletProcess(parts, new State(base, truncationFor()));
    }

    @Override
    protected Builder self() {
      return this;
    }

    private int truncationFor() {
      if (truncation > 0) {
        return truncation;
      }
      float[] alpha = knownValues("concentration");
      if (alpha == null) {
        throw new IllegalArgumentException("`truncation` must be given when `concentration` is not known before "
            + "running the graph (it sets how many sticks are drawn)");
      }
      double max = 0;
      for (float a : alpha) {
        max = Math.max(max, a);
      }
      // (a / (1 + a))^K <= leftover  <=>  K >= log(leftover) / -log1p(1 / a)
      double k = Math.ceil(Math.log(DEFAULT_LEFTOVER) / -Math.log1p(1 / max));
      if (k > MAX_TRUNCATION) {
        throw new IllegalArgumentException("`concentration` must be at most about 38000 for the default truncation ("
            + (long) k + " sticks would be needed for " + max + "); give `truncation` explicitly");
      }
      return (int) Math.max(1, k);
    }
  }
}
