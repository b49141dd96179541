package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The Gaussian random-walk proposal {@code z' = z + scale * e}, {@code e ~ N(0, I)}: symmetric, so
 * its densities cancel in the acceptance ratio.
 *
 * <pre>{@code
 * Proposal walk = RandomWalkProposal.normal(ctx, tf, current, 0.1);
 * }</pre>
 */
public final class RandomWalkProposal {

  private RandomWalkProposal() {}

  /**
   * Proposes a Gaussian step from each latent value.
   *
   * @param ctx the context whose graph holds the state; its random step keys the draws
   * @param tf where to build the ops
   * @param current the current latent values: float32 tensors of fully known shapes
   * @param scale the step's standard deviation, positive and finite
   * @return a symmetric proposal
   * @throws IllegalArgumentException for a bad state or scale
   */
  public static Proposal normal(ModelContext ctx, Ops tf, List<Operand<TFloat32>> current, double scale) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(tf, "tf");
    ChainState.check(ctx, "current", current);
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("`scale` must be positive and finite, got " + scale);
    }
    Operand<TFloat32> s = tf.constant((float) scale);
    List<Operand<TFloat32>> proposed = new ArrayList<>();
    for (Operand<TFloat32> z : current) {
      Operand<TFloat32> e = tf.random.statelessRandomNormal(tf.constant(z.shape().asArray()), ctx.statelessSeed(tf, ctx.nextOpSeed()));
      proposed.add(tf.math.add(z, tf.math.mul(s, e)));
    }
    return Proposal.symmetric(tf, proposed);
  }
}
