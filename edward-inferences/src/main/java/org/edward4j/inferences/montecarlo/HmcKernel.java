package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Hamiltonian Monte Carlo, one transition built in the graph (S. Duane et al., Hybrid Monte Carlo,
 * Physics Letters B 195, 1987; R. M. Neal, MCMC using Hamiltonian dynamics, Handbook of Markov
 * Chain Monte Carlo, 2011): draw a momentum {@code r ~ N(0, I)}, run {@code nSteps} {@link
 * Leapfrog} steps of size {@code stepSize}, and accept the end point with probability {@code
 * min(1, exp(H(z, r) - H(z', r')))}, {@code H(z, r) = -log p(x, z) + |r|^2 / 2}.
 *
 * <p>As Edward's {@code HMC}: unit mass matrix, fixed step size and number of steps (defaults
 * 0.25 and 2), the momentum and the accept test drawn anew at each transition (here from stateless
 * random ops keyed by the context's random step). All latent values move together and share one
 * accept decision. The latent values must have unconstrained support; Edward transforms
 * constrained ones first ({@code auto_transform}), which is the inference's job.
 *
 * <pre>{@code
 * HmcKernel hmc = HmcKernel.builder().stepSize(0.1).nSteps(5).build();
 * KernelStep next = hmc.step(ctx, tf, logJoint, List.of(z));
 * }</pre>
 */
public final class HmcKernel {

  private final double stepSize;
  private final int nSteps;

  private HmcKernel(Builder b) {
    this.stepSize = b.stepSize;
    this.nSteps = b.nSteps;
  }

  /**
   * A builder with Edward's defaults, step size 0.25 and 2 leapfrog steps.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The leapfrog step size.
   *
   * @return {@code eps}, positive
   */
  public double stepSize() {
    return stepSize;
  }

  /**
   * The number of leapfrog steps per transition.
   *
   * @return at least 1
   */
  public int nSteps() {
    return nSteps;
  }

  /**
   * Builds one transition from {@code current}.
   *
   * @param ctx the context whose graph holds the state; its random step keys the draws
   * @param tf where to build the ops
   * @param logJoint the log joint density of the latent values
   * @param current the current latent values: float32 tensors of fully known shapes
   * @return the next state (the leapfrog end point if accepted, else {@code current}), the accept
   *     flag and the log acceptance ratio
   * @throws IllegalArgumentException for an empty state, unknown shapes, another graph, or a log
   *     joint that is not a scalar
   */
  public KernelStep step(ModelContext ctx, Ops tf, LogJoint logJoint, List<Operand<TFloat32>> current) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(logJoint, "logJoint");
    ChainState.check(ctx, "current", current);
    LogJointGradient start = LogJointGradient.at(tf, logJoint, current);
    List<Operand<TFloat32>> momentum = new ArrayList<>();
    for (Operand<TFloat32> z : current) {
      momentum.add(tf.random.statelessRandomNormal(tf.constant(z.shape().asArray()), ctx.statelessSeed(tf, ctx.nextOpSeed())));
    }
    Leapfrog.Trajectory end = Leapfrog.integrate(tf, logJoint, start, current, momentum, stepSize, nSteps);
    Operand<TFloat32> hOld = tf.math.sub(MetropolisCorrection.kineticEnergy(tf, momentum), start.logJoint());
    Operand<TFloat32> hNew = tf.math.sub(MetropolisCorrection.kineticEnergy(tf, end.momentum()), end.logJoint());
    Operand<TFloat32> logRatio = tf.math.sub(hOld, hNew);
    Operand<TBool> accepted = MetropolisCorrection.accept(ctx, tf, logRatio);
    return new KernelStep(MetropolisCorrection.select(tf, accepted, end.state(), current), accepted, logRatio, List.of());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "HmcKernel(stepSize=%s, nSteps=%d)", stepSize, nSteps);
  }

  /** Builds an {@link HmcKernel}. */
  public static final class Builder {

    private double stepSize = 0.25;
    private int nSteps = 2;

    private Builder() {}

    /**
     * The leapfrog step size (Edward's {@code step_size}).
     *
     * @param stepSize positive and finite; default 0.25
     * @return this builder
     * @throws IllegalArgumentException if not positive and finite
     */
    public Builder stepSize(double stepSize) {
      this.stepSize = ChainState.checkStepSize(stepSize);
      return this;
    }

    /**
     * The number of leapfrog steps per transition (Edward's {@code n_steps}).
     *
     * @param nSteps at least 1; default 2
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder nSteps(int nSteps) {
      this.nSteps = Leapfrog.checkSteps(nSteps);
      return this;
    }

    /**
     * Builds the kernel.
     *
     * @return the kernel
     */
    public HmcKernel build() {
      return new HmcKernel(this);
    }
  }
}
