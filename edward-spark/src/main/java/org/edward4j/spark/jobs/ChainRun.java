package org.edward4j.spark.jobs;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one chain's task sends back: every draw of each tracked {@code params}, flattened row-major
 * ({@code draws} rows of {@code width} values), and how long the task took.
 *
 * @param chain the chain's index
 * @param draws the number of draws {@code T} of every tracked quantity
 * @param values name to its {@code draws * width} values, in the model's order
 * @param widths name to its number of coordinates per draw
 * @param buildSeconds seconds spent building the model and the inference's graph
 * @param sampleSeconds seconds spent drawing
 * @serial exclude (sent between the driver and the executors of one job, not stored)
 */
public record ChainRun(int chain, int draws, Map<String, float[]> values, Map<String, Integer> widths,
    double buildSeconds, double sampleSeconds) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Checks the sizes.
   *
   * @param chain the chain's index
   * @param draws the number of draws {@code T} of every tracked quantity
   * @param values name to its {@code draws * width} values, in the model's order
   * @param widths name to its number of coordinates per draw
   * @param buildSeconds seconds spent building the model and the inference's graph
   * @param sampleSeconds seconds spent drawing
   * @throws IllegalArgumentException if a quantity does not hold {@code draws * width} values
   */
  public ChainRun {
    values = new LinkedHashMap<>(Objects.requireNonNull(values, "values"));
    widths = new LinkedHashMap<>(Objects.requireNonNull(widths, "widths"));
    for (Map.Entry<String, float[]> e : values.entrySet()) {
      Integer w = widths.get(e.getKey());
      if (w == null || (long) w * draws != e.getValue().length) {
        throw new IllegalArgumentException("`values` of " + e.getKey() + " must hold draws * width = " + draws + " * " + w
            + " values, got " + e.getValue().length);
      }
    }
  }

  /**
   * One coordinate's draws after {@code burnIn}.
   *
   * @param name a tracked quantity
   * @param coordinate its coordinate, from 0
   * @param burnIn draws to drop
   * @return {@code draws - burnIn} values
   */
  double[] coordinate(String name, int coordinate, int burnIn) {
    float[] v = values.get(name);
    int w = widths.get(name);
    double[] out = new double[draws - burnIn];
    for (int i = 0; i < out.length; i++) {
      out[i] = v[(burnIn + i) * w + coordinate];
    }
    return out;
  }

  /**
   * The fraction of transitions that moved the chain (rows differing from the row before, over
   * every tracked quantity): the acceptance rate of a Metropolis-corrected sampler.
   *
   * @return in {@code [0, 1]}
   */
  public double moveRate() {
    int moved = 0;
    for (int t = 1; t < draws; t++) {
      for (Map.Entry<String, float[]> e : values.entrySet()) {
        int w = widths.get(e.getKey());
        if (!Arrays.equals(e.getValue(), t * w, (t + 1) * w, e.getValue(), (t - 1) * w, t * w)) {
          moved++;
          break;
        }
      }
    }
    return draws < 2 ? 0 : (double) moved / (draws - 1);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "chain %d: %d draws of %s, moved %.1f%% of transitions, build %.1f s, sampling %.1f s",
        chain, draws, widths.keySet(), 100 * moveRate(), buildSeconds, sampleSeconds);
  }
}
