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
 * The inverse-gamma distribution: {@code 1 / Y} for {@code Y ~ Gamma(concentration, rate)}, with
 * TensorFlow 1.x's and Edward's parameter names ({@code rate} is the scale {@code b} of {@code x};
 * TensorFlow Probability renamed it {@code scale}).
 *
 * <p>{@code log p(x) = a log b - lgamma(a) - (a + 1) log x - b / x} for {@code x > 0}, {@code -inf}
 * otherwise; {@code cdf = Q(a, b / x)}, the regularized upper incomplete gamma function ({@code
 * Igammac}). Samples {@code b / G}, {@code G ~ Gamma(a, 1)}, are reparameterized through the
 * implicit {@code RandomGamma} gradient; for {@code a} far below 1, {@code G} can underflow to 0 and
 * the draw be infinite. Mean {@code b / (a - 1)} for {@code a > 1}, variance {@code b^2 / ((a -
 * 1)^2 (a - 2))} for {@code a > 2}, NaN otherwise; mode {@code b / (a + 1)}; entropy {@code a + log
 * b + lgamma(a) - (1 + a) digamma(a)}. Closed-form {@code KL(InverseGamma || InverseGamma)}: the
 * gamma KL of the reciprocals, since a bijection leaves KL unchanged (TensorFlow 1.x had none).
 *
 * <pre>{@code
 * InverseGamma variance = InverseGamma.of(scope, 3.0, 2.0);
 * Operand<TFloat32> mean = variance.mean(); // 2 / (3 - 1) = 1
 * }</pre>
 */
public final class InverseGamma extends AbstractRandomVariable<TFloat32> {

  private InverseGamma(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A inverse-gamma variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code InverseGamma} made unique there
   * @param concentration the shape {@code a}, positive
   * @param rate the scale {@code b} (TensorFlow 1.x and Edward call it rate; TensorFlow Probability calls it scale), positive
   * @return the variable, with one draw as its value
   */
  public static InverseGamma of(VariableScope scope, Operand<TFloat32> concentration, Operand<TFloat32> rate) {
    return builder(scope).concentration(concentration).rate(rate).build();
  }

  /**
   * A scalar inverse-gamma variable.
   *
   * @param scope where to build it
   * @param concentration the shape a
   * @param rate the scale b
   * @return the variable
   */
  public static InverseGamma of(VariableScope scope, double concentration, double rate) {
    return builder(scope).concentration(concentration).rate(rate).build();
  }

  /**
   * A builder for name, sample shape, observed value or mixed tensor and number parameters.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The parameter {@code concentration}: the shape {@code a}, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> concentration() {
    return param("concentration");
  }

  /**
   * The parameter {@code rate}: the scale {@code b} (TensorFlow 1.x and Edward call it rate; TensorFlow Probability calls it scale), positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> rate() {
    return param("rate");
  }

  /** Always true: through the implicit {@code RandomGamma} gradient and the division. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> alpha = broadcastToBatchEvent(tf, concentration());
    Operand<TFloat32> g = StandardDraws.gamma(tf, drawShape(tf, sampleShape), alpha, nextSeedTensor(tf));
    return tf.math.div(rate(), g);
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.greater(x, scalar(tf, 0));
    Operand<TFloat32> safeX = tf.select(inside, x, tf.onesLike(x));
    Operand<TFloat32> a = concentration();
    Operand<TFloat32> b = rate();
    Operand<TFloat32> kernel = tf.math.add(tf.math.mul(tf.math.add(a, scalar(tf, 1)), tf.math.log(safeX)),
        tf.math.div(b, safeX));
    Operand<TFloat32> norm = tf.math.sub(tf.math.mul(a, tf.math.log(b)), tf.math.lgamma(a));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.sub(norm, kernel));
  }

  /** {@code Igammac(a, b / x)} for {@code x > 0}, 0 otherwise. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.greater(x, scalar(tf, 0));
    Operand<TFloat32> safeX = tf.select(inside, x, tf.onesLike(x));
    Operand<TFloat32> y = tf.math.div(rate(), safeX);
    Operand<TFloat32> q = tf.math.igammac(Chi2.broadcastTogether(tf, concentration(), y),
        Chi2.broadcastTogether(tf, y, concentration()));
    return DistributionMath.where(tf, inside, q, scalar(tf, 0));
  }

  /** {@code b / (a + 1)}. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.div(rate(), tf.math.add(concentration(), scalar(tf, 1))));
  }

  /** {@code b / (a - 1)} for {@code a > 1}, NaN otherwise. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    Operand<TFloat32> a = concentration();
    Operand<TBool> defined = tf.math.greater(a, scalar(tf, 1));
    Operand<TFloat32> safeA = DistributionMath.where(tf, defined, a, scalar(tf, 2));
    Operand<TFloat32> mean = tf.math.div(rate(), tf.math.sub(safeA, scalar(tf, 1)));
    return broadcastToBatchEvent(tf, DistributionMath.nanUnless(tf, defined, mean));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code b^2 / ((a - 1)^2 (a - 2))} for {@code a > 2}, NaN otherwise. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> a = concentration();
    Operand<TBool> defined = tf.math.greater(a, scalar(tf, 2));
    Operand<TFloat32> safeA = DistributionMath.where(tf, defined, a, scalar(tf, 3));
    Operand<TFloat32> am1 = tf.math.sub(safeA, scalar(tf, 1));
    Operand<TFloat32> var = tf.math.div(tf.math.square(rate()),
        tf.math.mul(tf.math.square(am1), tf.math.sub(safeA, scalar(tf, 2))));
    return broadcastToBatchEvent(tf, DistributionMath.nanUnless(tf, defined, var));
  }

  /** {@code a + log b + lgamma(a) - (1 + a) digamma(a)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> a = concentration();
    Operand<TFloat32> t = tf.math.add(tf.math.add(a, tf.math.log(rate())), tf.math.lgamma(a));
    return broadcastToBatchEvent(tf, tf.math.sub(t, tf.math.mul(tf.math.add(a, scalar(tf, 1)), tf.math.digamma(a))));
  }

  /** {@code KL(Gamma(a1, b1) || Gamma(a2, b2))}, see {@link Gamma}. */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof InverseGamma q)) {
      return Optional.empty();
    }
    return Optional.of(Gamma.klGamma(tf, concentration(), rate(), q.concentration(), q.rate()));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link InverseGamma}: {@code concentration}, {@code rate} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, InverseGamma, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("concentration", Constraint.POSITIVE, "rate", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "InverseGamma", TFloat32.class);
    }

    /**
     * {@code concentration} as a float32 tensor: the shape {@code a}, positive.
     *
     * @param concentration a float32 tensor of this context's graph, of known rank, positive and finite (values
     *     checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder concentration(Operand<TFloat32> concentration) {
      return parameter("concentration", concentration);
    }

    /**
     * {@code concentration} as a number: the shape a.
     *
     * @param concentration positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder concentration(double concentration) {
      return parameter("concentration", concentration);
    }

    /**
     * {@code rate} as a float32 tensor: the scale {@code b} (TensorFlow 1.x and Edward call it rate; TensorFlow Probability calls it scale), positive.
     *
     * @param rate a float32 tensor of this context's graph, of known rank, positive and finite (values
     *     checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder rate(Operand<TFloat32> rate) {
      return parameter("rate", rate);
    }

    /**
     * {@code rate} as a number: the scale b.
     *
     * @param rate positive and finite
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
    protected InverseGamma create(Parts<TFloat32> parts) {
      return new InverseGamma(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
