package org.edward4j.core.optimizers;

import org.edward4j.core.Initializers;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * Adadelta: Zeiler (2012), "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701
 * ({@code ResourceApplyAdadelta}).
 *
 * <p>{@code a = rho a + (1 - rho) g^2}, {@code u = sqrt(d + epsilon) / sqrt(a + epsilon) * g},
 * {@code d = rho d + (1 - rho) u^2}, {@code theta -= lr * u}. Slots: {@code
 * <scope>/<variable>/accum} and {@code /accum_update} (zeros). Defaults are TF1's: learning rate
 * 0.001, rho 0.95, epsilon 1e-8.
 *
 * <pre>{@code
 * Adadelta opt = Adadelta.builder().learningRate(1.0).rho(0.95).build();
 * }</pre>
 */
public final class Adadelta extends Optimizer {

  private final double rho;
  private final double epsilon;

  private Adadelta(Builder b) {
    super(b);
    this.rho = b.rho;
    this.epsilon = b.epsilon;
  }

  /**
   * A builder with TF1's defaults.
   *
   * @return a new builder: learning rate 0.001, rho 0.95, epsilon 1e-8
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The decay of both running averages.
   *
   * @return rho, in [0, 1)
   */
  public double rho() {
    return rho;
  }

  /**
   * The offset under the square roots.
   *
   * @return epsilon, non-negative
   */
  public double epsilon() {
    return epsilon;
  }

  @Override
  Updater newUpdater(Slots slots) {
    return new Updater() {
      @Override
      public <T extends TNumber> Op apply(Ops tf, Variable<T> var, Operand<T> grad, Operand<T> lr) {
        Variable<T> accum = slots.slot(var, "accum", Initializers.zeros());
        Variable<T> update = slots.slot(var, "accum_update", Initializers.zeros());
        Class<T> t = var.dtype();
        return tf.train.resourceApplyAdadelta(
            var.handle(), accum.handle(), update.handle(), lr, tf.constant(t, rho), tf.constant(t, epsilon), grad);
      }
    };
  }

  @Override
  String hyperparameters() {
    return "rho=" + rho + ", epsilon=" + epsilon;
  }

  /** Settings for {@link Adadelta}. */
  public static final class Builder extends OptimizerBuilder<Builder, Adadelta> {
    private double rho = 0.95;
    private double epsilon = 1e-8;

    private Builder() {
      super(0.001, "Adadelta");
    }

    /**
     * The decay of both running averages (default 0.95).
     *
     * @param rho in [0, 1)
     * @return this builder
     */
    public Builder rho(double rho) {
      this.rho = checkUnit(rho, "rho");
      return this;
    }

    /**
     * The offset under the square roots (default 1e-8).
     *
     * @param epsilon non-negative and finite
     * @return this builder
     */
    public Builder epsilon(double epsilon) {
      this.epsilon = checkNonNegative(epsilon, "epsilon");
      return this;
    }

    @Override
    public Adadelta build() {
      return new Adadelta(this);
    }
  }
}
