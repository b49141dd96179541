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
 * The beta distribution on {@code [0, 1]} with concentrations {@code concentration1} ({@code a},
 * the weight of 1) and {@code concentration0} ({@code b}, the weight of 0), Edward's names.
 *
 * <p>{@code log p(x) = (a - 1) log x + (b - 1) log(1 - x) - log B(a, b)}. Samples are {@code X /
 * (X + Y)} with {@code X ~ Gamma(a, 1)}, {@code Y ~ Gamma(b, 1)}; they are reparameterized through
 * the implicit gradient of {@code RandomGamma}. The batch shape is the broadcast of the parameters'
 * shapes; the event is scalar. Closed-form {@code KL(Beta || Beta)}. With both concentrations far
 * below 1 the two gamma draws can both underflow to 0, giving NaN.
 *
 * <pre>{@code
 * Beta coinBias = Beta.of(scope, 1.0, 1.0);
 * Operand<TFloat32> mean = coinBias.mean(); // 0.5
 * }</pre>
 */
public final class Beta extends AbstractRandomVariable<TFloat32> {

  private Beta(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A beta variable over graph tensors.
   *
   * @param scope where to build it, named {@code Beta} made unique there
   * @param concentration1 {@code a}, positive
   * @param concentration0 {@code b}, positive; broadcasts against {@code a}
   * @return the variable
   */
  public static Beta of(VariableScope scope, Operand<TFloat32> concentration1, Operand<TFloat32> concentration0) {
    return builder(scope).concentration1(concentration1).concentration0(concentration0).build();
  }

  /**
   * A scalar beta variable.
   *
   * @param scope where to build it
   * @param concentration1 {@code a}, positive and finite
   * @param concentration0 {@code b}, positive and finite
   * @return the variable
   */
  public static Beta of(VariableScope scope, double concentration1, double concentration0) {
    return builder(scope).concentration1(concentration1).concentration0(concentration0).build();
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
   * {@code a}, the concentration of 1.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> concentration1() {
    return param("concentration1");
  }

  /**
   * {@code b}, the concentration of 0.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> concentration0() {
    return param("concentration0");
  }

  /** Always true: through the implicit {@code RandomGamma} gradient of both gamma draws. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> x = StandardDraws.gamma(tf, drawShape(tf, sampleShape), broadcastToBatchEvent(tf, concentration1()), nextSeedTensor(tf));
    Operand<TFloat32> y = StandardDraws.gamma(tf, drawShape(tf, sampleShape), broadcastToBatchEvent(tf, concentration0()), nextSeedTensor(tf));
    return tf.math.div(x, tf.math.add(x, y));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.logicalAnd(
        tf.math.greaterEqual(x, scalar(tf, 0)), tf.math.lessEqual(x, scalar(tf, 1)));
    Operand<TFloat32> safeX = tf.select(inside, x, tf.fill(tf.shape(x), scalar(tf, 0.5)));
    Operand<TFloat32> a = concentration1();
    Operand<TFloat32> b = concentration0();
    Operand<TFloat32> one = scalar(tf, 1);
    Operand<TFloat32> kernel = tf.math.add(SpecialFunctions.xLogY(tf, tf.math.sub(a, one), safeX),
        SpecialFunctions.xLog1pY(tf, tf.math.sub(b, one), tf.math.neg(safeX)));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.sub(kernel, SpecialFunctions.logBeta(tf, a, b)));
  }

  /** {@code I(x; a, b)}, the regularized incomplete beta function ({@code Betainc}), {@code x} clipped to {@code [0, 1]}. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> clipped = tf.math.minimum(tf.math.maximum(x, scalar(tf, 0)), scalar(tf, 1));
    Operand<TFloat32> a = concentration1();
    Operand<TFloat32> b = concentration0();
    org.tensorflow.Operand<org.tensorflow.types.TInt32> shape =
        tf.broadcastDynamicShape(tf.broadcastDynamicShape(tf.shape(a), tf.shape(b)), tf.shape(clipped));
    return tf.math.betainc(tf.broadcastTo(a, shape), tf.broadcastTo(b, shape), tf.broadcastTo(clipped, shape));
  }

  /** {@code (a - 1) / (a + b - 2)} for {@code a > 1} and {@code b > 1}; NaN otherwise (TensorFlow's convention). */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    Operand<TFloat32> a = concentration1();
    Operand<TFloat32> b = concentration0();
    Operand<TFloat32> one = scalar(tf, 1);
    Operand<TFloat32> mode = tf.math.div(tf.math.sub(a, one), tf.math.sub(total(tf), scalar(tf, 2)));
    Operand<TBool> defined = tf.math.logicalAnd(tf.math.greater(a, one), tf.math.greater(b, one));
    return broadcastToBatchEvent(tf, DistributionMath.nanUnless(tf, defined, mode));
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return tf.math.div(concentration1(), total(tf));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code a b / ((a + b)^2 (a + b + 1))}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> n = total(tf);
    Operand<TFloat32> denominator = tf.math.mul(tf.math.square(n), tf.math.add(n, scalar(tf, 1)));
    return tf.math.div(tf.math.mul(concentration1(), concentration0()), denominator);
  }

  /** {@code log B(a, b) - (a - 1) digamma(a) - (b - 1) digamma(b) + (a + b - 2) digamma(a + b)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> a = concentration1();
    Operand<TFloat32> b = concentration0();
    Operand<TFloat32> one = scalar(tf, 1);
    Operand<TFloat32> da = tf.math.mul(tf.math.sub(a, one), tf.math.digamma(a));
    Operand<TFloat32> db = tf.math.mul(tf.math.sub(b, one), tf.math.digamma(b));
    Operand<TFloat32> n = total(tf);
    Operand<TFloat32> dn = tf.math.mul(tf.math.sub(n, scalar(tf, 2)), tf.math.digamma(n));
    return tf.math.add(tf.math.sub(tf.math.sub(SpecialFunctions.logBeta(tf, a, b), da), db), dn);
  }

  /**
   * {@code KL(Beta(a1, b1) || Beta(a2, b2)) = log B(a2, b2) - log B(a1, b1) + (a1 - a2) digamma(a1)
   * + (b1 - b2) digamma(b1) + (a2 - a1 + b2 - b1) digamma(a1 + b1)}.
   */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Beta q)) {
      return Optional.empty();
    }
    Operand<TFloat32> a1 = concentration1();
    Operand<TFloat32> b1 = concentration0();
    Operand<TFloat32> a2 = q.concentration1();
    Operand<TFloat32> b2 = q.concentration0();
    Operand<TFloat32> lb = tf.math.sub(SpecialFunctions.logBeta(tf, a2, b2), SpecialFunctions.logBeta(tf, a1, b1));
    Operand<TFloat32> ta = tf.math.mul(tf.math.sub(a1, a2), tf.math.digamma(a1));
    Operand<TFloat32> tb = tf.math.mul(tf.math.sub(b1, b2), tf.math.digamma(b1));
    Operand<TFloat32> n1 = tf.math.add(a1, b1);
    Operand<TFloat32> tn = tf.math.mul(tf.math.sub(tf.math.add(a2, b2), n1), tf.math.digamma(n1));
    return Optional.of(tf.math.add(tf.math.add(lb, ta), tf.math.add(tb, tn)));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  private Operand<TFloat32> total(Ops tf) {
    return tf.math.add(concentration1(), concentration0());
  }

  /** Builds a {@link Beta}: {@code concentration1} and {@code concentration0} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Beta, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("concentration1", Constraint.POSITIVE, "concentration0", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Beta", TFloat32.class);
    }

    /**
     * {@code a}, a float32 tensor of positive values.
     *
     * @param concentration1 {@code a}, positive: a float32 tensor of this context's graph, of known
     *     rank (values checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder concentration1(Operand<TFloat32> concentration1) {
      return parameter("concentration1", concentration1);
    }

    /**
     * {@code a}, a positive finite number.
     *
     * @param concentration1 {@code a}, positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder concentration1(double concentration1) {
      return parameter("concentration1", concentration1);
    }

    /**
     * {@code b}, a float32 tensor of positive values.
     *
     * @param concentration0 {@code b}, positive: a float32 tensor of this context's graph, of known
     *     rank (values checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder concentration0(Operand<TFloat32> concentration0) {
      return parameter("concentration0", concentration0);
    }

    /**
     * {@code b}, a positive finite number.
     *
     * @param concentration0 {@code b}, positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder concentration0(double concentration0) {
      return parameter("concentration0", concentration0);
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Beta create(Parts<TFloat32> parts) {
      return new Beta(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
