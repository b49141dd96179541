package org.edward4j.models;

import java.util.Map;
import java.util.Optional;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The gamma distribution with shape {@code concentration} and inverse scale {@code rate}.
 *
 * <p>{@code log p(x) = (a - 1) log x - b x + a log b - lgamma(a)} for {@code x >= 0}, with {@code
 * a = concentration} and {@code b = rate}. Samples are {@code RandomGamma(a) / b}; they are
 * reparameterized through the implicit gradient of {@code RandomGamma} (Figurnov et al., 2018),
 * which this module registers with TensorFlow. The batch shape is the broadcast of the parameters'
 * shapes; the event is scalar. Closed-form {@code KL(Gamma || Gamma)}. Draws for concentrations
 * far below 1 can underflow to 0 in float32.
 *
 * <pre>{@code
 * Gamma precision = Gamma.of(scope, 2.0, 3.0);
 * Operand<TFloat32> mean = precision.mean(); // 2 / 3
 * }</pre>
 */
public final class Gamma extends AbstractRandomVariable<TFloat32> {

  private Gamma(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A gamma variable over graph tensors.
   *
   * @param scope where to build it, named {@code Gamma} made unique there
   * @param concentration the shape parameter, positive
   * @param rate the inverse scale, positive; broadcasts against {@code concentration}
   * @return the variable
   */
  public static Gamma of(VariableScope scope, Operand<TFloat32> concentration, Operand<TFloat32> rate) {
    return builder(scope).concentration(concentration).rate(rate).build();
  }

  /**
   * A scalar gamma variable.
   *
   * @param scope where to build it
   * @param concentration the shape parameter, positive and finite
   * @param rate the inverse scale, positive and finite
   * @return the variable
   */
  public static Gamma of(VariableScope scope, double concentration, double rate) {
    return builder(scope).concentration(concentration).rate(rate).build();
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
   * The shape parameter {@code a}.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> concentration() {
    return param("concentration");
  }

  /**
   * The inverse scale {@code b}.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> rate() {
    return param("rate");
  }

  /** Always true: through the implicit {@code RandomGamma} gradient and the division by rate. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> alpha = broadcastToBatchEvent(tf, concentration());
    return tf.math.div(StandardDraws.gamma(tf, drawShape(tf, sampleShape), alpha, nextSeedTensor(tf)), rate());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.greaterEqual(x, scalar(tf, 0));
    Operand<TFloat32> safeX = tf.select(inside, x, tf.onesLike(x));
    Operand<TFloat32> a = concentration();
    Operand<TFloat32> b = rate();
    Operand<TFloat32> kernel = tf.math.sub(SpecialFunctions.xLogY(tf, tf.math.sub(a, scalar(tf, 1)), safeX),
        tf.math.mul(b, safeX));
    Operand<TFloat32> normalizer = tf.math.sub(tf.math.mul(a, tf.math.log(b)), tf.math.lgamma(a));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.add(kernel, normalizer));
  }

  /** {@code P(a, b max(x, 0))}, the regularized lower incomplete gamma function ({@code Igamma}). */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> y = tf.math.mul(tf.math.maximum(x, scalar(tf, 0)), rate());
    return tf.math.igamma(Chi2.broadcastTogether(tf, concentration(), y), Chi2.broadcastTogether(tf, y, concentration()));
  }

  /** {@code (a - 1) / b} for {@code a >= 1}; NaN below, where the density is unbounded at 0. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    Operand<TFloat32> a = concentration();
    Operand<TFloat32> mode = broadcastToBatchEvent(tf, tf.math.div(tf.math.sub(a, scalar(tf, 1)), rate()));
    return DistributionMath.nanUnless(tf, tf.math.greaterEqual(a, scalar(tf, 1)), mode);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return tf.math.div(concentration(), rate());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.div(tf.math.sqrt(concentration()), rate());
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return tf.math.div(concentration(), tf.math.square(rate()));
  }

  /** {@code a - log b + lgamma(a) + (1 - a) digamma(a)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> a = concentration();
    Operand<TFloat32> oneMinusA = tf.math.sub(scalar(tf, 1), a);
    return tf.math.add(tf.math.sub(a, tf.math.log(rate())),
        tf.math.add(tf.math.lgamma(a), tf.math.mul(oneMinusA, tf.math.digamma(a))));
  }

  /**
   * {@code KL(Gamma(a1, b1) || Gamma(a2, b2)) = (a1 - a2) digamma(a1) - lgamma(a1) + lgamma(a2) +
   * a2 (log b1 - log b2) + a1 (b2 - b1) / b1}.
   */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Gamma q)) {
      return Optional.empty();
    }
    return Optional.of(klGamma(tf, concentration(), rate(), q.concentration(), q.rate()));
  }

  /** The gamma KL of the docs above, shared with {@link InverseGamma} (KL is invariant under {@code 1 / x}). */
  static Operand<TFloat32> klGamma(
      Ops tf, Operand<TFloat32> a1, Operand<TFloat32> b1, Operand<TFloat32> a2, Operand<TFloat32> b2) {
    Operand<TFloat32> t1 = tf.math.mul(tf.math.sub(a1, a2), tf.math.digamma(a1));
    Operand<TFloat32> t2 = tf.math.sub(tf.math.lgamma(a2), tf.math.lgamma(a1));
    Operand<TFloat32> t3 = tf.math.mul(a2, tf.math.sub(tf.math.log(b1), tf.math.log(b2)));
    Operand<TFloat32> t4 = tf.math.div(tf.math.mul(a1, tf.math.sub(b2, b1)), b1);
    return tf.math.add(tf.math.add(t1, t2), tf.math.add(t3, t4));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link Gamma}: {@code concentration} and {@code rate} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Gamma, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("concentration", Constraint.POSITIVE, "rate", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Gamma", TFloat32.class);
    }

    /**
     * The shape parameter, a float32 tensor of positive values.
     *
     * @param concentration the shape parameter {@code a}, positive: a float32 tensor of this
     *     context's graph, of known rank (values checked at once only for a {@code Const} of up to
     *     2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder concentration(Operand<TFloat32> concentration) {
      return parameter("concentration", concentration);
    }

    /**
     * The shape parameter, a positive finite number.
     *
     * @param concentration the shape parameter {@code a}, positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder concentration(double concentration) {
      return parameter("concentration", concentration);
    }

    /**
     * The inverse scale, a float32 tensor of positive values.
     *
     * @param rate the inverse scale {@code b}, positive: a float32 tensor of this context's graph,
     *     of known rank (values checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder rate(Operand<TFloat32> rate) {
      return parameter("rate", rate);
    }

    /**
     * The inverse scale, a positive finite number.
     *
     * @param rate the inverse scale {@code b}, positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder rate(double rate) {
      return parameter("rate", rate);
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Gamma create(Parts<TFloat32> parts) {
      return new Gamma(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
