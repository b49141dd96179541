package org.edward4j.plots;

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
 * Points of one or more named series, each in its {@linkplain Palette#seriesColor(int) own
 * colour}, with axes, a legend and a title; for instance real against generated samples of a GAN
 * trained on a 2-D mixture of Gaussians. Later series are drawn over earlier ones.
 *
 * <pre>{@code
 * double[] realX = {0.1, 1.9}, realY = {0.0, 2.1};
 * float[] generated = {0.2f, 0.1f, 2.0f, 1.8f};   // [n, 2] row-major, as a sampler returns it
 * ScatterPlot.builder()
 *     .title("GAN on a mixture of Gaussians")
 *     .series("real", realX, realY)
 *     .series("generated", generated)
 *     .build()
 *     .writePng(Path.of("mixture.png"));
 * }</pre>
 */
public final class ScatterPlot {

  static {
    PngOutput.ensureHeadless();
  }

  private final List<Series> series;
  private final int pointRadius;
  private final ChartText text;
  private final double[] xRange;
  private final double[] yRange;

  private ScatterPlot(Builder b, ChartText text, double[] xRange, double[] yRange) {
    this.series = List.copyOf(b.series);
    this.pointRadius = b.pointRadius;
    this.text = text;
    this.xRange = xRange;
    this.yRange = yRange;
  }

  /**
   * Returns a builder for a 640x480 picture with 3-pixel points.
   *
   * @return a new builder with no series yet and axes fitted to the data
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
    chart.getStyler().setMarkerSize(2 * pointRadius);
    for (int s = 0; s < series.size(); s++) {
      Series points = series.get(s);
      XYSeries dots = chart.addSeries(points.name(), points.x(), points.y());
      dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      dots.setMarker(SeriesMarkers.CIRCLE);
      dots.setMarkerColor(Palette.seriesColor(s));
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
    StringBuilder text = new StringBuilder("ScatterPlot[");
    for (Series s : series) {
      text.append(s.name()).append(": ").append(s.x().length).append(" points, ");
    }
    return text.append(this.text.width()).append("x").append(this.text.height()).append(" px]").toString();
  }

  /** Configures a {@link ScatterPlot}. */
  public static final class Builder extends ChartBuilder<Builder> {
    private final List<Series> series = new ArrayList<>();
    private int pointRadius = 3;
    private double[] xRange;
    private double[] yRange;

    private Builder() {
      super("", "");
    }

    /**
     * Adds a series from separate coordinate arrays of equal length.
     *
     * @param name the legend text; not null
     * @param x finite x coordinates, at least one; copied
     * @param y finite y coordinates, as many as {@code x}; copied
     * @return this builder
     * @throws IllegalArgumentException if the lengths differ, there is no point, or a coordinate
     *     is not finite
     */
    public Builder series(String name, double[] x, double[] y) {
      series.add(Series.of(name, x, y, false));
      return this;
    }

    /**
     * Adds a series from separate float coordinate arrays of equal length.
     *
     * @param name the legend text; not null
     * @param x finite x coordinates, at least one; copied
     * @param y finite y coordinates, as many as {@code x}; copied
     * @return this builder
     * @throws IllegalArgumentException if the lengths differ, there is no point, or a coordinate
     *     is not finite
     */
    public Builder series(String name, float[] x, float[] y) {
      return series(name, Series.toDouble(x, "x"), Series.toDouble(y, "y"));
    }

    /**
     * Adds a series from interleaved coordinates {@code x0, y0, x1, y1, ...}: an [n, 2] array.
     *
     * @param name the legend text; not null
     * @param xy {@code 2 * n} finite values, {@code n >= 1}, row-major as a sampler returns them;
     *     copied
     * @return this builder
     * @throws IllegalArgumentException if the length is odd or zero, or a coordinate is not finite
     */
    public Builder series(String name, float[] xy) {
      Objects.requireNonNull(xy, "xy");
      if (xy.length % 2 != 0) {
        throw new IllegalArgumentException(
            "`xy` of series \"" + name + "\" must hold (x, y) pairs, got odd length " + xy.length);
      }
      double[] x = new double[xy.length / 2];
      double[] y = new double[xy.length / 2];
      for (int i = 0; i < x.length; i++) {
        x[i] = xy[2 * i];
        y[i] = xy[2 * i + 1];
      }
      return series(name, x, y);
    }

    /**
     * Sets the point radius in pixels, in [1, 20]; default 3.
     *
     * @param radius in [1, 20] pixels
     * @return this builder
     * @throws IllegalArgumentException if {@code radius} is out of range
     */
    public Builder pointRadius(int radius) {
      if (radius < 1 || radius > 20) {
        throw new IllegalArgumentException("`radius` must be in [1, 20] pixels, got " + radius);
      }
      this.pointRadius = radius;
      return this;
    }

    /**
     * Fixes the x axis range instead of fitting the data; points outside are not drawn.
     *
     * @param min the left end, finite
     * @param max the right end, finite and above {@code min}
     * @return this builder
     * @throws IllegalArgumentException if an end is not finite or {@code min >= max}
     */
    public Builder xRange(double min, double max) {
      this.xRange = ChartStyle.checked(min, max, "xRange");
      return this;
    }

    /**
     * Fixes the y axis range instead of fitting the data; points outside are not drawn.
     *
     * @param min the bottom end, finite
     * @param max the top end, finite and above {@code min}
     * @return this builder
     * @throws IllegalArgumentException if an end is not finite or {@code min >= max}
     */
    public Builder yRange(double min, double max) {
      this.yRange = ChartStyle.checked(min, max, "yRange");
      return this;
    }

    /**
     * Returns the plot.
     *
     * @return the plot, ready to render
     * @throws IllegalArgumentException when there is no series or the size is unusable
     */
    public ScatterPlot build() {
      if (series.isEmpty()) {
        throw new IllegalArgumentException("a scatter plot needs at least one `series`");
      }
      ChartText text = text();
      double[] x = xRange != null ? xRange : ChartStyle.fit(series.stream().map(Series::x).toList());
      double[] y = yRange != null ? yRange : ChartStyle.fit(series.stream().map(Series::y).toList());
      return new ScatterPlot(this, text, x, y);
    }
  }
}
