package org.edward4j.spark.jobs;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * One image inverted: its global index, the best code found, the estimator's loss at that code,
 * and the reconstruction's mean squared pixel error {@code mean_j (G(z)_j - x_j)^2} (the same as
 * the loss for {@code LatentLosses.pixelL2()}, computed here in double from the generated image).
 *
 * @param index the image's global index, from 0
 * @param code the best code, flattened
 * @param loss the estimator's per-example loss at it
 * @param reconstructionError the mean squared pixel error of {@code G(code)}
 * @serial exclude (sent between the driver and the executors of one job, not stored)
 */
public record InvertedImage(long index, float[] code, double loss, double reconstructionError) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * A CSV line: index, loss, error, then the code's values.
   *
   * @return the line, without a line break
   */
  public String csvLine() {
    StringBuilder sb = new StringBuilder().append(index).append(',').append(loss).append(',').append(reconstructionError);
    for (float v : code) {
      sb.append(',').append(v);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvertedImage other && index == other.index && Arrays.equals(code, other.code)
        && Double.compare(loss, other.loss) == 0 && Double.compare(reconstructionError, other.reconstructionError) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(index) * 31 + Arrays.hashCode(code);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "InvertedImage(%d, code=%s, loss=%.6f, error=%.6f)", index, Arrays.toString(code), loss,
        reconstructionError);
  }
}
