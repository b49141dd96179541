package org.edward4j.inferences.latent;

import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The objective of a latent search: TF-GAN's {@code loss_fn}, returning one loss per example so
 * that each example's code can be judged on its own (restarts keep each example's best). The
 * estimator minimizes their sum, so every {@code z_i} follows the gradient of its own loss whatever
 * the batch size, and reports their mean.
 *
 * <p>Write reconstruction, perceptual or adversarial objectives from the {@link LatentGanModel};
 * {@link LatentLosses} has pixel L2 and L1 and the discriminator's realism term, which combine with
 * {@link #plus} and {@link #times}.
 *
 * <pre>{@code
 * LatentLoss loss = LatentLosses.pixelL2().plus(LatentLosses.realism().times(0.01));
 * }</pre>
 */
@FunctionalInterface
public interface LatentLoss {

  /**
   * Builds the per-example losses.
   *
   * @param tf where to place the ops
   * @param model the generator's output, the discriminator's logits, the targets and the codes
   * @return a float32 tensor of shape {@code [batch]}
   */
  Operand<TFloat32> perExample(Ops tf, LatentGanModel model);

  /**
   * The sum of this loss and another, example by example.
   *
   * @param other another loss
   * @return {@code this + other}
   */
  default LatentLoss plus(LatentLoss other) {
    Objects.requireNonNull(other, "other");
    return described(this + " + " + other, (tf, m) -> tf.math.add(perExample(tf, m), other.perExample(tf, m)));
  }

  /**
   * This loss scaled.
   *
   * @param weight a finite factor
   * @return {@code weight * this}
   */
  default LatentLoss times(double weight) {
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("`weight` must be finite, got " + weight);
    }
    return described(weight + " * " + this, (tf, m) -> tf.math.mul(tf.constant((float) weight), perExample(tf, m)));
  }

  /**
   * A loss that prints as {@code description}, so estimators and results read well in JShell.
   *
   * @param description e.g. {@code "pixelL2 + 0.01 * realism"}
   * @param loss the loss
   * @return the same loss, named
   */
  static LatentLoss described(String description, LatentLoss loss) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(loss, "loss");
    return new LatentLoss() {
      @Override
      public Operand<TFloat32> perExample(Ops tf, LatentGanModel model) {
        return loss.perExample(tf, model);
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }
}
