package org.edward4j.inferences.montecarlo;

import java.util.List;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * One Metropolis-Hastings transition built in the graph (N. Metropolis et al., J. Chem. Phys. 21,
 * 1953; W. K. Hastings, Biometrika 57, 1970): accept the proposal {@code z'} with probability
 * {@code min(1, ratio)}, {@code log ratio = log p(x, z') - log p(x, z) - log g(z' | z) + log g(z |
 * z')}, as Edward's {@code MetropolisHastings.build_update}.
 *
 * <p>The proposal must have the support of the prior: a proposed value where the log joint is
 * {@code -inf} or NaN is rejected.
 *
 * <pre>{@code
 * Proposal walk = RandomWalkProposal.normal(ctx, tf, current, 0.1);
 * KernelStep next = MetropolisHastingsKernel.step(ctx, tf, logJoint, current, walk);
 * }</pre>
 */
public final class MetropolisHastingsKernel {

  private MetropolisHastingsKernel() {}

  /**
   * Builds one transition from {@code current} to the proposal or back to {@code current}.
   *
   * @param ctx the context whose graph holds the state; its random step keys the accept test
   * @param tf where to build the ops
   * @param logJoint the log joint density of the latent values, evaluated at both points
   * @param current the current latent values: float32 tensors of fully known shapes
   * @param proposal the proposed values, of the same shapes, and the proposal's log densities
   * @return the next state, the accept flag and the log acceptance ratio
   * @throws IllegalArgumentException for an empty or mismatched state, or a log joint that is not
   *     a scalar
   */
  public static KernelStep step(
      ModelContext ctx, Ops tf, LogJoint logJoint, List<Operand<TFloat32>> current, Proposal proposal) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(logJoint, "logJoint");
    Objects.requireNonNull(proposal, "proposal");
    ChainState.check(ctx, "current", current);
    ChainState.checkMatches("proposal.proposed", proposal.proposed(), current);
    Operand<TFloat32> logOld = LogJointGradient.evaluate(logJoint, current);
    Operand<TFloat32> logNew = LogJointGradient.evaluate(logJoint, proposal.proposed());
    Operand<TFloat32> logRatio = tf.math.add(
        tf.math.sub(logNew, logOld), tf.math.sub(proposal.logBackward(), proposal.logForward()));
    Operand<TBool> accepted = MetropolisCorrection.accept(ctx, tf, logRatio);
    return new KernelStep(
        MetropolisCorrection.select(tf, accepted, proposal.proposed(), current), accepted, logRatio, List.of());
  }
}
