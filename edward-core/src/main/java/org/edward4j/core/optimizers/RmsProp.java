package org.edward4j.core.optimizers;

import org.edward4j.core.Initializers;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * RMSProp: Tieleman and Hinton (2012), Coursera "Neural Networks for Machine Learning" lecture
 * 6.5, in TensorFlow's form ({@code ResourceApplyRMSProp}, or {@code ResourceApplyCenteredRMSProp}
 * when centered; Graves (2013) for the centered variant).
 *
 * <p>{@code ms = decay * ms + (1 - decay) g^2}, {@code mom = momentum * mom + lr * g / sqrt(ms +
 * epsilon)}, {@code theta -= mom}; centered, {@code mg = decay * mg + (1 - decay) g} and the
 * denominator is {@code sqrt(ms - mg^2 + epsilon)}.
 *
 * <p>Slots: {@code <scope>/<variable>/rms} (ones, as in TF1), {@code /momentum} (zeros) and, when
 * centered, {@code /mg} (zeros). Defaults are TF1's decay 0.9, momentum 0, epsilon 1e-10; TF1 has
 * no default learning rate, 0.001 (Keras's) is used.
 *
 * <pre>{@code
 * RmsProp opt = RmsProp.builder().learningRate(1e-3).decay(0.9).centered(true).build();
 * }</pre>
 */
public final class RmsProp extends Optimizer {

  private final double decay;
  private final double momentum;
  private final double epsilon;
  private final boolean centered;

  private RmsProp(Builder b) {
    super(b);
    this.decay = b.decay;
    this.momentum = b.momentum;
    this.epsilon = b.epsilon;
    this.centered = b.centered;
  }

  /**
   * A builder with TF1's defaults and learning rate 0.001.
   *
   * @return a new builder: decay 0.9, momentum 0, epsilon 1e-10, not centered
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The decay of the mean square.
   *
   * @return the decay, in [0, 1)
   */
  public double decay() {
    return decay;
  }

  /**
   * The momentum.
   *
   * @return the momentum, non-negative; 0 for none
   */
  public double momentum() {
    return momentum;
  }

  /**
   * The offset under the square root.
   *
   * @return epsilon, non-negative
   */
  public double epsilon() {
    return epsilon;
  }

  /**
   * Whether the mean square is centered by the mean gradient.
   *
   * @return {@code true} for centered RMSProp (an extra {@code mg} slot), {@code false} otherwise
   */
  public boolean centered() {
    return centered;
  }

  @Override
  Updater newUpdater(Slots slots) {
    return new Updater() {
      @Override
      public <T extends TNumber> Op apply(Ops tf, Variable<T> var, Operand<T> grad, Operand<T> lr) {
        Variable<T> rms = slots.slot(var, "rms", Initializers.ones());
        Variable<T> mom = slots.slot(var, "momentum", Initializers.zeros());
        Class<T> t = var.dtype();
        if (centered) {
          Variable<T> mg = slots.slot(var, "mg", Initializers.zeros());
          return tf.train.resourceApplyCenteredRmsProp(
              var.handle(), mg.handle(), rms.handle(), mom.handle(), lr, tf.constant(t, decay),
              tf.constant(t, momentum), tf.constant(t, epsilon), grad);
        }
        return tf.train.resourceApplyRmsProp(
            var.handle(), rms.handle(), mom.handle(), lr, tf.constant(t, decay), tf.constant(t, momentum),
            tf.constant(t, epsilon), grad);
      }
    };
  }

  @Override
  String hyperparameters() {
    return "decay=" + decay + ", momentum=" + momentum + ", epsilon=" + epsilon + (centered ? ", centered" : "");
  }

  /** Settings for {@link RmsProp}. */
  public static final class Builder extends OptimizerBuilder<Builder, RmsProp> {
    private double decay = 0.9;
    private double momentum = 0.0;
    private double epsilon = 1e-10;
    private boolean centered;

    private Builder() {
      super(0.001, "RMSProp");
    }

    /**
     * The decay of the mean square (default 0.9).
     *
     * @param decay in [0, 1)
     * @return this builder
     */
    public Builder decay(double decay) {
      this.decay = checkUnit(decay, "decay");
      return this;
    }

    /**
     * The momentum (default 0).
     *
     * @param momentum non-negative and finite
     * @return this builder
     */
    public Builder momentum(double momentum) {
      this.momentum = checkNonNegative(momentum, "momentum");
      return this;
    }

    /**
     * The offset under the square root (default 1e-10).
     *
     * @param epsilon non-negative and finite
     * @return this builder
     */
    public Builder epsilon(double epsilon) {
      this.epsilon = checkNonNegative(epsilon, "epsilon");
      return this;
    }

    /**
     * Whether to center the mean square by the mean gradient (default false).
     *
     * @param centered the flag
     * @return this builder
     */
    public Builder centered(boolean centered) {
      this.centered = centered;
      return this;
    }

    @Override
    public RmsProp build() {
      return new RmsProp(this);
    }
  }
}
