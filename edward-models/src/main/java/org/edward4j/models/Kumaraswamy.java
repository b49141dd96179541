package org.edward4j.models;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The Kumaraswamy distribution on {@code [0, 1]}, a beta-like family with a closed-form CDF and
 * inverse (TensorFlow Probability's {@code Kumaraswamy}; Nalisnick and Smyth, 2017, use it for
 * reparameterized stick-breaking).
 *
 * <p>{@code log p(x) = log(a b) + (a - 1) log x + (b - 1) log(1 - x^a)} on {@code [0, 1]}, {@code
 * -inf} outside, with {@code a = concentration1}, {@code b = concentration0}; {@code cdf = 1 - (1 -
 * x^a)^b}. Samples {@code (1 - u^(1/b))^(1/a)} are reparameterized. Moments {@code E[x^n] = b B(1 +
 * n / a, b)}; mode {@code ((a - 1) / (a b - 1))^(1/a)} for {@code a > 1, b > 1}, NaN otherwise;
 * entropy {@code (1 - 1/b) + (1 - 1/a) H(b) - log(a b)} with the harmonic number {@code H(b) =
 * digamma(b + 1) + gamma}. No closed-form KL (TensorFlow had none).
 *
 * <pre>{@code
 * Kumaraswamy k = Kumaraswamy.of(scope, 2.0, 5.0);
 * Operand<TFloat32> m = k.mean(); // 5 B(1.5, 5)
 * }</pre>
 */
public final class Kumaraswamy extends AbstractRandomVariable<TFloat32> {

  private Kumaraswamy(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A Kumaraswamy variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code Kumaraswamy} made unique there
   * @param concentration1 the exponent {@code a} of {@code x}, positive
   * @param concentration0 the exponent {@code b} of {@code 1 - x^a}, positive
   * @return the variable, with one draw as its value
   */
  public static Kumaraswamy of(VariableScope scope, Operand<TFloat32> concentration1, Operand<TFloat32> concentration0) {
    return builder(scope).concentration1(concentration1).concentration0(concentration0).build();
  }

  /**
   * A scalar Kumaraswamy variable.
   *
   * @param scope where to build it
   * @param concentration1 the exponent a
   * @param concentration0 the exponent b
   * @return the variable
   */
  public static Kumaraswamy of(VariableScope scope, double concentration1, double concentration0) {
    return builder(scope).concentration1(concentration1).concentration0(concentration0).build();
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
   * The parameter {@code concentration1}: the exponent {@code a} of {@code x}, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> concentration1() {
    return param("concentration1");
  }

  /**
   * The parameter {@code concentration0}: the exponent {@code b} of {@code 1 - x^a}, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> concentration0() {
    return param("concentration0");
  }

  /** Always true: draws are the inverse CDF at {@code u}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = DistributionMath.openUniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    // 1 - u^(1/b) = -expm1(log(u) / b), accurate when u^(1/b) is close to 1.
    Operand<TFloat32> oneMinus = tf.math.neg(tf.math.expm1(tf.math.div(tf.math.log(u), concentration0())));
    return tf.math.exp(tf.math.div(tf.math.log(oneMinus), concentration1()));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.logicalAnd(
        tf.math.greaterEqual(x, scalar(tf, 0)), tf.math.lessEqual(x, scalar(tf, 1)));
    Operand<TFloat32> safeX = tf.select(inside, x, tf.fill(tf.shape(x), scalar(tf, 0.5)));
    Operand<TFloat32> a = concentration1();
    Operand<TFloat32> b = concentration0();
    Operand<TFloat32> one = scalar(tf, 1);
    Operand<TFloat32> xa = tf.math.pow(safeX, a);
    Operand<TFloat32> kernel = tf.math.add(SpecialFunctions.xLogY(tf, tf.math.sub(a, one), safeX),
        SpecialFunctions.xLog1pY(tf, tf.math.sub(b, one), tf.math.neg(xa)));
    Operand<TFloat32> lp = tf.math.add(kernel, tf.math.add(tf.math.log(a), tf.math.log(b)));
    return SpecialFunctions.orMinusInfinity(tf, inside, lp);
  }

  /** {@code 1 - (1 - x^a)^b = -expm1(b log1p(-x^a))}, with {@code x} clipped to {@code [0, 1]}. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> clipped = tf.math.minimum(tf.math.maximum(x, scalar(tf, 0)), scalar(tf, 1));
    Operand<TFloat32> xa = tf.math.pow(clipped, concentration1());
    return tf.math.neg(tf.math.expm1(tf.math.mul(concentration0(), tf.math.log1p(tf.math.neg(xa)))));
  }

  /** {@code ((a - 1) / (a b - 1))^(1/a)} for {@code a > 1} and {@code b > 1}, NaN otherwise. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    Operand<TFloat32> a = concentration1();
    Operand<TFloat32> b = concentration0();
    Operand<TFloat32> one = scalar(tf, 1);
    Operand<TBool> defined = tf.math.logicalAnd(tf.math.greater(a, one), tf.math.greater(b, one));
    Operand<TFloat32> ratio = tf.math.div(tf.math.sub(a, one), tf.math.sub(tf.math.mul(a, b), one));
    Operand<TFloat32> mode = tf.math.pow(tf.math.abs(ratio), tf.math.reciprocal(a));
    return broadcastToBatchEvent(tf, DistributionMath.nanUnless(tf, defined, mode));
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, rawMoment(tf, 1));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code E[x^2] - E[x]^2}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.sub(rawMoment(tf, 2), tf.math.square(rawMoment(tf, 1))));
  }

  /** {@code (1 - 1/b) + (1 - 1/a) (digamma(b + 1) + gamma) - log(a b)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> a = concentration1();
    Operand<TFloat32> b = concentration0();
    Operand<TFloat32> one = scalar(tf, 1);
    Operand<TFloat32> harmonic = tf.math.add(tf.math.digamma(tf.math.add(b, one)), scalar(tf, Gumbel.EULER_GAMMA));
    Operand<TFloat32> t1 = tf.math.sub(one, tf.math.reciprocal(b));
    Operand<TFloat32> t2 = tf.math.mul(tf.math.sub(one, tf.math.reciprocal(a)), harmonic);
    return broadcastToBatchEvent(tf, tf.math.sub(tf.math.add(t1, t2), tf.math.add(tf.math.log(a), tf.math.log(b))));
  }

  /** {@code E[x^n] = b B(1 + n / a, b) = exp(log b + log B(1 + n / a, b))}. */
  private Operand<TFloat32> rawMoment(Ops tf, int n) {
    Operand<TFloat32> b = concentration0();
    Operand<TFloat32> first = tf.math.add(scalar(tf, 1), tf.math.div(scalar(tf, n), concentration1()));
    return tf.math.exp(tf.math.add(tf.math.log(b), SpecialFunctions.logBeta(tf, first, b)));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link Kumaraswamy}: {@code concentration1}, {@code concentration0} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Kumaraswamy, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("concentration1", Constraint.POSITIVE, "concentration0", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Kumaraswamy", TFloat32.class);
    }

    /**
     * {@code concentration1} as a float32 tensor: the exponent {@code a} of {@code x}, positive.
     *
     * @param concentration1 a float32 tensor of this context's graph, of known rank, positive and finite (values
     *     checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder concentration1(Operand<TFloat32> concentration1) {
      return parameter("concentration1", concentration1);
    }

    /**
     * {@code concentration1} as a number: the exponent a.
     *
     * @param concentration1 positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder concentration1(double concentration1) {
      return parameter("concentration1", concentration1);
    }

    /**
     * {@code concentration0} as a float32 tensor: the exponent {@code b} of {@code 1 - x^a}, positive.
     *
     * @param concentration0 a float32 tensor of this context's graph, of known rank, positive and finite (values
     *     checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder concentration0(Operand<TFloat32> concentration0) {
      return parameter("concentration0", concentration0);
    }

    /**
     * {@code concentration0} as a number: the exponent b.
     *
     * @param concentration0 positive and finite
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
    protected Kumaraswamy create(Parts<TFloat32> parts) {
      return new Kumaraswamy(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
