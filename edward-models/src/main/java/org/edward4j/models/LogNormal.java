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
 * The log-normal distribution: {@code exp(Y)} for {@code Y ~ N(loc, scale^2)} (TensorFlow
 * Probability's {@code LogNormal}).
 *
 * <p>{@code log p(x) = log N(log x; loc, scale) - log x} for {@code x > 0}, {@code -inf} otherwise;
 * {@code cdf = Phi((log x - loc) / scale)}. Samples {@code exp(loc + scale eps)} are
 * reparameterized. Mean {@code exp(loc + scale^2 / 2)}, variance {@code (exp(scale^2) - 1) exp(2 loc
 * + scale^2)}, mode {@code exp(loc - scale^2)}, entropy {@code loc + 1/2 + log(scale sqrt(2 pi))}.
 * Closed-form {@code KL(LogNormal || LogNormal)}, the normal KL of the logs.
 *
 * <pre>{@code
 * LogNormal income = LogNormal.of(scope, 10.0, 0.5);
 * Operand<TFloat32> p = income.cdf(income.mode()); // below 1/2: the mode is under the median
 * }</pre>
 */
public final class LogNormal extends AbstractRandomVariable<TFloat32> {

  private LogNormal(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A log-normal variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code LogNormal} made unique there
   * @param loc the mean of {@code log x}
   * @param scale the standard deviation of {@code log x}, positive
   * @return the variable, with one draw as its value
   */
  public static LogNormal of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> scale) {
    return builder(scope).loc(loc).scale(scale).build();
  }

  /**
   * A scalar log-normal variable.
   *
   * @param scope where to build it
   * @param loc the mean of log x
   * @param scale the standard deviation of log x
   * @return the variable
   */
  public static LogNormal of(VariableScope scope, double loc, double scale) {
    return builder(scope).loc(loc).scale(scale).build();
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
   * The parameter {@code loc}: the mean of {@code log x}.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The parameter {@code scale}: the standard deviation of {@code log x}, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> scale() {
    return param("scale");
  }

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /** Always true: draws are {@code exp(loc + scale eps)}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> eps = StandardDraws.normal(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return tf.math.exp(tf.math.add(tf.math.mul(eps, scale()), loc()));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.greater(x, scalar(tf, 0));
    Operand<TFloat32> logX = tf.math.log(tf.select(inside, x, tf.onesLike(x)));
    Operand<TFloat32> z = tf.math.div(tf.math.sub(logX, loc()), scale());
    Operand<TFloat32> quad = tf.math.mul(scalar(tf, -0.5), tf.math.square(z));
    Operand<TFloat32> lp = tf.math.sub(quad, tf.math.add(tf.math.add(tf.math.log(scale()), scalar(tf, HALF_LOG_TWO_PI)), logX));
    return SpecialFunctions.orMinusInfinity(tf, inside, lp);
  }

  /** {@code Phi((log x - loc) / scale)}, and 0 for {@code x <= 0}. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.greater(x, scalar(tf, 0));
    Operand<TFloat32> logX = tf.math.log(tf.select(inside, x, tf.onesLike(x)));
    Operand<TFloat32> p = DistributionMath.ndtr(tf, tf.math.div(tf.math.sub(logX, loc()), scale()));
    return DistributionMath.where(tf, inside, p, scalar(tf, 0));
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.exp(tf.math.sub(loc(), tf.math.square(scale()))));
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    Operand<TFloat32> halfVar = tf.math.mul(scalar(tf, 0.5), tf.math.square(scale()));
    return broadcastToBatchEvent(tf, tf.math.exp(tf.math.add(loc(), halfVar)));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code expm1(scale^2) exp(2 loc + scale^2)}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> s2 = tf.math.square(scale());
    Operand<TFloat32> v = tf.math.mul(tf.math.expm1(s2), tf.math.exp(tf.math.add(tf.math.mul(scalar(tf, 2), loc()), s2)));
    return broadcastToBatchEvent(tf, v);
  }

  /** {@code loc + log(scale) + (1 + log(2 pi)) / 2}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> h = tf.math.add(tf.math.add(loc(), tf.math.log(scale())), scalar(tf, 0.5 + HALF_LOG_TWO_PI));
    return broadcastToBatchEvent(tf, h);
  }

  /** The normal KL of the logs: a bijection leaves KL unchanged. */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof LogNormal q)) {
      return Optional.empty();
    }
    return Optional.of(Normal.klNormal(tf, loc(), scale(), q.loc(), q.scale()));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link LogNormal}: {@code loc}, {@code scale} are required. */
  public static final class Builder extends LocationScaleBuilder<LogNormal, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("loc", Constraint.REAL, "scale", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "LogNormal", PARAMETERS, LogNormal::new);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
