package org.edward4j.inferences.latent;

import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a {@link LatentLoss} sees: TF-GAN's {@code GANModel} tuple for the latent search. The
 * generator's output {@code G(z)}, the discriminator's logits on it (when the estimator was given
 * a discriminator), the target batch, and the trainable codes {@code z}.
 *
 * <pre>{@code
 * LatentLoss squaredError = (tf, m) -> tf.reduceSum(
 *     tf.math.squaredDifference(m.generated(), m.targets()), tf.constant(1));
 * }</pre>
 *
 * @param generated {@code G(z)}, of shape {@code [batch, ...]}
 * @param discriminatorLogits {@code D(G(z))} of shape {@code [batch]} or {@code [batch, 1]}, or
 *     {@code null} without a discriminator
 * @param targets the batch to reconstruct, of the generated shape
 * @param z the codes being searched, of shape {@code [batch, zShape...]}
 */
public record LatentGanModel(
    Operand<TFloat32> generated, Operand<TFloat32> discriminatorLogits, Operand<TFloat32> targets, Operand<TFloat32> z) {

  /**
   * Checks the required parts.
   *
   * @param generated {@code G(z)}, of shape {@code [batch, ...]}
   * @param discriminatorLogits {@code D(G(z))} of shape {@code [batch]} or {@code [batch, 1]}, or
   *     {@code null} without a discriminator
   * @param targets the batch to reconstruct, of the generated shape
   * @param z the codes being searched, of shape {@code [batch, zShape...]}
   */
  public LatentGanModel {
    Objects.requireNonNull(generated, "generated");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(z, "z");
  }

  /**
   * Whether the estimator built a discriminator, so {@link #discriminatorLogits()} is set.
   *
   * @return whether the estimator built a discriminator, so {@link #discriminatorLogits()} is set
   */
  public boolean hasDiscriminator() {
    return discriminatorLogits != null;
  }

  /**
   * The batch size.
   *
   * @return the batch size
   */
  public long batchSize() {
    return generated.shape().get(0);
  }
}
