package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Stochastic gradient Langevin dynamics, one transition built in the graph (M. Welling and Y. W.
 * Teh, Bayesian learning via stochastic gradient Langevin dynamics, ICML 2011): {@code z' = z +
 * (eps_t / 2) grad log p(x, z) + N(0, eps_t I)}, with no accept test.
 *
 * <p>Step sizes follow Edward's {@code SGLD}: {@code eps_t = stepSize / (t + 1)^0.55} at sample
 * index {@code t = 0, 1, ...}, the paper's schedule {@code a (b + t)^-gamma} with {@code a =
 * stepSize}, {@code b = 1}, {@code gamma = 0.55}. Decreasing steps make the discretization error
 * vanish only in the limit: for a finite run the draws are biased (wider than the posterior while
 * the step is large), and they mix more slowly as the step shrinks. With minibatches, the log joint
 * scales the likelihood by {@code N / M} (Edward's {@code scale}).
 *
 * <pre>{@code
 * SgldKernel sgld = SgldKernel.builder().stepSize(0.1).build();
 * KernelStep next = sgld.step(ctx, tf, logJoint, current, store.t());
 * }</pre>
 */
public final class SgldKernel {

  /** Welling and Teh's decay exponent as Edward sets it. */
  public static final double DECAY = 0.55;

  private final double stepSize;

  private SgldKernel(double stepSize) {
    this.stepSize = stepSize;
  }

  /**
   * A builder with Edward's default step size 0.25.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The step-size scale {@code a}.
   *
   * @return positive
   */
  public double stepSize() {
    return stepSize;
  }

  /**
   * The step {@code eps_t} at sample index {@code t}, as the graph computes it.
   *
   * @param t the number of samples drawn before, non-negative
   * @return {@code stepSize / (t + 1)^0.55}
   * @throws IllegalArgumentException if {@code t} is negative
   */
  public double learningRate(long t) {
    if (t < 0) {
      throw new IllegalArgumentException("`t` must be non-negative, got " + t);
    }
    return stepSize / Math.pow(t + 1.0, DECAY);
  }

  /**
   * Builds one transition from {@code current}.
   *
   * @param ctx the context whose graph holds the state; its random step keys the noise
   * @param tf where to build the ops
   * @param logJoint the log joint density of the latent values (scaled for minibatches)
   * @param current the current latent values: float32 tensors of fully known shapes
   * @param t the sample index, an int64 scalar (e.g. {@code SampleStore.t()})
   * @return the next state; {@code accepted} is always true
   * @throws IllegalArgumentException for a bad state, a {@code t} that is not a scalar, or a log
   *     joint that is not a scalar
   */
  public KernelStep step(
      ModelContext ctx, Ops tf, LogJoint logJoint, List<Operand<TFloat32>> current, Operand<TInt64> t) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(logJoint, "logJoint");
    Objects.requireNonNull(t, "t");
    ChainState.check(ctx, "current", current);
    if (t.shape().numDimensions() != 0) {
      throw new IllegalArgumentException("`t` must be a scalar, got shape " + t.shape());
    }
    Operand<TFloat32> tPlusOne = tf.math.add(tf.dtypes.cast(t, TFloat32.class), tf.constant(1f));
    Operand<TFloat32> lr = tf.math.div(tf.constant((float) stepSize), tf.math.pow(tPlusOne, tf.constant((float) DECAY)));
    Operand<TFloat32> halfLr = tf.math.mul(tf.constant(0.5f), lr);
    Operand<TFloat32> sd = tf.math.sqrt(lr);
    LogJointGradient at = LogJointGradient.at(tf, logJoint, current);
    List<Operand<TFloat32>> next = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      Operand<TFloat32> z = current.get(i);
      Operand<TFloat32> e = tf.random.statelessRandomNormal(tf.constant(z.shape().asArray()), ctx.statelessSeed(tf, ctx.nextOpSeed()));
      next.add(tf.math.add(tf.math.add(z, tf.math.mul(halfLr, at.gradient().get(i))), tf.math.mul(sd, e)));
    }
    return new KernelStep(next, tf.constant(true), tf.constant(0f), List.of());
  }

  @Override
  public String toString() {
    return "SgldKernel(stepSize=" + stepSize + ")";
  }

  /** Builds an {@link SgldKernel}. */
  public static final class Builder {

    private double stepSize = 0.25;

    private Builder() {}

    /**
     * The step-size scale {@code a} (Edward's {@code step_size}).
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
     * Builds the kernel.
     *
     * @return the kernel
     */
    public SgldKernel build() {
      return new SgldKernel(stepSize);
    }
  }
}
