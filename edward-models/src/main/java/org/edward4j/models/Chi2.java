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
 * The chi-squared distribution with {@code df} degrees of freedom: {@code Gamma(df / 2, rate 1/2)}.
 *
 * <p>{@code log p(x) = (k / 2 - 1) log x - x / 2 - (k / 2) log 2 - lgamma(k / 2)} for {@code x >=
 * 0}, {@code -inf} below, with {@code k = df}; {@code cdf = P(k / 2, x / 2)}, the regularized
 * lower incomplete gamma function ({@code Igamma}). Samples {@code 2 G}, {@code G ~ Gamma(k / 2,
 * 1)}, are reparameterized through the implicit {@code RandomGamma} gradient. Mean {@code k},
 * variance {@code 2 k}, mode {@code k - 2} for {@code k >= 2} (NaN below, where the density is
 * unbounded at 0), closed-form entropy and {@code KL(Chi2 || Chi2)} (the gamma KL).
 *
 * <pre>{@code
 * Chi2 c = Chi2.of(scope, 3.0);
 * Operand<TFloat32> mean = c.mean(); // 3
 * }</pre>
 */
public final class Chi2 extends AbstractRandomVariable<TFloat32> {

  private Chi2(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A chi-squared variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code Chi2} made unique there
   * @param df the degrees of freedom, positive
   * @return the variable, with one draw as its value
   */
  public static Chi2 of(VariableScope scope, Operand<TFloat32> df) {
    return builder(scope).df(df).build();
  }

  /**
   * A scalar chi-squared variable.
   *
   * @param scope where to build it
   * @param df the degrees of freedom
   * @return the variable
   */
  public static Chi2 of(VariableScope scope, double df) {
    return builder(scope).df(df).build();
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
   * The parameter {@code df}: the degrees of freedom, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> df() {
    return param("df");
  }

  /** Always true: through the implicit {@code RandomGamma} gradient. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> halfDf = broadcastToBatchEvent(tf, halfDf(tf));
    Operand<TFloat32> g = StandardDraws.gamma(tf, drawShape(tf, sampleShape), halfDf, nextSeedTensor(tf));
    return tf.math.mul(g, scalar(tf, 2));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.greaterEqual(x, scalar(tf, 0));
    Operand<TFloat32> safeX = tf.select(inside, x, tf.onesLike(x));
    Operand<TFloat32> a = halfDf(tf);
    Operand<TFloat32> kernel = tf.math.sub(SpecialFunctions.xLogY(tf, tf.math.sub(a, scalar(tf, 1)), safeX),
        tf.math.mul(safeX, scalar(tf, 0.5)));
    Operand<TFloat32> norm = tf.math.add(tf.math.mul(a, scalar(tf, Math.log(2))), tf.math.lgamma(a));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.sub(kernel, norm));
  }

  /** {@code Igamma(k / 2, max(x, 0) / 2)}. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> halfX = tf.math.mul(tf.math.maximum(x, scalar(tf, 0)), scalar(tf, 0.5));
    return tf.math.igamma(broadcastTogether(tf, halfDf(tf), halfX), broadcastTogether(tf, halfX, halfDf(tf)));
  }

  /** {@code k - 2} for {@code k >= 2}, NaN below. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    Operand<TFloat32> mode = broadcastToBatchEvent(tf, tf.math.sub(df(), scalar(tf, 2)));
    return DistributionMath.nanUnless(tf, tf.math.greaterEqual(df(), scalar(tf, 2)), mode);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, df());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.sqrt(tf.math.mul(df(), scalar(tf, 2))));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(df(), scalar(tf, 2)));
  }

  /** {@code k / 2 + log 2 + lgamma(k / 2) + (1 - k / 2) digamma(k / 2)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> a = halfDf(tf);
    Operand<TFloat32> t = tf.math.add(tf.math.add(a, scalar(tf, Math.log(2))), tf.math.lgamma(a));
    return broadcastToBatchEvent(tf, tf.math.add(t, tf.math.mul(tf.math.sub(scalar(tf, 1), a), tf.math.digamma(a))));
  }

  /** The gamma KL at equal rates: {@code (a1 - a2) digamma(a1) - lgamma(a1) + lgamma(a2)}, {@code a = k / 2}. */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Chi2 q)) {
      return Optional.empty();
    }
    Operand<TFloat32> a1 = halfDf(tf);
    Operand<TFloat32> a2 = q.halfDf(tf);
    Operand<TFloat32> t1 = tf.math.mul(tf.math.sub(a1, a2), tf.math.digamma(a1));
    return Optional.of(tf.math.add(t1, tf.math.sub(tf.math.lgamma(a2), tf.math.lgamma(a1))));
  }

  private Operand<TFloat32> halfDf(Ops tf) {
    return tf.math.mul(df(), scalar(tf, 0.5));
  }

  /** {@code a} broadcast against {@code b} (Igamma's kernels want equal shapes on some paths). */
  static Operand<TFloat32> broadcastTogether(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.broadcastTo(a, tf.broadcastDynamicShape(tf.shape(a), tf.shape(b)));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link Chi2}: {@code df} is required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Chi2, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("df", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Chi2", TFloat32.class);
    }

    /**
     * {@code df} as a float32 tensor: the degrees of freedom, positive.
     *
     * @param df a float32 tensor of this context's graph, of known rank, positive and finite (values
     *     checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder df(Operand<TFloat32> df) {
      return parameter("df", df);
    }

    /**
     * {@code df} as a number: the degrees of freedom.
     *
     * @param df positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder df(double df) {
      return parameter("df", df);
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Chi2 create(Parts<TFloat32> parts) {
      return new Chi2(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
