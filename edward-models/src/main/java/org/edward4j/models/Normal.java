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
 * The normal (Gaussian) distribution with mean {@code loc} and standard deviation {@code scale}.
 *
 * <p>{@code log p(x) = -(x - loc)^2 / (2 scale^2) - log(scale) - log(2 pi) / 2}. Samples are
 * reparameterized, {@code loc + scale * eps} with {@code eps ~ N(0, 1)}, so gradients flow from a
 * draw to both parameters. The batch shape is the broadcast of the parameters' shapes; the event is
 * scalar. Closed-form {@code KL(Normal || Normal)}.
 *
 * <pre>{@code
 * try (ModelContext ctx = ModelContext.withSeed(42)) {
 *   VariableScope gen = ctx.scope("Gen");
 *   Normal z = Normal.of(gen, 0.0, 1.0);                        // Gen/Normal
 *   Normal x = Normal.builder(gen).loc(z).scale(0.5).sampleShape(100).name("x").build();
 *   float[] draws = ctx.eval(x).data();
 * }
 * }</pre>
 */
public final class Normal extends AbstractRandomVariable<TFloat32> {

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private Normal(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A normal variable over graph tensors.
   *
   * @param scope where to build it, named {@code Normal} made unique there
   * @param loc the mean
   * @param scale the standard deviation, positive; broadcasts against {@code loc}
   * @return the variable, with one draw as its value
   */
  public static Normal of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> scale) {
    return builder(scope).loc(loc).scale(scale).build();
  }

  /**
   * A scalar normal variable.
   *
   * @param scope where to build it
   * @param loc the mean, finite
   * @param scale the standard deviation, positive and finite
   * @return the variable
   */
  public static Normal of(VariableScope scope, double loc, double scale) {
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
   * The mean parameter.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The standard deviation parameter.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> scale() {
    return param("scale");
  }

  /** Always true: draws are {@code loc + scale * eps}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> eps = StandardDraws.normal(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return tf.math.add(tf.math.mul(eps, scale()), loc());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scale());
    Operand<TFloat32> quad = tf.math.mul(scalar(tf, -0.5), tf.math.square(z));
    return tf.math.sub(quad, tf.math.add(tf.math.log(scale()), scalar(tf, HALF_LOG_TWO_PI)));
  }

  /** {@code Phi((x - loc) / scale)}, through {@code Erfc} so both tails keep their precision. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    return DistributionMath.ndtr(tf, tf.math.div(tf.math.sub(x, loc()), scale()));
  }

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
    return broadcastToBatchEvent(tf, scale());
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.square(scale()));
  }

  /** {@code log(scale) + log(2 pi e) / 2}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.add(tf.math.log(scale()), scalar(tf, HALF_LOG_TWO_PI + 0.5)));
  }

  /**
   * {@code KL(N(m1, s1) || N(m2, s2)) = log(s2 / s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2}.
   */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Normal q)) {
      return Optional.empty();
    }
    return Optional.of(klNormal(tf, loc(), scale(), q.loc(), q.scale()));
  }

  /** The elementwise normal KL, shared with {@link MultivariateNormalDiag}. */
  static Operand<TFloat32> klNormal(
      Ops tf, Operand<TFloat32> m1, Operand<TFloat32> s1, Operand<TFloat32> m2, Operand<TFloat32> s2) {
    Operand<TFloat32> ratio = tf.math.square(tf.math.div(s1, s2));
    Operand<TFloat32> diff = tf.math.square(tf.math.div(tf.math.sub(m1, m2), s2));
    Operand<TFloat32> half = scalar(tf, 0.5);
    return tf.math.mul(half, tf.math.sub(tf.math.sub(tf.math.add(ratio, diff), scalar(tf, 1)), tf.math.log(ratio)));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link Normal}: {@code loc} and {@code scale} are required. */
  public static final class Builder extends LocationScaleBuilder<Normal, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("loc", Constraint.REAL, "scale", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Normal", PARAMETERS, Normal::new);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
