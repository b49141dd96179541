package org.edward4j.core.optimizers;

import org.edward4j.core.Initializers;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * Adagrad: Duchi, Hazan and Singer (2011), "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 12 ({@code ResourceApplyAdagradV2} with epsilon 0, which is TF1's
 * {@code AdagradOptimizer}).
 *
 * <p>{@code a += g^2}, {@code theta -= lr * g / sqrt(a)}. Slot: {@code
 * <scope>/<variable>/accumulator}, starting at {@code initialAccumulatorValue} (TF1's 0.1). TF1 has
 * no default learning rate; 0.01 is Edward's for the string {@code "adagrad"}.
 *
 * <pre>{@code
 * Adagrad opt = Adagrad.builder().learningRate(0.1).initialAccumulatorValue(0.1).build();
 * }</pre>
 */
public final class Adagrad extends Optimizer {

  private final double initialAccumulatorValue;

  private Adagrad(Builder b) {
    super(b);
    this.initialAccumulatorValue = b.initialAccumulatorValue;
  }

  /**
   * A builder with learning rate 0.01 and initial accumulator 0.1.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The accumulator's starting value.
   *
   * @return the value every accumulator slot is initialized to; positive
   */
  public double initialAccumulatorValue() {
    return initialAccumulatorValue;
  }

  @Override
  Updater newUpdater(Slots slots) {
    return new Updater() {
      @Override
      public <T extends TNumber> Op apply(Ops tf, Variable<T> var, Operand<T> grad, Operand<T> lr) {
        Variable<T> accum = slots.slot(var, "accumulator", Initializers.constant(initialAccumulatorValue));
        return tf.train.resourceApplyAdagrad(
            var.handle(), accum.handle(), lr, tf.constant(var.dtype(), 0.0), grad);
      }
    };
  }

  @Override
  String hyperparameters() {
    return "initialAccumulatorValue=" + initialAccumulatorValue;
  }

  /** Settings for {@link Adagrad}. */
  public static final class Builder extends OptimizerBuilder<Builder, Adagrad> {
    private double initialAccumulatorValue = 0.1;

    private Builder() {
      super(0.01, "Adagrad");
    }

    /**
     * The accumulator's starting value (default 0.1).
     *
     * @param value positive and finite: a zero accumulator divides by zero on the first step
     * @return this builder
     */
    public Builder initialAccumulatorValue(double value) {
      if (!(value > 0) || !Double.isFinite(value)) {
        throw new IllegalArgumentException("`initialAccumulatorValue` must be positive and finite, got " + value);
      }
      this.initialAccumulatorValue = value;
      return this;
    }

    @Override
    public Adagrad build() {
      return new Adagrad(this);
    }
  }
}
