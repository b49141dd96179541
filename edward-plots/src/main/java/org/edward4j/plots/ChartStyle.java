package org.edward4j.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The look every chart shares, drawn by XChart: the title and axis labels of a {@link ChartText},
 * fixed axis ranges (so that a picture's scale is what the builder decided, and data map to the
 * plot area's edges exactly), a white plot with light grid lines, and the legend inside the plot.
 */
final class ChartStyle {

  /** The plot area's background; tests find the plot area by it. */
  static final Color PLOT_BACKGROUND = new Color(0xFDFDFD);

  private ChartStyle() {}

  /**
   * An empty chart with the words, size and axis ranges set.
   *
   * @param text title, labels and size, already checked
   * @param xRange {min, max} of the x axis
   * @param yRange {min, max} of the y axis
   * @return the chart, to which series are added
   */
  static XYChart chart(ChartText text, double[] xRange, double[] yRange) {
    XYChart chart = new XYChartBuilder().width(text.width()).height(text.height()).title(text.title())
        .xAxisTitle(text.xLabel()).yAxisTitle(text.yLabel()).build();
    var styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(PLOT_BACKGROUND);
    styler.setPlotGridLinesColor(new Color(0xE0E0E0));
    styler.setPlotBorderColor(Color.DARK_GRAY);
    styler.setPlotContentSize(1.0);
    styler.setChartTitleVisible(!text.title().isEmpty());
    styler.setChartTitleBoxVisible(false);
    styler.setLegendPosition(Styler.LegendPosition.InsideNE);
    styler.setLegendBorderColor(Color.LIGHT_GRAY);
    styler.setAntiAlias(true);
    styler.setXAxisMin(xRange[0]);
    styler.setXAxisMax(xRange[1]);
    styler.setYAxisMin(yRange[0]);
    styler.setYAxisMax(yRange[1]);
    return chart;
  }

  /** Renders a chart into a new RGB image of its size. */
  static BufferedImage render(XYChart chart) {
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * The range of the finite values of several arrays, widened by 5% on each side (and to a unit
   * around a single value), so that extreme points are not drawn on the frame.
   *
   * @param arrays the data
   * @return {min, max}
   * @throws IllegalArgumentException when no value is finite
   */
  static double[] fit(Iterable<double[]> arrays) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] a : arrays) {
      double[] r = Series.finiteRange(a);
      if (r != null) {
        min = Math.min(min, r[0]);
        max = Math.max(max, r[1]);
      }
    }
    if (min > max) {
      throw new IllegalArgumentException("no finite value to plot");
    }
    return padded(min, max);
  }

  /** {@code [min, max]} widened by 5% on each side, or by 0.5 (and 5% of the value) when they are equal. */
  static double[] padded(double min, double max) {
    if (min == max) {
      double half = 0.5 + Math.abs(min) * 0.05;
      return new double[] {min - half, max + half};
    }
    double pad = (max - min) * 0.05;
    return new double[] {min - pad, max + pad};
  }

  /**
   * Checks a range given by a user.
   *
   * @param min the low end
   * @param max the high end
   * @param name the argument, for the message
   * @return {min, max}
   */
  static double[] checked(double min, double max, String name) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
      throw new IllegalArgumentException("`" + name + "` must be finite with min < max, got [" + min + ", " + max + "]");
    }
    return new double[] {min, max};
  }
}
