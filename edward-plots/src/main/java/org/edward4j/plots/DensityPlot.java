package org.edward4j.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Kernel density estimates of one highlighted sample and many faint ones over the same axis: the
 * picture of Edward's {@code ppc_density_plot} (observed data against replicated data sets drawn
 * from the posterior predictive), as seaborn's {@code kdeplot} draws it.
 *
 * <p>Each curve is a Gaussian kernel density estimate with Scott's bandwidth {@code 1.059 A
 * n^(-1/5)}, {@code A = min(sd, IQR / 1.349)} (statsmodels' and seaborn's default), evaluated on
 * {@value #GRID} points spanning every sample widened by three bandwidths. The highlighted sample
 * is drawn in maroon, the others in translucent maroon, with a two-entry legend.
 *
 * <pre>{@code
 * double[] y = {0.1, -0.4, 1.2, 0.8, -1.0};
 * double[][] yRep = {{0.3, -0.2, 0.9, 1.1, -0.7}, {0.0, 0.5, -0.3, 1.4, -1.2}};
 * DensityPlot.builder(y).replicates(yRep).build().writePng(dir.resolve("ppc-density.png"));
 * }</pre>
 */
public final class DensityPlot {

  static {
    PngOutput.ensureHeadless();
  }

  /** Points at which each density is evaluated. */
  static final int GRID = 200;
  private static final Color MAROON = new Color(0x80, 0x00, 0x00);
  private static final Color FAINT_MAROON = new Color(0x80, 0x00, 0x00, 0x33);

  private final double[] grid;
  private final double[] observed;
  private final List<double[]> replicates;
  private final String observedLabel;
  private final String replicateLabel;
  private final ChartText text;
  private final double[] yRange;

  private DensityPlot(double[] grid, double[] observed, List<double[]> replicates, String observedLabel,
      String replicateLabel, ChartText text, double[] yRange) {
    this.grid = grid;
    this.observed = observed;
    this.replicates = replicates;
    this.observedLabel = observedLabel;
    this.replicateLabel = replicateLabel;
    this.text = text;
    this.yRange = yRange;
  }

  /**
   * A builder for the density of {@code y}, the highlighted sample.
   *
   * @param y at least two finite values, not all equal; copied
   * @return a builder with no replicate yet, labels "y" and "y_rep"
   * @throws IllegalArgumentException for fewer than two values, a non-finite one, or no spread
   */
  public static Builder builder(double[] y) {
    return new Builder(checkedSample(y, "y"));
  }

  /**
   * The Gaussian kernel density estimate of {@code sample} at {@code at}, with Scott's bandwidth.
   *
   * @param sample at least two finite values, not all equal
   * @param at where to evaluate
   * @return the density at each point of {@code at}
   * @throws IllegalArgumentException for a sample {@link #builder} would reject
   */
  public static double[] density(double[] sample, double[] at) {
    double[] s = checkedSample(sample, "sample");
    double h = bandwidth(s);
    double norm = 1 / (s.length * h * Math.sqrt(2 * Math.PI));
    double[] out = new double[at.length];
    for (int i = 0; i < at.length; i++) {
      double sum = 0;
      for (double v : s) {
        double u = (at[i] - v) / h;
        sum += Math.exp(-0.5 * u * u);
      }
      out[i] = sum * norm;
    }
    return out;
  }

  /** Scott's rule, {@code 1.059 min(sd, IQR / 1.349) n^(-1/5)}, falling back to sd when the IQR is 0. */
  static double bandwidth(double[] sample) {
    int n = sample.length;
    double mean = Arrays.stream(sample).average().orElseThrow();
    double ss = 0;
    for (double v : sample) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double[] sorted = sample.clone();
    Arrays.sort(sorted);
    double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    double a = iqr > 0 ? Math.min(sd, iqr / 1.349) : sd;
    return 1.059 * a * Math.pow(n, -0.2);
  }

  private static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Renders the plot as an RGB image.
   *
   * @return a new image of the builder's size
   */
  public BufferedImage render() {
    XYChart chart = ChartStyle.chart(text, new double[] {grid[0], grid[grid.length - 1]}, yRange);
    BasicStroke thin = new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    for (int r = 0; r < replicates.size(); r++) {
      XYSeries s = chart.addSeries(r == 0 ? replicateLabel : replicateLabel + " " + r, grid, replicates.get(r));
      style(s, FAINT_MAROON, thin);
      s.setShowInLegend(r == 0);
    }
    XYSeries y = chart.addSeries(observedLabel, grid, observed);
    style(y, MAROON, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    return ChartStyle.render(chart);
  }

  private static void style(XYSeries s, Color color, BasicStroke stroke) {
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(stroke);
  }

  /**
   * Writes the plot as a PNG, atomically.
   *
   * @param target the file to create or replace
   * @return {@code target}
   * @throws IOException when writing fails; an existing target is then left untouched
   */
  public Path writePng(Path target) throws IOException {
    return PngOutput.write(target, render());
  }

  /**
   * The evaluation grid.
   *
   * @return a copy of the {@value #GRID} x values
   */
  public double[] grid() {
    return grid.clone();
  }

  /**
   * The highlighted sample's density on {@link #grid()}.
   *
   * @return a copy of the density values
   */
  public double[] observedDensity() {
    return observed.clone();
  }

  @Override
  public String toString() {
    return "DensityPlot[" + observedLabel + " and " + replicates.size() + " " + replicateLabel + " curves on ["
        + grid[0] + ", " + grid[grid.length - 1] + "]]";
  }

  private static double[] checkedSample(double[] values, String argument) {
    Objects.requireNonNull(values, argument);
    if (values.length < 2) {
      throw new IllegalArgumentException("`" + argument + "` must hold at least two values for a density, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("`" + argument + "` must be finite, got " + values[i] + " at index " + i);
      }
    }
    double[] r = Series.finiteRange(values);
    if (r[0] == r[1]) {
      throw new IllegalArgumentException("`" + argument + "` must not be constant for a density, got every value " + r[0]);
    }
    return values.clone();
  }

  /** Configures a {@link DensityPlot}. */
  public static final class Builder extends ChartBuilder<Builder> {
    private final double[] y;
    private final List<double[]> replicates = new ArrayList<>();
    private String observedLabel = "y";
    private String replicateLabel = "y_rep";

    private Builder(double[] y) {
      super("", "density");
      this.y = y;
    }

    /**
     * Adds one faint curve per row, Edward's {@code y_rep} (rows are replicated data sets).
     *
     * @param yRep rows of at least two finite values each, not all equal
     * @return this builder
     * @throws IllegalArgumentException naming the bad row
     */
    public Builder replicates(double[][] yRep) {
      Objects.requireNonNull(yRep, "yRep");
      for (int r = 0; r < yRep.length; r++) {
        replicates.add(checkedSample(yRep[r], "yRep[" + r + "]"));
      }
      return this;
    }

    /**
     * Sets the legend texts; defaults "y" and "y_rep".
     *
     * @param observed the highlighted curve's label
     * @param replicate the faint curves' label
     * @return this builder
     */
    public Builder labels(String observed, String replicate) {
      this.observedLabel = Objects.requireNonNull(observed, "observed");
      this.replicateLabel = Objects.requireNonNull(replicate, "replicate");
      return this;
    }

    /**
     * Estimates the densities and returns the plot.
     *
     * @return the plot, ready to render
     * @throws IllegalArgumentException if the size is unusable
     */
    public DensityPlot build() {
      ChartText text = text();
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      List<double[]> samples = new ArrayList<>(replicates);
      samples.add(y);
      for (double[] s : samples) {
        double h = bandwidth(s);
        double[] r = Series.finiteRange(s);
        lo = Math.min(lo, r[0] - 3 * h);
        hi = Math.max(hi, r[1] + 3 * h);
      }
      double[] grid = new double[GRID];
      for (int i = 0; i < GRID; i++) {
        grid[i] = lo + (hi - lo) * i / (GRID - 1);
      }
      double[] observed = density(y, grid);
      List<double[]> reps = new ArrayList<>();
      double top = Arrays.stream(observed).max().orElseThrow();
      for (double[] s : replicates) {
        double[] d = density(s, grid);
        reps.add(d);
        top = Math.max(top, Arrays.stream(d).max().orElseThrow());
      }
      return new DensityPlot(grid, observed, List.copyOf(reps), observedLabel, replicateLabel, text,
          new double[] {0, top * 1.05});
    }
  }
}
