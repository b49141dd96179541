package org.edward4j.models;

import java.util.Map;
import java.util.Optional;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The multivariate normal distribution over {@code R^k} with mean {@code loc} and diagonal
 * covariance {@code diag(scaleDiag^2)}.
 *
 * <p>{@code log p(x) = sum_i [-(x_i - loc_i)^2 / (2 s_i^2) - log s_i] - (k / 2) log(2 pi)}, summed
 * over the event axis. The last axis of the broadcast parameter shape is the event {@code [k]};
 * the axes before it are the batch. Samples are reparameterized, {@code loc + scaleDiag * eps}.
 * {@code stddev} and {@code variance} are the diagonal's (per coordinate). Closed-form {@code
 * KL(MultivariateNormalDiag || MultivariateNormalDiag)}.
 *
 * <pre>{@code
 * MultivariateNormalDiag w = MultivariateNormalDiag.of(scope, new float[] {0f, 0f}, new float[] {1f, 2f});
 * Operand<TFloat32> logDensity = w.logProb(tf.constant(new float[] {0.5f, -1f})); // a scalar
 * }</pre>
 */
public final class MultivariateNormalDiag extends AbstractRandomVariable<TFloat32> {

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private MultivariateNormalDiag(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A diagonal multivariate normal over graph tensors.
   *
   * @param scope where to build it, named {@code MultivariateNormalDiag} made unique there
   * @param loc the mean, of shape {@code batch + [k]}
   * @param scaleDiag the per-coordinate standard deviations, positive; broadcasts against {@code loc}
   * @return the variable
   */
  public static MultivariateNormalDiag of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> scaleDiag) {
    return builder(scope).loc(loc).scaleDiag(scaleDiag).build();
  }

  /**
   * A diagonal multivariate normal over {@code R^k} from Java arrays of length {@code k}.
   *
   * @param scope where to build it
   * @param loc the mean, finite
   * @param scaleDiag the standard deviations, positive and finite
   * @return the variable
   */
  public static MultivariateNormalDiag of(VariableScope scope, float[] loc, float[] scaleDiag) {
    return builder(scope).loc(loc).scaleDiag(scaleDiag).build();
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
   * The mean parameter.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The diagonal of the scale matrix (per-coordinate standard deviations).
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> scaleDiag() {
    return param("scaleDiag");
  }

  /** Always true: draws are {@code loc + scaleDiag * eps}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> eps = StandardDraws.normal(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return tf.math.add(tf.math.mul(eps, scaleDiag()), loc());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scaleDiag());
    Operand<TFloat32> quad = tf.math.mul(scalar(tf, -0.5), tf.math.square(z));
    Operand<TFloat32> perCoordinate =
        tf.math.sub(quad, tf.math.add(tf.math.log(scaleDiag()), scalar(tf, HALF_LOG_TWO_PI)));
    return sumOverEvent(tf, perCoordinate);
  }

  /** {@code loc}. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return broadcastToBatchEvent(tf, scaleDiag());
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.square(scaleDiag()));
  }

  /** {@code sum_i log s_i + (k / 2) log(2 pi e)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> perCoordinate = tf.math.add(tf.math.log(scaleDiag()), scalar(tf, HALF_LOG_TWO_PI + 0.5));
    return sumOverEvent(tf, broadcastToBatchEvent(tf, perCoordinate));
  }

  /**
   * The sum over coordinates of the univariate normal KLs against another diagonal normal; against
   * the other multivariate normal variants, the general Gaussian KL.
   */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof MultivariateNormalDiag q)) {
      return GaussianLinearAlgebra.klToAnyVariant(tf, this, other);
    }
    if (!BroadcastShapes.compatible(q.eventShape(), eventShape())) {
      throw new IllegalArgumentException("`other` must have event shape " + BroadcastShapes.format(eventShape())
          + " to match " + name() + ", got " + BroadcastShapes.format(q.eventShape()));
    }
    Operand<TFloat32> perCoordinate = Normal.klNormal(tf, loc(), scaleDiag(), q.loc(), q.scaleDiag());
    // Every parameter of both variables enters the per-coordinate KL, so it has the full
    // broadcast shape batch + [k] already.
    return Optional.of(tf.reduceSum(perCoordinate, tf.constant(-1)));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link MultivariateNormalDiag}: {@code loc} and {@code scaleDiag} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, MultivariateNormalDiag, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("loc", Constraint.REAL, "scaleDiag", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "MultivariateNormalDiag", TFloat32.class);
    }

    /**
     * The mean, a float32 tensor whose last axis is the event.
     *
     * @param loc the mean, of rank 1 or more, finite: a float32 tensor of this context's graph, of
     *     known rank (values checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder loc(Operand<TFloat32> loc) {
      return parameter("loc", loc);
    }

    /**
     * The mean, finite values.
     *
     * @param loc the mean of each of the {@code k} coordinates, finite; not null
     * @return this builder
     * @throws IllegalArgumentException if {@code loc} is null or a value is not finite
     */
    public Builder loc(float[] loc) {
      return parameter("loc", loc, loc == null ? 0 : loc.length);
    }

    /**
     * The standard deviations, a float32 tensor of positive values.
     *
     * @param scaleDiag the per-coordinate standard deviations, of rank 1 or more, positive: a
     *     float32 tensor of this context's graph, of known rank (values checked at once only for a
     *     {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder scaleDiag(Operand<TFloat32> scaleDiag) {
      return parameter("scaleDiag", scaleDiag);
    }

    /**
     * The standard deviations, positive finite values.
     *
     * @param scaleDiag the standard deviation of each of the {@code k} coordinates, positive and
     *     finite; not null
     * @return this builder
     * @throws IllegalArgumentException if {@code scaleDiag} is null or a value is not positive and
     *     finite
     */
    public Builder scaleDiag(float[] scaleDiag) {
      return parameter("scaleDiag", scaleDiag, scaleDiag == null ? 0 : scaleDiag.length);
    }

    /** Both parameters need at least one axis; the last axis of their broadcast is the event. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      shapes.forEach((name, s) -> {
        if (s.numDimensions() == 0) {
          throw new IllegalArgumentException("`" + name + "` must have at least one axis (the event), got []");
        }
      });
      Shape full = BroadcastShapes.broadcastAll(shapes);
      int rank = full.numDimensions();
      return new BatchEvent(BroadcastShapes.slice(full, 0, rank - 1), BroadcastShapes.slice(full, rank - 1, rank));
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected MultivariateNormalDiag create(Parts<TFloat32> parts) {
      return new MultivariateNormalDiag(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
