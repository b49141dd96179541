package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The Metropolis accept-reject step shared by HMC, Metropolis-Hastings and replica exchange:
 * accept when {@code log u < log ratio} with {@code u ~ U[0, 1)}, so with probability {@code
 * min(1, ratio)}; a NaN ratio (a proposal outside the support, or a diverging trajectory) is
 * rejected.
 *
 * <pre>{@code
 * Operand<TBool> accepted = MetropolisCorrection.accept(ctx, tf, logRatio);
 * List<Operand<TFloat32>> next = MetropolisCorrection.select(tf, accepted, proposed, current);
 * }</pre>
 */
public final class MetropolisCorrection {

  private MetropolisCorrection() {}

  /**
   * Draws the accept decision.
   *
   * @param ctx the context, whose random step keys the uniform draw
   * @param tf where to build the ops
   * @param logRatio the log acceptance ratio, a float32 scalar
   * @return a boolean scalar, true with probability {@code min(1, exp(logRatio))}
   * @throws IllegalArgumentException if {@code logRatio} is not a scalar
   */
  public static Operand<TBool> accept(ModelContext ctx, Ops tf, Operand<TFloat32> logRatio) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(logRatio, "logRatio");
    if (logRatio.shape().numDimensions() != 0) {
      throw new IllegalArgumentException("`logRatio` must be a scalar, got shape " + logRatio.shape());
    }
    Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.constant(new int[0]), ctx.statelessSeed(tf, ctx.nextOpSeed()));
    return tf.math.less(tf.math.log(u), logRatio);
  }

  /**
   * The proposed values where accepted, the current ones elsewhere.
   *
   * @param tf where to build the ops
   * @param accepted a boolean scalar
   * @param proposed the proposed latent values
   * @param current the current latent values, of the same shapes
   * @return one tensor per latent value
   * @throws IllegalArgumentException if the lists do not match in length and shapes
   */
  public static List<Operand<TFloat32>> select(
      Ops tf, Operand<TBool> accepted, List<Operand<TFloat32>> proposed, List<Operand<TFloat32>> current) {
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(current, "current");
    ChainState.checkMatches("proposed", proposed, current);
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      out.add(tf.select(accepted, proposed.get(i), current.get(i)));
    }
    return out;
  }

  /** {@code sum x^2 / 2} over every element of every tensor: the kinetic energy of unit-mass momenta. */
  static Operand<TFloat32> kineticEnergy(Ops tf, List<Operand<TFloat32>> momentum) {
    Operand<TFloat32> total = tf.constant(0f);
    for (Operand<TFloat32> r : momentum) {
      total = tf.math.add(total, sumAll(tf, tf.math.square(r)));
    }
    return tf.math.mul(tf.constant(0.5f), total);
  }

  /** The sum of every element. */
  static Operand<TFloat32> sumAll(Ops tf, Operand<TFloat32> x) {
    return tf.reduceSum(tf.reshape(x, tf.constant(new int[] {-1})), tf.constant(0));
  }
}
