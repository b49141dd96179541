package org.edward4j.spark.jobs;

import java.io.Serializable;
import org.edward4j.inferences.latent.LatentGanEstimator;

/**
 * Configures the {@code LatentGanEstimator} that each partition of a {@link LatentInversion} runs:
 * the trained generator (built under its training scope, {@code Gen} by default, so the checkpoint's
 * weights find it), the loss, the params (batch size, code shape, learning rate, restarts) and,
 * optionally, the discriminator or encoder. The job adds the warm start from its checkpoint and the
 * seed; do not set them here.
 *
 * <p>It is serialized on the driver and run on every task: capture only serializable values (sizes,
 * settings), never a context, graph or tensor.
 *
 * <pre>{@code
 * // The tutorial GAN's generator (GanTutorialModel, trained by SparkGan), its noise replaced by the codes:
 * InversionModel model = builder -> builder
 *     .generator((scope, z) -> Layers.dense(scope,
 *         Layers.dense(scope, z, 128, DenseOptions.builder().activation(Activation.relu()).build()),
 *         784, DenseOptions.builder().activation(Activation.sigmoid()).build()))
 *     .params(LatentGanParams.builder().batchSize(64).zShape(100).learningRate(0.05).build());
 * }</pre>
 */
@FunctionalInterface
public interface InversionModel extends Serializable {

  /**
   * Sets the generator, loss and params on a fresh builder.
   *
   * @param builder a fresh {@code LatentGanEstimator.builder()}
   * @return the builder, configured
   */
  LatentGanEstimator.Builder configure(LatentGanEstimator.Builder builder);
}
