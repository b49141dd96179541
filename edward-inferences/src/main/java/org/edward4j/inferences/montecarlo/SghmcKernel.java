package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Stochastic gradient Hamiltonian Monte Carlo, one transition built in the graph (T. Chen, E. B.
 * Fox and C. Guestrin, Stochastic gradient Hamiltonian Monte Carlo, ICML 2014, equation 15): with
 * learning rate {@code eta} and friction {@code alpha},
 *
 * <pre>
 * z' = z + v
 * v' = (1 - alpha) v + eta grad log p(x, z') + N(0, 2 alpha eta I)
 * </pre>
 *
 * <p>and no accept test; the velocity {@code v} lives in a variable per latent value (zeros at
 * first) that the returned step's {@code updates} assign.
 *
 * <p>Parameters follow Edward's {@code SGHMC}: {@code eta = 0.01 stepSize} (Edward's code scales
 * its "constant scale factor of learning rate" by 0.01, kept so its scripts port unchanged), and
 * {@code alpha = friction / 2} with noise variance {@code friction * eta} (the paper's {@code 2
 * (alpha - beta_hat) eta} with {@code beta_hat = 0}). Edward's code takes the gradient at the old
 * position {@code z}; this kernel follows the paper, which Edward's documentation cites, and takes
 * it at the new position {@code z'}. Without a correction the draws are biased by the
 * discretization; the bias shrinks with {@code eta}.
 *
 * <pre>{@code
 * SghmcKernel sghmc = SghmcKernel.builder().stepSize(0.025).friction(0.1).build();
 * KernelStep next = sghmc.step(ctx.scope("sghmc"), logJoint, current);
 * }</pre>
 */
public final class SghmcKernel {

  /** Edward's factor between {@code step_size} and the learning rate. */
  public static final double LEARNING_RATE_PER_STEP_SIZE = 0.01;

  private final double stepSize;
  private final double friction;

  private SghmcKernel(Builder b) {
    this.stepSize = b.stepSize;
    this.friction = b.friction;
  }

  /**
   * A builder with Edward's defaults, step size 0.25 and friction 0.1.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The learning rate {@code eta = 0.01 stepSize}.
   *
   * @return positive
   */
  public double learningRate() {
    return LEARNING_RATE_PER_STEP_SIZE * stepSize;
  }

  /**
   * The friction (Edward's {@code friction}); the velocity decays by {@code 1 - friction / 2}.
   *
   * @return in {@code (0, 2]}
   */
  public double friction() {
    return friction;
  }

  /**
   * Builds one transition from {@code current}, creating one velocity variable per latent value in
   * {@code scope} ({@code velocity}, {@code velocity_1}, ...; zeros, not trainable).
   *
   * @param scope where to create the velocities and build the ops; its context's random step keys
   *     the noise
   * @param logJoint the log joint density of the latent values (scaled for minibatches)
   * @param current the current latent values: float32 tensors of fully known shapes
   * @return the next state, {@code accepted} always true, and the velocities' assignments in
   *     {@code updates}
   * @throws IllegalArgumentException for a bad state, velocities that exist already in {@code
   *     scope}, or a log joint that is not a scalar
   */
  public KernelStep step(VariableScope scope, LogJoint logJoint, List<Operand<TFloat32>> current) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(logJoint, "logJoint");
    ModelContext ctx = scope.context();
    ChainState.check(ctx, "current", current);
    Ops tf = scope.tf();
    Operand<TFloat32> eta = tf.constant((float) learningRate());
    Operand<TFloat32> decay = tf.constant((float) (1 - 0.5 * friction));
    Operand<TFloat32> sd = tf.constant((float) Math.sqrt(learningRate() * friction));
    List<Variable<TFloat32>> velocities = new ArrayList<>();
    List<Operand<TFloat32>> next = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      Operand<TFloat32> z = current.get(i);
      Variable<TFloat32> v = scope.getVariable(VariableSpec.of(i == 0 ? "velocity" : "velocity_" + i, z.shape(), TFloat32.class)
          .withInitializer(Initializers.zeros()).withTrainable(false));
      velocities.add(v);
      next.add(tf.math.add(z, v.value()));
    }
    LogJointGradient at = LogJointGradient.at(tf, logJoint, next);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      Variable<TFloat32> v = velocities.get(i);
      Operand<TFloat32> e = tf.random.statelessRandomNormal(tf.constant(v.shape().asArray()), ctx.statelessSeed(tf, ctx.nextOpSeed()));
      Operand<TFloat32> vNext = tf.math.add(
          tf.math.add(tf.math.mul(decay, v.value()), tf.math.mul(eta, at.gradient().get(i))), tf.math.mul(sd, e));
      updates.add(v.assign(tf, vNext));
    }
    return new KernelStep(next, tf.constant(true), tf.constant(0f), updates);
  }

  @Override
  public String toString() {
    return "SghmcKernel(stepSize=" + stepSize + ", friction=" + friction + ")";
  }

  /** Builds an {@link SghmcKernel}. */
  public static final class Builder {

    private double stepSize = 0.25;
    private double friction = 0.1;

    private Builder() {}

    /**
     * The step size (Edward's {@code step_size}); the learning rate is {@code 0.01 stepSize}.
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
     * The friction (Edward's {@code friction}).
     *
     * @param friction in {@code (0, 2]}, so the velocity's decay {@code 1 - friction / 2} stays in
     *     {@code [0, 1)}; default 0.1
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder friction(double friction) {
      if (!(friction > 0 && friction <= 2)) {
        throw new IllegalArgumentException("`friction` must be in (0, 2], got " + friction);
      }
      this.friction = friction;
      return this;
    }

    /**
     * Builds the kernel.
     *
     * @return the kernel
     */
    public SghmcKernel build() {
      return new SghmcKernel(this);
    }
  }
}
