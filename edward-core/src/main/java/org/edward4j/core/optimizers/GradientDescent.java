package org.edward4j.core.optimizers;

import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * Plain gradient descent ({@code ResourceApplyGradientDescent}): {@code theta -= lr * g}. No slots.
 *
 * <p>TF1 has no default learning rate here; the default, 0.01, is the one Edward uses when the
 * optimizer is named by the string {@code "gradientdescent"}.
 *
 * <pre>{@code
 * GradientDescent sgd = GradientDescent.builder().learningRate(0.1).build();
 * Op train = sgd.minimize(loss, List.of(w, b));
 * }</pre>
 */
public final class GradientDescent extends Optimizer {

  private GradientDescent(Builder b) {
    super(b);
  }

  /**
   * A builder with learning rate 0.01.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Gradient descent with a constant learning rate.
   *
   * @param learningRate non-negative and finite
   * @return the optimizer
   */
  public static GradientDescent create(double learningRate) {
    return builder().learningRate(learningRate).build();
  }

  @Override
  Updater newUpdater(Slots slots) {
    return new Updater() {
      @Override
      public <T extends TNumber> Op apply(Ops tf, Variable<T> var, Operand<T> grad, Operand<T> lr) {
        return tf.train.resourceApplyGradientDescent(var.handle(), lr, grad);
      }
    };
  }

  @Override
  String hyperparameters() {
    return "";
  }

  /** Settings for {@link GradientDescent}. */
  public static final class Builder extends OptimizerBuilder<Builder, GradientDescent> {
    private Builder() {
      super(0.01, "GradientDescent");
    }

    @Override
    public GradientDescent build() {
      return new GradientDescent(this);
    }
  }
}
