package org.edward4j.models;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.OneHot;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The von Mises distribution on the circle {@code [-pi, pi]}, with circular mean {@code loc} and
 * concentration {@code concentration} (TensorFlow Probability's {@code VonMises}).
 *
 * <p>{@code log p(x) = kappa cos(x - loc) - log(2 pi I0(kappa))} on {@code [-pi, pi]}, {@code -inf}
 * outside, with {@code I0} the modified Bessel function (computed as {@code log I0e(kappa) + kappa}
 * so large concentrations do not overflow). Draws use Best and Fisher's (1979) rejection sampler
 * with {@value #ROUNDS} candidates per draw evaluated at once (no while loop, so graph copies work),
 * and the first accepted one is taken; every candidate is accepted with probability above 0.65, so
 * all fail with probability below {@code 0.35^24 = 1e-11}, in which case the first is used. Draws
 * are wrapped into {@code [-pi, pi)}. <b>Not reparameterized</b> (TensorFlow Probability's implicit
 * gradient is not implemented): draws carry no gradient to the parameters. Mean and mode {@code
 * loc}; the variance is the circular variance {@code 1 - I1(kappa) / I0(kappa)}, as TensorFlow
 * Probability's; closed-form entropy and {@code KL(VonMises || VonMises)}. No closed-form cdf.
 *
 * <pre>{@code
 * VonMises angle = VonMises.of(scope, 0.5, 4.0);
 * Operand<TFloat32> spread = angle.variance(); // 1 - I1(4) / I0(4)
 * }</pre>
 */
public final class VonMises extends AbstractRandomVariable<TFloat32> {

  private VonMises(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A von Mises variable over graph tensors; parameters broadcast against each other.
   *
   * @param scope where to build it, named {@code VonMises} made unique there
   * @param loc the circular mean, in radians
   * @param concentration the concentration {@code kappa}, positive
   * @return the variable, with one draw as its value
   */
  public static VonMises of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> concentration) {
    return builder(scope).loc(loc).concentration(concentration).build();
  }

  /**
   * A scalar von Mises variable.
   *
   * @param scope where to build it
   * @param loc the circular mean
   * @param concentration the concentration kappa
   * @return the variable
   */
  public static VonMises of(VariableScope scope, double loc, double concentration) {
    return builder(scope).loc(loc).concentration(concentration).build();
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
   * The parameter {@code loc}: the circular mean, in radians.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The parameter {@code concentration}: the concentration {@code kappa}, positive.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> concentration() {
    return param("concentration");
  }

  /** Rejection candidates drawn per sample. */
  static final int ROUNDS = 24;

  /** Always false: the rejection sampler is not differentiated (draws are wrapped in {@code StopGradient}). */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  /**
   * Best and Fisher (1979): {@code z = cos(pi u1)}, {@code f = (1 + r z) / (r + z)}, {@code c =
   * kappa (r - f)}; accept when {@code c (2 - c) > u2} or {@code log(c / u2) + 1 >= c}; the angle
   * is {@code sign(u3 - 1/2) acos(f)}.
   */
  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TInt32> shape = tf.concat(List.of(tf.constant(new int[] {ROUNDS}), drawShape(tf, sampleShape)), tf.constant(0));
    Operand<TFloat32> u1 = StandardDraws.uniform(tf, shape, nextSeedTensor(tf));
    Operand<TFloat32> u2 = DistributionMath.openUniform(tf, shape, nextSeedTensor(tf));
    Operand<TFloat32> u3 = StandardDraws.uniform(tf, shape, nextSeedTensor(tf));
    Operand<TFloat32> kappa = broadcastToBatchEvent(tf, concentration());
    Operand<TFloat32> r = envelope(tf, kappa);
    Operand<TFloat32> z = tf.math.cos(tf.math.mul(u1, scalar(tf, Math.PI)));
    Operand<TFloat32> f = tf.math.div(tf.math.add(scalar(tf, 1), tf.math.mul(r, z)), tf.math.add(r, z));
    Operand<TFloat32> c = tf.math.mul(kappa, tf.math.sub(r, f));
    Operand<TBool> quick = tf.math.greater(tf.math.mul(c, tf.math.sub(scalar(tf, 2), c)), u2);
    Operand<TFloat32> safeC = tf.math.maximum(c, scalar(tf, DistributionMath.TINY));
    Operand<TBool> slow = tf.math.greaterEqual(
        tf.math.sub(tf.math.add(tf.math.log(tf.math.div(safeC, u2)), scalar(tf, 1)), c), scalar(tf, 0));
    Operand<TBool> accept = tf.math.logicalOr(quick, slow);
    Operand<TFloat32> clippedF = tf.math.minimum(tf.math.maximum(f, scalar(tf, -1)), scalar(tf, 1));
    Operand<TFloat32> theta = tf.math.mul(tf.math.sign(tf.math.sub(u3, scalar(tf, 0.5))), tf.math.acos(clippedF));
    Operand<TInt32> first = tf.math.argMax(tf.dtypes.cast(accept, TFloat32.class), tf.constant(0), TInt32.class);
    Operand<TFloat32> pick = tf.oneHot(first, tf.constant(ROUNDS), scalar(tf, 1), scalar(tf, 0), OneHot.axis(0L));
    Operand<TFloat32> angle = tf.math.add(tf.reduceSum(tf.math.mul(pick, theta), tf.constant(0)), loc());
    Operand<TFloat32> twoPi = scalar(tf, 2 * Math.PI);
    Operand<TFloat32> turns = tf.math.floor(tf.math.div(tf.math.add(angle, scalar(tf, Math.PI)), twoPi));
    return tf.stopGradient(tf.math.sub(angle, tf.math.mul(turns, twoPi)));
  }

  /**
   * Best and Fisher's {@code r = (1 + rho^2) / (2 rho)}, {@code rho = (tau - sqrt(2 tau)) / (2
   * kappa)}, {@code tau = 1 + sqrt(1 + 4 kappa^2)}; below {@code kappa = 1e-2} its series {@code 1 /
   * kappa + kappa}, which float32 cancellation would otherwise spoil.
   */
  private static Operand<TFloat32> envelope(Ops tf, Operand<TFloat32> kappa) {
    Operand<TFloat32> tau = tf.math.add(scalar(tf, 1), tf.math.sqrt(tf.math.add(scalar(tf, 1),
        tf.math.mul(scalar(tf, 4), tf.math.square(kappa)))));
    Operand<TFloat32> rho = tf.math.div(tf.math.sub(tau, tf.math.sqrt(tf.math.mul(scalar(tf, 2), tau))),
        tf.math.mul(scalar(tf, 2), kappa));
    Operand<TFloat32> exact = tf.math.div(tf.math.add(scalar(tf, 1), tf.math.square(rho)), tf.math.mul(scalar(tf, 2), rho));
    Operand<TFloat32> series = tf.math.add(tf.math.reciprocal(kappa), kappa);
    return DistributionMath.where(tf, tf.math.less(kappa, scalar(tf, 1e-2)), series, exact);
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.logicalAnd(tf.math.greaterEqual(x, scalar(tf, -Math.PI)),
        tf.math.lessEqual(x, scalar(tf, Math.PI)));
    Operand<TFloat32> kappa = concentration();
    Operand<TFloat32> cosTerm = tf.math.mul(kappa, tf.math.sub(tf.math.cos(tf.math.sub(x, loc())), scalar(tf, 1)));
    Operand<TFloat32> norm = tf.math.add(tf.math.log(tf.math.besselI0e(kappa)), scalar(tf, Math.log(2 * Math.PI)));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.sub(cosTerm, norm));
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  /** The circular mean {@code loc}. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** The circular variance {@code 1 - I1(kappa) / I0(kappa)}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.sub(scalar(tf, 1), besselRatio(tf, concentration())));
  }

  /** {@code log(2 pi I0(kappa)) - kappa I1(kappa) / I0(kappa)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> kappa = concentration();
    Operand<TFloat32> logNorm = tf.math.add(tf.math.add(tf.math.log(tf.math.besselI0e(kappa)), kappa),
        scalar(tf, Math.log(2 * Math.PI)));
    return broadcastToBatchEvent(tf, tf.math.sub(logNorm, tf.math.mul(kappa, besselRatio(tf, kappa))));
  }

  /**
   * {@code KL(VM(m1, k1) || VM(m2, k2)) = A(k1) (k1 - k2 cos(m1 - m2)) + log I0(k2) - log I0(k1)},
   * {@code A = I1 / I0}: {@code E[cos(x - m1)] = A(k1)} under the first.
   */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    if (!(other instanceof VonMises q)) {
      return Optional.empty();
    }
    Operand<TFloat32> k1 = concentration();
    Operand<TFloat32> k2 = q.concentration();
    Operand<TFloat32> cos = tf.math.cos(tf.math.sub(loc(), q.loc()));
    Operand<TFloat32> t1 = tf.math.mul(besselRatio(tf, k1), tf.math.sub(k1, tf.math.mul(k2, cos)));
    Operand<TFloat32> logI0k2 = tf.math.add(tf.math.log(tf.math.besselI0e(k2)), k2);
    Operand<TFloat32> logI0k1 = tf.math.add(tf.math.log(tf.math.besselI0e(k1)), k1);
    return Optional.of(tf.math.add(t1, tf.math.sub(logI0k2, logI0k1)));
  }

  /** {@code I1(kappa) / I0(kappa) = I1e(kappa) / I0e(kappa)}. */
  private static Operand<TFloat32> besselRatio(Ops tf, Operand<TFloat32> kappa) {
    return tf.math.div(tf.math.besselI1e(kappa), tf.math.besselI0e(kappa));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link VonMises}: {@code loc}, {@code concentration} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, VonMises, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("loc", Constraint.REAL, "concentration", Constraint.POSITIVE);

    private Builder(VariableScope scope) {
      super(scope, "VonMises", TFloat32.class);
    }

    /**
     * {@code loc} as a float32 tensor: the circular mean, in radians.
     *
     * @param loc a float32 tensor of this context's graph, of known rank, finite (values
     *     checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder loc(Operand<TFloat32> loc) {
      return parameter("loc", loc);
    }

    /**
     * {@code loc} as a number: the circular mean.
     *
     * @param loc finite
     * @return this builder
     * @throws IllegalArgumentException if it is not finite
     */
    public Builder loc(double loc) {
      return parameter("loc", loc);
    }

    /**
     * {@code concentration} as a float32 tensor: the concentration {@code kappa}, positive.
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
     * {@code concentration} as a number: the concentration kappa.
     *
     * @param concentration positive and finite
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder concentration(double concentration) {
      return parameter("concentration", concentration);
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected VonMises create(Parts<TFloat32> parts) {
      return new VonMises(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
