package org.edward4j.core.optimizers;

import org.edward4j.core.Initializers;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.ResourceApplyMomentum;
import org.tensorflow.types.family.TNumber;

/**
 * Gradient descent with momentum ({@code ResourceApplyMomentum}); Polyak (1964), and Nesterov
 * (1983) when {@code nesterov(true)}, in Sutskever et al. (2013)'s form.
 *
 * <p>{@code a = momentum * a + g}, then {@code theta -= lr * a}, or with Nesterov {@code theta -=
 * lr * (g + momentum * a)}. Slot: {@code <scope>/<variable>/momentum} (zeros).
 *
 * <p>TF1 has no defaults here; the defaults, learning rate 0.01 and momentum 0.9, are what Edward
 * uses for the string {@code "momentum"}.
 *
 * <pre>{@code
 * Momentum opt = Momentum.builder().learningRate(0.01).momentum(0.9).nesterov(true).build();
 * }</pre>
 */
public final class Momentum extends Optimizer {

  private final double momentum;
  private final boolean nesterov;

  private Momentum(Builder b) {
    super(b);
    this.momentum = b.momentum;
    this.nesterov = b.nesterov;
  }

  /**
   * A builder with learning rate 0.01 and momentum 0.9.
   *
   * @return a new builder, without Nesterov's look-ahead
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The accumulator's decay.
   *
   * @return the momentum, non-negative
   */
  public double momentum() {
    return momentum;
  }

  /**
   * Whether the update uses Nesterov's look-ahead.
   *
   * @return {@code true} for {@code theta -= lr * (g + momentum * a)}, {@code false} for {@code
   *     theta -= lr * a}
   */
  public boolean nesterov() {
    return nesterov;
  }

  @Override
  Updater newUpdater(Slots slots) {
    return new Updater() {
      @Override
      public <T extends TNumber> Op apply(Ops tf, Variable<T> var, Operand<T> grad, Operand<T> lr) {
        Variable<T> accum = slots.slot(var, "momentum", Initializers.zeros());
        return tf.train.resourceApplyMomentum(
            var.handle(), accum.handle(), lr, grad, tf.constant(var.dtype(), momentum),
            ResourceApplyMomentum.useNesterov(nesterov));
      }
    };
  }

  @Override
  String hyperparameters() {
    return "momentum=" + momentum + (nesterov ? ", nesterov" : "");
  }

  /** Settings for {@link Momentum}. */
  public static final class Builder extends OptimizerBuilder<Builder, Momentum> {
    private double momentum = 0.9;
    private boolean nesterov;

    private Builder() {
      super(0.01, "Momentum");
    }

    /**
     * The accumulator's decay (default 0.9).
     *
     * @param momentum non-negative and finite
     * @return this builder
     */
    public Builder momentum(double momentum) {
      this.momentum = checkNonNegative(momentum, "momentum");
      return this;
    }

    /**
     * Whether to use Nesterov momentum (default false).
     *
     * @param nesterov the flag
     * @return this builder
     */
    public Builder nesterov(boolean nesterov) {
      this.nesterov = nesterov;
      return this;
    }

    @Override
    public Momentum build() {
      return new Momentum(this);
    }
  }
}
