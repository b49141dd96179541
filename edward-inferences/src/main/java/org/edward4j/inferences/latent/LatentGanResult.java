package org.edward4j.inferences.latent;

import java.util.Arrays;

/**
 * What a latent search found: for each example of the batch, the best code, the generator's output
 * there and its loss, plus the mean-loss curve of every start.
 *
 * <pre>{@code
 * LatentGanResult r = estimator.fit(targets, 500);
 * float[][] codes = r.z();
 * double error = r.meanLoss();
 * int steps = r.stepsToReach(0, 0.01); // first step at which start 0's mean loss is below 0.01
 * }</pre>
 *
 * @param z the best code of each example, flattened {@code zShape}
 * @param generated {@code G(z)} of each example, flattened
 * @param losses the loss of each example at its code
 * @param bestStart which start (0 = the first, the encoder's when there is one) each code came from
 * @param lossCurves for each start, the mean loss before each step and, last, after the final one
 */
public record LatentGanResult(float[][] z, float[][] generated, double[] losses, int[] bestStart, double[][] lossCurves) {

  /**
   * The mean of the examples' losses.
   *
   * @return the mean of the examples' losses
   */
  public double meanLoss() {
    return Arrays.stream(losses).average().orElse(Double.NaN);
  }

  /**
   * The number of optimizer steps of each start.
   *
   * @return the number of optimizer steps of each start
   */
  public int steps() {
    return lossCurves.length == 0 ? 0 : lossCurves[0].length - 1;
  }

  /**
   * How many steps a start needed to bring its mean loss below a level.
   *
   * @param start the start, from 0
   * @param level the loss to get under
   * @return the first step count at which the mean loss was below {@code level}, or -1 if never
   */
  public int stepsToReach(int start, double level) {
    double[] curve = lossCurves[start];
    for (int s = 0; s < curve.length; s++) {
      if (curve[s] < level) {
        return s;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatentGanResult r && Arrays.deepEquals(z, r.z) && Arrays.deepEquals(generated, r.generated)
        && Arrays.equals(losses, r.losses) && Arrays.equals(bestStart, r.bestStart) && Arrays.deepEquals(lossCurves, r.lossCurves);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(new Object[] {z, generated, losses, bestStart, lossCurves});
  }

  @Override
  public String toString() {
    return String.format("LatentGanResult(batch=%d, starts=%d, steps=%d, mean loss=%.6g)",
        losses.length, lossCurves.length, steps(), meanLoss());
  }
}
