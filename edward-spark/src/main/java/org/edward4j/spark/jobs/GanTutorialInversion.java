package org.edward4j.spark.jobs;

import java.util.Locale;
import org.edward4j.inferences.latent.LatentGanEstimator;
import org.edward4j.inferences.latent.LatentGanParams;
import org.edward4j.spark.GanTutorialModel;

/**
 * The tutorial GAN's generator as an {@link InversionModel}: the codes replace its Uniform(-1, 1)
 * noise ({@link GanTutorialModel#generatorNetwork} under {@code Gen}, so a checkpoint of {@code
 * bin/edward spark gan} or of the single-machine {@code gan} example restores it), the pixel L2
 * loss, Adam on the codes, codes clipped to the noise's support. Used by {@code bin/edward spark
 * invert}.
 *
 * <pre>{@code
 * InversionModel model = new GanTutorialInversion(64, 0.05, 1, 1.0);
 * }</pre>
 *
 * @param batchSize images per search, at least 1
 * @param learningRate Adam's learning rate on the codes, positive and finite
 * @param restarts random starts per image (the best kept), at least 1
 * @param clip bound of each code component, positive and finite (1 for the tutorial's noise)
 * @serial exclude (sent to the executors of one job, not stored)
 */
public record GanTutorialInversion(int batchSize, double learningRate, int restarts, double clip) implements InversionModel {

  private static final long serialVersionUID = 1L;

  /**
   * Checks every value on the driver.
   *
   * @param batchSize images per search, at least 1
   * @param learningRate Adam's learning rate on the codes, positive and finite
   * @param restarts random starts per image (the best kept), at least 1
   * @param clip bound of each code component, positive and finite
   * @throws IllegalArgumentException naming the argument out of range
   */
  public GanTutorialInversion {
    if (batchSize < 1) {
      throw new IllegalArgumentException("`batchSize` must be at least 1, got " + batchSize);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("`learningRate` must be positive and finite, got " + learningRate);
    }
    if (restarts < 1) {
      throw new IllegalArgumentException("`restarts` must be at least 1, got " + restarts);
    }
    if (!(clip > 0) || !Double.isFinite(clip)) {
      throw new IllegalArgumentException("`clip` must be positive and finite, got " + clip);
    }
  }

  @Override
  public LatentGanEstimator.Builder configure(LatentGanEstimator.Builder builder) {
    return builder.generator(GanTutorialModel::generatorNetwork)
        .params(LatentGanParams.builder().batchSize(batchSize).zShape(GanTutorialModel.NOISE).learningRate(learningRate)
            .inputClip(clip).restarts(restarts).build());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "GanTutorialInversion(batchSize=%d, learningRate=%s, restarts=%d, clip=%s)",
        batchSize, learningRate, restarts, clip);
  }
}
