package org.edward4j.plots;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A histogram of values with an optional vertical line at an observed value: the picture of a
 * posterior predictive check (Gelman, Meng and Stern, 1996), where the values are a statistic of
 * replicated data sets and the line is the same statistic of the observed data, as Edward's
 * {@code ppc_stat_hist_plot} draws it.
 *
 * <p>Bins are equal-width over the data range; the x axis, not the bins, is extended to include the
 * observed value. A value equal to the upper end falls in the last bin.
 *
 * <pre>{@code
 * double[] replicatedMeans = {0.9, 1.1, 1.0, 1.3, 0.8};
 * Histogram.builder(replicatedMeans)
 *     .bins(20)
 *     .observed(1.05)
 *     .title("Posterior predictive check: mean")
 *     .xLabel("T(x_rep)")
 *     .build()
 *     .writePng(Path.of("ppc.png"));
 * }</pre>
 */
public final class Histogram {

  static {
    PngOutput.ensureHeadless();
  }

  private final long[] counts;
  private final double lower;
  private final double binWidth;
  private final Double observed;
  private final String observedLabel;
  private final ChartText text;
  private final double[] xRange;
  private final double[] yRange;

  private Histogram(long[] counts, double lower, double binWidth, Double observed, String observedLabel,
      ChartText text, double[] xRange, double[] yRange) {
    this.counts = counts;
    this.lower = lower;
    this.binWidth = binWidth;
    this.observed = observed;
    this.observedLabel = observedLabel;
    this.text = text;
    this.xRange = xRange;
    this.yRange = yRange;
  }

  /**
   * Starts a histogram of {@code values}.
   *
   * @param values finite values, at least one; copied
   * @return a builder with 30 bins, 640x480 pixels and y label "count"
   * @throws IllegalArgumentException when {@code values} is empty or holds NaN or infinity
   */
  public static Builder builder(double[] values) {
    return new Builder(Objects.requireNonNull(values, "values").clone());
  }

  /**
   * As {@link #builder(double[])}, for float values.
   *
   * @param values finite values, at least one; copied
   * @return a builder with 30 bins, 640x480 pixels and y label "count"
   * @throws IllegalArgumentException when {@code values} is empty or holds NaN or infinity
   */
  public static Builder builder(float[] values) {
    return new Builder(Series.toDouble(values, "values"));
  }

  /**
   * Returns a copy of the bin counts, lowest bin first.
   *
   * @return a new array of one count per bin, summing to the number of values
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * Renders the histogram as an RGB image.
   *
   * @return a new image of the builder's size; each call draws afresh
   */
  public BufferedImage render() {
    XYChart chart = ChartStyle.chart(text, xRange, yRange);
    chart.getStyler().setLegendVisible(observed != null);
    // The bars as one filled outline: up the left edge of each bin, across its top, down.
    double[] x = new double[4 * counts.length];
    double[] y = new double[4 * counts.length];
    for (int b = 0; b < counts.length; b++) {
      double left = lower + b * binWidth;
      double right = lower + (b + 1) * binWidth;
      x[4 * b] = left;
      x[4 * b + 1] = left;
      x[4 * b + 2] = right;
      x[4 * b + 3] = right;
      y[4 * b + 1] = counts[b];
      y[4 * b + 2] = counts[b];
    }
    XYSeries bars = chart.addSeries("count", x, y);
    bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
    bars.setMarker(SeriesMarkers.NONE);
    bars.setFillColor(Palette.seriesColor(0));
    bars.setLineColor(Palette.seriesColor(0));
    bars.setShowInLegend(false);
    if (observed != null) {
      XYSeries line = chart.addSeries(observedLabel, new double[] {observed, observed}, new double[] {yRange[0], yRange[1]});
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      line.setMarker(SeriesMarkers.NONE);
      line.setLineColor(Palette.OBSERVED);
      line.setLineStyle(new BasicStroke(3f));
    }
    return ChartStyle.render(chart);
  }

  /**
   * Writes the histogram as a PNG, atomically.
   *
   * @param target the file to create or replace
   * @return {@code target}
   * @throws IOException when writing fails; an existing target is then left untouched
   */
  public Path writePng(Path target) throws IOException {
    return PngOutput.write(target, render());
  }

  /** The axis ranges {xMin, xMax, yMin, yMax}, for tests. */
  double[] ranges() {
    return new double[] {xRange[0], xRange[1], yRange[0], yRange[1]};
  }

  @Override
  public String toString() {
    return "Histogram[" + counts.length + " bins of width " + binWidth + " from " + lower
        + (observed == null ? "" : ", observed " + observed) + "]";
  }

  /** Configures a {@link Histogram}. */
  public static final class Builder extends ChartBuilder<Builder> {
    private final double[] values;
    private int bins = 30;
    private Double observed;
    private String observedLabel = "observed";

    private Builder(double[] values) {
      super("", "count");
      if (values.length == 0) {
        throw new IllegalArgumentException("`values` must hold at least one value");
      }
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i])) {
          throw new IllegalArgumentException(
              "`values` must be finite, got " + values[i] + " at index " + i);
        }
      }
      this.values = values;
    }

    /**
     * Sets the number of equal-width bins, in [1, 1000]; default 30.
     *
     * @param bins in [1, 1000]
     * @return this builder
     * @throws IllegalArgumentException if {@code bins} is out of range
     */
    public Builder bins(int bins) {
      if (bins < 1 || bins > 1000) {
        throw new IllegalArgumentException("`bins` must be in [1, 1000], got " + bins);
      }
      this.bins = bins;
      return this;
    }

    /**
     * Draws a vertical line at the observed value, in {@link Palette#OBSERVED}.
     *
     * @param value the statistic of the observed data; finite
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public Builder observed(double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("`observed` must be finite, got " + value);
      }
      this.observed = value;
      return this;
    }

    /**
     * Sets the legend text of the observed line; default "observed".
     *
     * @param label the legend text; not null (shown only when an observed value is set)
     * @return this builder
     */
    public Builder observedLabel(String label) {
      this.observedLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Counts the values into bins and returns the histogram.
     *
     * @return the histogram, ready to render
     * @throws IllegalArgumentException if the size is outside [1, 8192] pixels
     */
    public Histogram build() {
      ChartText text = text();
      double[] range = Series.finiteRange(values);
      double lower = range[0];
      double upper = range[1];
      if (lower == upper) {
        double[] widened = ChartStyle.padded(lower, upper);
        lower = widened[0];
        upper = widened[1];
      }
      double binWidth = (upper - lower) / bins;
      long[] counts = new long[bins];
      long highest = 0;
      for (double v : values) {
        int b = (int) Math.min(bins - 1, Math.floor((v - lower) / binWidth));
        highest = Math.max(highest, ++counts[b]);
      }
      double xMin = observed == null ? lower : Math.min(lower, observed);
      double xMax = observed == null ? upper : Math.max(upper, observed);
      double[] xRange = ChartStyle.padded(xMin, xMax);
      // Bars stand on zero; 5% headroom above the tallest, as matplotlib leaves.
      double[] yRange = {0, highest * 1.05};
      return new Histogram(counts, lower, binWidth, observed, observedLabel, text, xRange, yRange);
    }
  }
}
