package org.edward4j.plots;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One or more curves against the iteration, typically training losses (a GAN's generator and
 * discriminator losses, or a variational loss), each in its {@linkplain Palette#seriesColor(int)
 * own colour} with a legend.
 *
 * <p>Non-finite values (a loss that diverged to NaN or infinity) break the curve instead of
 * failing the plot, because a picture of a diverging run is exactly what one wants to look at;
 * the axis range ignores them.
 *
 * <pre>{@code
 * double[] discriminator = {1.4, 1.2, 1.1};
 * double[] generator = {0.7, 0.9, 1.0};
 * LinePlot.builder()
 *     .series("Disc", discriminator)
 *     .series("Gen", generator)
 *     .yLabel("loss")
 *     .build()
 *     .writePng(Path.of("losses.png"));
 * }</pre>
 */
public final class LinePlot {

  static {
    PngOutput.ensureHeadless();
  }

  private final List<Series> series;
  private final ChartText text;
  private final double[] xRange;
  private final double[] yRange;

  private LinePlot(List<Series> series, ChartText text, double[] xRange, double[] yRange) {
    this.series = List.copyOf(series);
    this.text = text;
    this.xRange = xRange;
    this.yRange = yRange;
  }

  /**
   * Returns a builder for a 640x480 picture with x label "iteration".
   *
   * @return a new builder with no series yet
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Renders the plot as an RGB image.
   *
   * @return a new image of the builder's size; each call draws afresh
   */
  public BufferedImage render() {
    XYChart chart = ChartStyle.chart(text, xRange, yRange);
    for (int s = 0; s < series.size(); s++) {
      Series curve = series.get(s);
      // XChart leaves a gap at NaN; infinities become NaN so a diverged loss breaks the curve too.
      double[] y = curve.y().clone();
      for (int i = 0; i < y.length; i++) {
        if (!Double.isFinite(y[i])) {
          y[i] = Double.NaN;
        }
      }
      XYSeries line = chart.addSeries(curve.name(), curve.x(), y);
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      line.setMarker(SeriesMarkers.NONE);
      line.setLineColor(Palette.seriesColor(s));
      line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
    return ChartStyle.render(chart);
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

  /** The axis ranges {xMin, xMax, yMin, yMax}, for tests. */
  double[] ranges() {
    return new double[] {xRange[0], xRange[1], yRange[0], yRange[1]};
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("LinePlot[");
    for (int s = 0; s < series.size(); s++) {
      text.append(s == 0 ? "" : ", ").append(series.get(s).name()).append(": ")
          .append(series.get(s).x().length).append(" points");
    }
    return text.append("]").toString();
  }

  /** Configures a {@link LinePlot}. */
  public static final class Builder extends ChartBuilder<Builder> {
    private final List<Series> series = new ArrayList<>();

    private Builder() {
      super("iteration", "");
    }

    /**
     * Adds a curve with {@code values[i]} at iteration {@code i}.
     *
     * @param name the legend text; not null
     * @param values y values, at least one; non-finite ones leave a gap; copied
     * @return this builder
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public Builder series(String name, double[] values) {
      Objects.requireNonNull(values, "values");
      return series(name, Series.indices(values.length), values);
    }

    /**
     * Adds a curve of float values at iterations 0, 1, 2, ...
     *
     * @param name the legend text; not null
     * @param values y values, at least one; non-finite ones leave a gap; copied
     * @return this builder
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public Builder series(String name, float[] values) {
      return series(name, Series.toDouble(values, "values"));
    }

    /**
     * Adds a curve at explicit iterations, for losses logged every k steps.
     *
     * @param name the legend text; not null
     * @param iterations finite x values, as many as {@code values}; copied
     * @param values y values, at least one; non-finite ones leave a gap; copied
     * @return this builder
     * @throws IllegalArgumentException if the lengths differ, there is no point, or an iteration
     *     is not finite
     */
    public Builder series(String name, double[] iterations, double[] values) {
      series.add(Series.of(name, iterations, values, true));
      return this;
    }

    /**
     * Returns the plot.
     *
     * @return the plot, ready to render
     * @throws IllegalArgumentException when there is no series, no finite value at all, or the
     *     size is unusable
     */
    public LinePlot build() {
      if (series.isEmpty()) {
        throw new IllegalArgumentException("a line plot needs at least one `series`");
      }
      ChartText text = text();
      double[] xRange = ChartStyle.fit(series.stream().map(Series::x).toList());
      double[] yRange;
      try {
        yRange = ChartStyle.fit(series.stream().map(Series::y).toList());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("every `values` entry of every series is non-finite");
      }
      return new LinePlot(series, text, xRange, yRange);
    }
  }
}
