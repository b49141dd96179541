package org.edward4j.plots;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
  private final ChartFrame frame;

  private LinePlot(List<Series> series, ChartFrame frame) {
    this.series = List.copyOf(series);
    this.frame = frame;
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
    ChartFrame.Canvas canvas = frame.begin();
    Graphics2D g = canvas.graphics();
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int s = 0; s < series.size(); s++) {
      Series curve = series.get(s);
      Path2D.Double path = new Path2D.Double();
      boolean penDown = false;
      for (int i = 0; i < curve.x().length; i++) {
        double y = curve.y()[i];
        if (!Double.isFinite(y)) {
          penDown = false;
          continue;
        }
        if (penDown) {
          path.lineTo(frame.x(curve.x()[i]), frame.y(y));
        } else {
          path.moveTo(frame.x(curve.x()[i]), frame.y(y));
          penDown = true;
        }
      }
      g.setColor(Palette.seriesColor(s));
      g.draw(path);
    }
    return frame.finish(canvas);
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

  /** Maps data to pixel coordinates, for tests. */
  double[] pixelOf(double x, double y) {
    return new double[] {frame.x(x), frame.y(y)};
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
      List<double[]> xs = series.stream().map(Series::x).toList();
      List<double[]> ys = series.stream().map(Series::y).toList();
      List<ChartFrame.LegendEntry> legend =
          ChartFrame.LegendEntry.forSeries(series, ChartFrame.Marker.LINE);
      double[] xRange = AxisRange.fit(xs);
      double[] yRange;
      try {
        yRange = AxisRange.fit(ys);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("every `values` entry of every series is non-finite");
      }
      return new LinePlot(series, new ChartFrame(text, xRange, yRange, legend));
    }
  }
}
