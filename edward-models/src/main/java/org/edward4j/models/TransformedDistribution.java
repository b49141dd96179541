package org.edward4j.models;

import java.util.LinkedHashMap;
import java.util.Map;
import org.edward4j.core.RandomVariableShape;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.edward4j.models.bijectors.Bijector;
import org.edward4j.models.bijectors.Support;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A random variable {@code Y = f(X)} for a base random variable {@code X} and a {@link Bijector}
 * {@code f} (TensorFlow's {@code TransformedDistribution}; Edward's {@code auto_transform} fits a
 * constrained latent through one).
 *
 * <p>{@code log p(y) = log p_X(f^-1(y)) + log |det J_{f^-1}(y)|}, with the log-determinant summed
 * over the base's event axes. Draws are {@code f} of the base's draws (fresh ones, not the base's
 * own value), so they are reparameterized exactly when the base's are. The batch shape is the
 * base's, the event shape {@code f}'s image of the base's. The cdf carries over for increasing
 * elementwise bijectors; moments, mode and entropy have no general closed form and throw, unless
 * the builder's {@link Builder#momentDraws(int)} asks for Monte Carlo moments (the mean, variance
 * and standard deviation of that many fresh draws, made anew at each evaluation; Edward's
 * {@code auto_transform} approximations use them so that they answer on the original support). {@link
 * #parameters()} are the base's, so a graph copy ({@code withParameters}) rebuilds the base over
 * the new tensors with the same bijector (their shapes must stay the same).
 *
 * <p>Checked at build time: the base's support must lie in the bijector's domain (a log bijector
 * on a normal is rejected), and the base's event rank must be at least the bijector's.
 *
 * <pre>{@code
 * Normal base = Normal.of(scope, 0.0, 1.0);
 * TransformedDistribution logNormal = TransformedDistribution.of(scope, base, Bijectors.exp());
 * Operand<TFloat32> lp = logNormal.logProb(tf.constant(1.0f)); // log N(0; 0, 1)
 * }</pre>
 */
public final class TransformedDistribution extends AbstractRandomVariable<TFloat32> {

  /** The base and bijector while the constructor runs: the value is drawn inside {@code super(...)}. */
  private static final ThreadLocal<Pieces> CONSTRUCTING = new ThreadLocal<>();

  private record Pieces(AbstractRandomVariable<TFloat32> base, Bijector bijector, int momentDraws) {}

  private Pieces pieces;

  private TransformedDistribution(Parts<TFloat32> parts, Pieces pieces) {
    super(stash(parts, pieces));
    this.pieces = pieces;
    CONSTRUCTING.remove();
  }

  private static Parts<TFloat32> stash(Parts<TFloat32> parts, Pieces pieces) {
    CONSTRUCTING.set(pieces);
    return parts;
  }

  private Pieces pieces() {
    return pieces != null ? pieces : CONSTRUCTING.get();
  }

  /**
   * {@code bijector(base)}.
   *
   * @param scope where to build it, named {@code TransformedDistribution} made unique there
   * @param base a float32 random variable of this context
   * @param bijector the map applied to the base's values
   * @return the variable, with one transformed draw as its value
   */
  public static TransformedDistribution of(
      VariableScope scope, AbstractRandomVariable<TFloat32> base, Bijector bijector) {
    return builder(scope).distribution(base).bijector(bijector).build();
  }

  /**
   * A builder for name, sample shape or observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The base random variable.
   *
   * @return {@code X}
   */
  public AbstractRandomVariable<TFloat32> distribution() {
    return pieces().base();
  }

  /**
   * The bijector.
   *
   * @return {@code f}
   */
  public Bijector bijector() {
    return pieces().bijector();
  }

  /**
   * The number of draws behind the Monte Carlo moments.
   *
   * @return 0 when moments throw, otherwise the number of fresh draws each moment averages
   */
  public int momentDraws() {
    return pieces().momentDraws();
  }

  /** The base's: {@code f} is differentiable. */
  @Override
  public boolean isReparameterized() {
    return distribution().isReparameterized();
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    return bijector().forward(tf, distribution().sample(sampleShape.asArray()));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> y) {
    Operand<TFloat32> x = bijector().inverse(tf, y);
    Operand<TFloat32> ildj = bijector().inverseLogDetJacobian(tf, y);
    int extra = distribution().eventShape().numDimensions() - bijector().eventRank();
    if (extra > 0) {
      Operand<org.tensorflow.types.TInt32> rank = tf.rank(ildj);
      ildj = tf.reduceSum(ildj, tf.range(tf.math.sub(rank, tf.constant(extra)), rank, tf.constant(1)));
    }
    return tf.math.add(distribution().logProb(x), ildj);
  }

  /** The average of {@link #momentDraws()} fresh draws, when asked for. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return tf.math.mean(momentSample(tf, "mean"), tf.constant(0));
  }

  /** The unbiased variance of {@link #momentDraws()} fresh draws, when asked for. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> draws = momentSample(tf, "variance");
    Operand<TFloat32> centred = tf.math.sub(draws, tf.math.mean(draws, tf.constant(0)));
    int n = momentDraws();
    return tf.math.div(tf.reduceSum(tf.math.square(centred), tf.constant(0)), tf.constant((float) (n - 1)));
  }

  /** The square root of {@link #varianceOf}. */
  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  private Operand<TFloat32> momentSample(Ops tf, String moment) {
    if (momentDraws() == 0) {
      throw unsupported(moment + " (no closed form through " + bijector().name()
          + "; build with momentDraws(n) for Monte Carlo moments)");
    }
    return sample(momentDraws());
  }

  /** {@code F_X(f^-1(y))} for an increasing elementwise {@code f}. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> y) {
    if (!bijector().isIncreasing()) {
      throw unsupported("cdf (the bijector " + bijector().name() + " is not known to be increasing)");
    }
    return distribution().cdf(bijector().inverse(tf, y));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope).distribution(distribution()).bijector(bijector()).momentDraws(momentDraws());
  }

  @Override
  public String toString() {
    return super.toString().replace("TransformedDistribution(", "TransformedDistribution(" + bijector() + " of "
        + distribution().distributionName() + ", ");
  }

  /** Builds a {@link TransformedDistribution}: {@code distribution} and {@code bijector} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, TransformedDistribution, Builder> {

    private AbstractRandomVariable<TFloat32> template;
    private Bijector bijector;
    private int momentDraws;
    private Map<String, Constraint> constraints = Map.of();

    private Builder(VariableScope scope) {
      super(scope, "TransformedDistribution", TFloat32.class);
    }

    /**
     * The base random variable; its parameters become this variable's.
     *
     * @param base a float32 random variable of this builder's context
     * @return this builder
     * @throws IllegalArgumentException if null or of another graph
     */
    public Builder distribution(AbstractRandomVariable<TFloat32> base) {
      if (base == null) {
        throw new IllegalArgumentException("`distribution` must be a random variable, got null");
      }
      if (!ParameterInput.inGraph(base.value(), scope().context())) {
        throw new IllegalArgumentException("`distribution` must live in this context's graph, got " + base.name());
      }
      if (base.dtype() != TFloat32.class) {
        throw new IllegalArgumentException("`distribution` must have float32 values, got "
            + RandomVariableBuilder.dtypeName(base.dtype()));
      }
      this.template = base;
      Map<String, Constraint> c = new LinkedHashMap<>();
      base.parameters().keySet().forEach(n -> c.put(n, Constraint.REAL));
      this.constraints = c;
      base.parameters().forEach(this::parameter);
      return this;
    }

    /**
     * The bijector applied to the base's values.
     *
     * @param bijector not null
     * @return this builder
     */
    public Builder bijector(Bijector bijector) {
      if (bijector == null) {
        throw new IllegalArgumentException("`bijector` must be a Bijector, got null");
      }
      this.bijector = bijector;
      return this;
    }

    /**
     * Asks for Monte Carlo moments: {@code mean}, {@code variance} and {@code stddev} average this
     * many fresh draws (standard error {@code sd / sqrt(n)} for the mean), drawn anew at each
     * evaluation. Default 0: moments throw, as TensorFlow's {@code TransformedDistribution}.
     *
     * @param n 0, or at least 2
     * @return this builder
     * @throws IllegalArgumentException for 1 or a negative number
     */
    public Builder momentDraws(int n) {
      if (n < 0 || n == 1) {
        throw new IllegalArgumentException("`momentDraws` must be 0 or at least 2, got " + n);
      }
      this.momentDraws = n;
      return this;
    }

    /** Checks the base is given, lies in the bijector's domain and has a large enough event. */
    @Override
    protected void checkParameterSet(java.util.Set<String> given) {
      if (template == null) {
        throw new IllegalArgumentException("`distribution` must be given for TransformedDistribution");
      }
      if (bijector == null) {
        throw new IllegalArgumentException("`bijector` must be given for TransformedDistribution");
      }
      Support support = Supports.of(template);
      if (!support.fitsIn(bijector.domain())) {
        throw new IllegalArgumentException("`bijector` " + bijector.name() + " must accept the support of `distribution`: "
            + "its domain is " + bijector.domain() + ", but " + template.distributionName() + " takes " + support + " values");
      }
      int rank = template.eventShape().numDimensions();
      if (rank < bijector.eventRank()) {
        throw new IllegalArgumentException("`distribution` must have an event of rank >= " + bijector.eventRank()
            + " for " + bijector.name() + ", got " + template.distributionName() + " with event "
            + BroadcastShapes.format(template.eventShape()));
      }
    }

    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      return new BatchEvent(template.batchShape(), bijector.forwardEventShape(template.eventShape()));
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return constraints;
    }

    @Override
    protected TransformedDistribution create(Parts<TFloat32> parts) {
      AbstractRandomVariable<TFloat32> base = template;
      boolean same = parts.parameters().entrySet().stream()
          .allMatch(e -> template.parameters().get(e.getKey()) == e.getValue());
      if (!same) {
        base = template.withParameters(parts.parameters());
        RandomVariableShape expected = template.shapes();
        if (!base.batchShape().equals(expected.batch()) || !base.eventShape().equals(expected.event())) {
          throw new IllegalArgumentException("`parameters` must keep the base's batch " + BroadcastShapes.format(expected.batch())
              + " and event " + BroadcastShapes.format(expected.event()) + ", got " + BroadcastShapes.format(base.batchShape())
              + " and " + BroadcastShapes.format(base.eventShape()));
        }
      }
      return new TransformedDistribution(parts, new Pieces(base, bijector, momentDraws));
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
