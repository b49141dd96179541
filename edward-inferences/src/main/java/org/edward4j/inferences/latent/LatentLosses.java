package org.edward4j.inferences.latent;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The usual objectives of GAN inversion (Creswell and Bharath, 2018, "Inverting the generator of
 * a generative adversarial network"; Lipton and Tripathi, 2017): per-pixel reconstruction errors,
 * and the discriminator's realism term that keeps {@code G(z)} on the data manifold.
 *
 * <ul>
 *   <li>{@link #pixelL2()}: {@code mean_j (G(z)_j - x_j)^2} per example;
 *   <li>{@link #pixelL1()}: {@code mean_j |G(z)_j - x_j|} per example;
 *   <li>{@link #realism()}: {@code softplus(-D(G(z)))}, the non-saturating generator loss, small when
 *       the discriminator finds {@code G(z)} real; needs a discriminator.
 * </ul>
 *
 * <pre>{@code
 * LatentLoss loss = LatentLosses.pixelL2().plus(LatentLosses.realism().times(0.01));
 * }</pre>
 */
public final class LatentLosses {

  private LatentLosses() {}

  /**
   * Mean squared pixel error per example.
   *
   * @return mean squared pixel error per example
   */
  public static LatentLoss pixelL2() {
    return LatentLoss.described("pixelL2", (tf, m) -> meanOverPixels(tf, tf.math.squaredDifference(m.generated(), m.targets())));
  }

  /**
   * Mean absolute pixel error per example.
   *
   * @return mean absolute pixel error per example
   */
  public static LatentLoss pixelL1() {
    return LatentLoss.described("pixelL1", (tf, m) -> meanOverPixels(tf, tf.math.abs(tf.math.sub(m.generated(), m.targets()))));
  }

  /**
   * The discriminator's realism term {@code softplus(-D(G(z)))} per example; add it, weighted, to
   * a reconstruction loss.
   *
   * @return the loss; building it throws {@link IllegalArgumentException} when the estimator has
   *     no discriminator
   */
  public static LatentLoss realism() {
    return LatentLoss.described("realism", (tf, m) -> {
      if (!m.hasDiscriminator()) {
        throw new IllegalArgumentException("the realism loss needs the discriminator's output: give the estimator a discriminator");
      }
      Operand<TFloat32> logits = m.discriminatorLogits();
      return tf.math.softplus(tf.math.neg(tf.reshape(logits, tf.constant(new int[] {-1}))));
    });
  }

  /** The mean over every axis but the first: one value per example. */
  static Operand<TFloat32> meanOverPixels(Ops tf, Operand<TFloat32> x) {
    Operand<TInt32> axes = tf.range(tf.constant(1), tf.rank(x), tf.constant(1));
    return tf.math.mean(x, axes);
  }
}
