package org.edward4j.criticisms;

import java.util.Objects;
import org.edward4j.plots.DensityPlot;
import org.edward4j.plots.Histogram;

/**
 * Edward's posterior predictive plots ({@code edward/criticisms/ppc_plots.py}): {@code
 * ppc_density_plot} and {@code ppc_stat_hist_plot}. Where Edward returns matplotlib axes, these
 * return the plot, whose {@code writePng} writes the picture atomically.
 *
 * <pre>{@code
 * double[] y = {0.3, -1.2, 0.8, 0.1, -0.4, 1.6};
 * double[][] yRep = {{0.5, -0.9, 1.1, 0.0, -0.2, 1.0}, {0.1, -1.5, 0.7, 0.4, -0.8, 1.9}};
 * PpcPlots.densityPlot(y, yRep).writePng(dir.resolve("ppc-density.png"));
 * PpcPlots.statHistPlot(0.0, y, "mean", 10).writePng(dir.resolve("ppc-stat.png"));
 * }</pre>
 */
public final class PpcPlots {

  private PpcPlots() {}

  /**
   * Edward's {@code ppc_density_plot(y, y_rep)}: kernel density estimates of the data {@code y}
   * and of each replicated data set (a row of {@code yRep}), as seaborn's {@code kdeplot}.
   *
   * @param y the observed data, at least two finite values, not all equal
   * @param yRep replicated data sets from the posterior predictive, one per row (e.g. rows of
   *     {@code PosteriorPredictive} draws), each at least two finite values
   * @return the plot
   * @throws IllegalArgumentException for an empty or constant sample, naming it
   */
  public static DensityPlot densityPlot(double[] y, double[][] yRep) {
    Objects.requireNonNull(yRep, "yRep");
    if (yRep.length == 0) {
      throw new IllegalArgumentException("`yRep` must hold at least one replicated data set");
    }
    return DensityPlot.builder(y).replicates(yRep).labels("y", "y_rep").build();
  }

  /**
   * Edward's {@code ppc_stat_hist_plot(y_stats, yrep_stats, stat_name, bins)}: a histogram of the
   * statistic over replicated data, {@code T(y_rep)}, with a vertical line at the data's {@code
   * T(y)}.
   *
   * @param yStat the statistic of the observed data, finite
   * @param yRepStats the statistic of each replicated data set, at least one, finite
   * @param statName the statistic's name, shown as the title and x label; null or empty for none
   * @param bins the number of bins, in [1, 1000]
   * @return the plot
   * @throws IllegalArgumentException for a non-finite value or a bad bin count
   */
  public static Histogram statHistPlot(double yStat, double[] yRepStats, String statName, int bins) {
    Objects.requireNonNull(yRepStats, "yRepStats");
    String name = statName == null ? "" : statName;
    return Histogram.builder(yRepStats).bins(bins).observed(yStat).observedLabel("T(y)")
        .title(name.isEmpty() ? "" : "T = " + name).xLabel(name.isEmpty() ? "T(y_rep)" : name).build();
  }
}
