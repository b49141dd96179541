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
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The Gumbel (type I extreme value) distribution with location {@code loc} and scale {@code scale}.
 *
 * <p>{@code log p(x) = -z - exp(-z) - log(scale)} with {@code z = (x - loc) / scale}; {@code cdf =
 * exp(-exp(-z))}. Samples are reparameterized by the inverse CDF, {@code loc - scale log(-log u)}.
 * Mean {@code loc + scale gamma} (Euler's constant), variance {@code pi^2 scale^2 / 6}, mode {@code
 * loc}, entropy {@code log(scale) + gamma + 1}. Closed-form {@code KL(Gumbel || Gumbel)}
 * (TensorFlow Probability's).
 *
 * <pre>{@code
 * Gumbel g = Gumbel.of(scope, 0.0, 1.0);
 * Operand<TFloat32> mode = g.mode(); // 0
 * }</pre>
 */
public final class Gumbel extends AbstractRandomVariable<TFloat32> {

  private Gumbel(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A Gumbel variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code Gumbel} made unique there
   * @param loc the location (the mode)
   * @param scale the scale, positive
   * @return the variable, with one draw as its value
   */
  public static Gumbel of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> scale) {
    return builder(scope).loc(loc).scale(scale).build();
  }

  /**
   * A scalar Gumbel variable.
   *
   * @param scope where to build it
   * @param loc the location
   * @param scale the scale
   * @return the variable
   */
  public static Gumbel of(VariableScope scope, double loc, double scale) {
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
   * The parameter {@code loc}: the location (the mode).
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The parameter {@code scale}: the scale, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> scale() {
    return param("scale");
  }

  /** Euler-Mascheroni constant. */
  static final double EULER_GAMMA = 0.5772156649015329;

  /** Always true: draws are {@code loc - scale log(-log u)}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> g = standardDraws(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return tf.math.add(tf.math.mul(g, scale()), loc());
  }

  /** Standard Gumbel draws {@code -log(-log u)}, {@code u} on the open interval. */
  static Operand<TFloat32> standardDraws(Ops tf, Operand<TInt32> shape, Operand<TInt64> seed) {
    Operand<TFloat32> u = DistributionMath.openUniform(tf, shape, seed);
    return tf.math.neg(tf.math.log(tf.math.neg(tf.math.log(u))));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scale());
    return tf.math.sub(tf.math.neg(tf.math.add(z, tf.math.exp(tf.math.neg(z)))), tf.math.log(scale()));
  }

  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> z = tf.math.div(tf.math.sub(x, loc()), scale());
    return tf.math.exp(tf.math.neg(tf.math.exp(tf.math.neg(z))));
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.add(loc(), tf.math.mul(scale(), scalar(tf, EULER_GAMMA))));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(scale(), scalar(tf, Math.PI / Math.sqrt(6))));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(tf.math.square(scale()), scalar(tf, Math.PI * Math.PI / 6)));
  }

  /** {@code log(scale) + gamma + 1}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.add(tf.math.log(scale()), scalar(tf, EULER_GAMMA + 1)));
  }

  /**
   * {@code KL(G(l1, s1) || G(l2, s2)) = log(s2 / s1) + gamma (s1 / s2 - 1) + exp((l2 - l1) / s2 +
   * lgamma(s1 / s2 + 1)) - 1 + (l1 - l2) / s2}.
   */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof Gumbel q)) {
      return Optional.empty();
    }
    Operand<TFloat32> r = tf.math.div(scale(), q.scale());
    Operand<TFloat32> shift = tf.math.div(tf.math.sub(loc(), q.loc()), q.scale());
    Operand<TFloat32> t1 = tf.math.neg(tf.math.log(r));
    Operand<TFloat32> t2 = tf.math.mul(scalar(tf, EULER_GAMMA), tf.math.sub(r, scalar(tf, 1)));
    Operand<TFloat32> t3 = tf.math.exp(tf.math.sub(tf.math.lgamma(tf.math.add(r, scalar(tf, 1))), shift));
    return Optional.of(tf.math.add(tf.math.add(t1, t2), tf.math.add(tf.math.sub(t3, scalar(tf, 1)), shift)));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link Gumbel}: {@code loc}, {@code scale} are required. */
  public static final class Builder extends LocationScaleBuilder<Gumbel, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("loc", Constraint.REAL, "scale", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "Gumbel", PARAMETERS, Gumbel::new);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
