package org.edward4j.core.optimizers;

import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Adam: Kingma and Ba (2015), "Adam: A Method for Stochastic Optimization", ICLR, in TensorFlow's
 * form ({@code ResourceApplyAdam}, the paper's section 2 "epsilon hat" variant).
 *
 * <p>At step {@code t} (from 1): {@code lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, {@code m =
 * beta1 m + (1 - beta1) g}, {@code v = beta2 v + (1 - beta2) g^2}, {@code theta -= lr_t m /
 * (sqrt(v) + epsilon)}.
 *
 * <p>Slots: {@code <scope>/<variable>/m} and {@code /v} (zeros); shared float32 scalars {@code
 * <scope>/beta1_power} and {@code <scope>/beta2_power}, which start at {@code beta1} and {@code
 * beta2} and are multiplied by them after every step. Defaults are TF1's: learning rate 0.001,
 * beta1 0.9, beta2 0.999, epsilon 1e-8. GANs commonly use {@code learningRate(2e-4).beta1(0.5)}.
 *
 * <pre>{@code
 * Adam adam = Adam.builder().learningRate(1e-3).beta1(0.5).build();
 * Op train = adam.minimize(loss, ctx.collections().trainableVariables("Disc"));
 * }</pre>
 */
public final class Adam extends Optimizer {

  private final double beta1;
  private final double beta2;
  private final double epsilon;

  private Adam(Builder b) {
    super(b);
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.epsilon = b.epsilon;
  }

  /**
   * A builder with TF1's defaults.
   *
   * @return a new builder: learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-8
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adam with TF1's defaults (learning rate 0.001).
   *
   * @return the optimizer, as {@code builder().build()}
   */
  public static Adam create() {
    return builder().build();
  }

  /**
   * The first-moment decay.
   *
   * @return beta1, in [0, 1)
   */
  public double beta1() {
    return beta1;
  }

  /**
   * The second-moment decay.
   *
   * @return beta2, in [0, 1)
   */
  public double beta2() {
    return beta2;
  }

  /**
   * The denominator's offset.
   *
   * @return epsilon, non-negative
   */
  public double epsilon() {
    return epsilon;
  }

  @Override
  Updater newUpdater(Slots slots) {
    Variable<TFloat32> beta1Power = slots.shared("beta1_power", beta1);
    Variable<TFloat32> beta2Power = slots.shared("beta2_power", beta2);
    return new Updater() {
      @Override
      public <T extends TNumber> Op apply(Ops tf, Variable<T> var, Operand<T> grad, Operand<T> lr) {
        Variable<T> m = slots.slot(var, "m", Initializers.zeros());
        Variable<T> v = slots.slot(var, "v", Initializers.zeros());
        Class<T> t = var.dtype();
        return tf.train.resourceApplyAdam(
            var.handle(), m.handle(), v.handle(),
            cast(tf, beta1Power.value(), t), cast(tf, beta2Power.value(), t),
            lr, tf.constant(t, beta1), tf.constant(t, beta2), tf.constant(t, epsilon), grad);
      }

      @Override
      public List<Op> finish(Ops tf) {
        return List.of(
            beta1Power.assign(tf, tf.math.mul(beta1Power.read(tf), tf.constant((float) beta1))),
            beta2Power.assign(tf, tf.math.mul(beta2Power.read(tf), tf.constant((float) beta2))));
      }
    };
  }

  @Override
  String hyperparameters() {
    return "beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon;
  }

  /** Settings for {@link Adam}. */
  public static final class Builder extends OptimizerBuilder<Builder, Adam> {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;

    private Builder() {
      super(0.001, "Adam");
    }

    /**
     * The first-moment decay (default 0.9).
     *
     * @param beta1 in [0, 1)
     * @return this builder
     */
    public Builder beta1(double beta1) {
      this.beta1 = checkUnit(beta1, "beta1");
      return this;
    }

    /**
     * The second-moment decay (default 0.999).
     *
     * @param beta2 in [0, 1)
     * @return this builder
     */
    public Builder beta2(double beta2) {
      this.beta2 = checkUnit(beta2, "beta2");
      return this;
    }

    /**
     * The denominator's offset (default 1e-8).
     *
     * @param epsilon non-negative
     * @return this builder
     */
    public Builder epsilon(double epsilon) {
      this.epsilon = checkNonNegative(epsilon, "epsilon");
      return this;
    }

    @Override
    public Adam build() {
      return new Adam(this);
    }
  }
}
