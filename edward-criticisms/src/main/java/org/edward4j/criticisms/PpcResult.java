package org.edward4j.criticisms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.edward4j.plots.Histogram;

/**
 * The outcome of a {@link PosteriorPredictiveCheck}: Edward's {@code [T_rep, T_obs]}.
 *
 * <p>{@code tailProbability = (1/S) #{s : T(x_rep_s, z_s) >= T(x, z_s)}}, the posterior
 * predictive p-value (Gelman, Meng and Stern, 1996): values near 0 or 1 say the model rarely
 * reproduces the observed statistic.
 *
 * <pre>{@code
 * PpcResult r = PosteriorPredictiveCheck.ppc(mean, Map.of(xPost, xTrain));
 * System.out.println(r.tailProbability());
 * r.writePlot(Path.of("ppc_mean.png"), "mean");
 * }</pre>
 *
 * @param replicated {@code T(x_rep_s, z_s)}, the reference distribution
 * @param observed {@code T(x, z_s)}, the realized discrepancy (constant when T ignores z)
 */
public record PpcResult(double[] replicated, double[] observed) {

  /**
   * Checks both arrays hold the same positive number of values, and copies them.
   *
   * @param replicated {@code T(x_rep_s, z_s)}
   * @param observed {@code T(x, z_s)}, as many
   */
  public PpcResult {
    Objects.requireNonNull(replicated, "replicated");
    Objects.requireNonNull(observed, "observed");
    if (replicated.length == 0 || replicated.length != observed.length) {
      throw new IllegalArgumentException("`replicated` and `observed` must hold the same positive number of values, got "
          + replicated.length + " and " + observed.length);
    }
    replicated = replicated.clone();
    observed = observed.clone();
  }

  /**
   * The number of replicated data sets.
   *
   * @return {@code S}
   */
  public int nSamples() {
    return replicated.length;
  }

  /**
   * {@code P(T(x_rep) >= T(x))}, the fraction of samples whose replicated statistic is at least the realized one.
   *
   * @return the posterior predictive p-value, in [0, 1]
   */
  public double tailProbability() {
    int atLeast = 0;
    for (int i = 0; i < replicated.length; i++) {
      atLeast += replicated[i] >= observed[i] ? 1 : 0;
    }
    return (double) atLeast / replicated.length;
  }

  /**
   * The mean of the realized discrepancies (their common value when T ignores the latent variables).
   *
   * @return {@code (1/S) sum_s T(x, z_s)}
   */
  public double observedMean() {
    double m = 0;
    for (double v : observed) {
      m += v / observed.length;
    }
    return m;
  }

  /**
   * The reference distribution.
   *
   * @return a copy of {@code T(x_rep_s, z_s)}, {@code s = 1..S}
   */
  @Override
  public double[] replicated() {
    return replicated.clone();
  }

  /**
   * The realized discrepancies.
   *
   * @return a copy of {@code T(x, z_s)}, {@code s = 1..S}
   */
  @Override
  public double[] observed() {
    return observed.clone();
  }

  /**
   * Writes Edward's {@code ppc_stat_hist_plot}: a histogram of {@code T(x_rep)} and a line at
   * {@link #observedMean()}.
   *
   * @param file the PNG to write, atomically
   * @param statName the statistic's name for the title, e.g. {@code "mean"}
   * @return {@code file}
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when a statistic is not finite
   */
  public Path writePlot(Path file, String statName) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(statName, "statName");
    return Histogram.builder(replicated).bins(Math.max(5, Math.min(30, replicated.length / 5)))
        .observed(observedMean()).observedLabel("T(x)")
        .title(String.format("Posterior predictive check: T = %s (tail probability %.3f)", statName, tailProbability()))
        .xLabel("T(x_rep)").build().writePng(file);
  }

  @Override
  public String toString() {
    return String.format("PpcResult(n=%d, observed %.4g, tail probability %.3f)", replicated.length, observedMean(),
        tailProbability());
  }
}
