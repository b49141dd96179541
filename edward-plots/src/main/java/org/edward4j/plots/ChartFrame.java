package org.edward4j.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts every chart shares: white canvas, plot area, axes with nice ticks, axis labels, a
 * title and a legend to the right of the plot, where it can never hide data.
 *
 * <p>Charts draw their data between {@link #begin()} and {@link #finish(Canvas)}, mapping
 * data to pixels with {@link #x(double)} and {@link #y(double)}.
 */
final class ChartFrame {

  /** How a legend entry shows its series. */
  enum Marker { POINT, LINE, BAR }

  /** One legend line. */
  record LegendEntry(String name, Color color, Marker marker) {

    /** Returns one line per series, in the {@link Palette} colour series {@code i} is drawn in. */
    static List<LegendEntry> forSeries(List<Series> series, Marker marker) {
      List<LegendEntry> legend = new ArrayList<>();
      for (int s = 0; s < series.size(); s++) {
        legend.add(new LegendEntry(series.get(s).name(), Palette.seriesColor(s), marker));
      }
      return legend;
    }
  }

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Color AXIS = new Color(0x333333);
  private static final Color GRID = new Color(0xE6E6E6);
  private static final int TICK = 5;
  private static final int LEGEND_SWATCH = 18;

  private final ChartText text;
  private final double xMin;
  private final double xMax;
  private final double yMin;
  private final double yMax;
  private final List<LegendEntry> legend;
  private final List<Double> xTicks;
  private final List<Double> yTicks;
  private final Rectangle plot;

  ChartFrame(ChartText text, double[] xRange, double[] yRange, List<LegendEntry> legend) {
    this.text = text;
    this.xMin = xRange[0];
    this.xMax = xRange[1];
    this.yMin = yRange[0];
    this.yMax = yRange[1];
    this.legend = List.copyOf(legend);
    FontMetrics metrics = metrics(FONT);
    int lineHeight = metrics.getHeight();
    this.yTicks = Ticks.between(yMin, yMax, 6);
    int yLabelWidth = 0;
    for (double tick : yTicks) {
      yLabelWidth = Math.max(yLabelWidth, metrics.stringWidth(Ticks.label(tick, yTicks)));
    }
    int left = 8 + (text.yLabel().isEmpty() ? 0 : lineHeight + 6) + yLabelWidth + TICK + 4;
    int legendWidth = 0;
    for (LegendEntry entry : legend) {
      legendWidth = Math.max(legendWidth, LEGEND_SWATCH + 6 + metrics.stringWidth(entry.name()));
    }
    int right = legend.isEmpty() ? 16 : legendWidth + 28;
    int top = text.title().isEmpty() ? 12 : metrics(TITLE_FONT).getHeight() + 14;
    int bottom = TICK + 4 + lineHeight + (text.xLabel().isEmpty() ? 0 : lineHeight + 4) + 8;
    this.plot = new Rectangle(left, top, text.width() - left - right, text.height() - top - bottom);
    if (plot.width < 40 || plot.height < 40) {
      throw new IllegalArgumentException(
          "`width` x `height` of " + text.width() + "x" + text.height()
              + " leaves no room to plot after axes, labels and legend");
    }
    this.xTicks = Ticks.between(xMin, xMax, Math.max(3, plot.width / 90));
  }

  /** Returns the plot area in pixels, inside the axes. */
  Rectangle plotArea() {
    return new Rectangle(plot);
  }

  /** Maps a data x to a pixel column (fractional). */
  double x(double value) {
    return plot.x + (value - xMin) / (xMax - xMin) * plot.width;
  }

  /** Maps a data y to a pixel row (fractional), larger values higher up. */
  double y(double value) {
    return plot.y + plot.height - (value - yMin) / (yMax - yMin) * plot.height;
  }

  /** Returns a white canvas with grid lines and a graphics clipped to the plot area. */
  Canvas begin() {
    BufferedImage image =
        new BufferedImage(text.width(), text.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, text.width(), text.height());
    g.setColor(GRID);
    for (double tick : xTicks) {
      int px = (int) Math.round(x(tick));
      g.drawLine(px, plot.y, px, plot.y + plot.height);
    }
    for (double tick : yTicks) {
      int py = (int) Math.round(y(tick));
      g.drawLine(plot.x, py, plot.x + plot.width, py);
    }
    g.setClip(plot);
    return new Canvas(image, g);
  }

  /** A canvas being drawn on. */
  record Canvas(BufferedImage image, Graphics2D graphics) {}

  /** Draws the frame, ticks, labels, title and legend over the data, and releases graphics. */
  BufferedImage finish(Canvas canvas) {
    Graphics2D g = canvas.graphics();
    g.setClip(null);
    g.setStroke(new BasicStroke(1f));
    g.setFont(FONT);
    FontMetrics metrics = g.getFontMetrics();
    g.setColor(AXIS);
    g.drawRect(plot.x, plot.y, plot.width, plot.height);
    int bottom = plot.y + plot.height;
    for (double tick : xTicks) {
      int px = (int) Math.round(x(tick));
      g.drawLine(px, bottom, px, bottom + TICK);
      String label = Ticks.label(tick, xTicks);
      g.drawString(
          label, px - metrics.stringWidth(label) / 2, bottom + TICK + 2 + metrics.getAscent());
    }
    for (double tick : yTicks) {
      int py = (int) Math.round(y(tick));
      g.drawLine(plot.x - TICK, py, plot.x, py);
      String label = Ticks.label(tick, yTicks);
      g.drawString(label, plot.x - TICK - 3 - metrics.stringWidth(label),
          py + metrics.getAscent() / 2 - 1);
    }
    if (!text.xLabel().isEmpty()) {
      g.drawString(text.xLabel(), plot.x + (plot.width - metrics.stringWidth(text.xLabel())) / 2,
          bottom + TICK + 4 + metrics.getHeight() + metrics.getAscent());
    }
    if (!text.yLabel().isEmpty()) {
      AffineTransform saved = g.getTransform();
      g.rotate(-Math.PI / 2);
      int along = plot.y + (plot.height + metrics.stringWidth(text.yLabel())) / 2;
      g.drawString(text.yLabel(), -along, 8 + metrics.getAscent());
      g.setTransform(saved);
    }
    if (!text.title().isEmpty()) {
      g.setFont(TITLE_FONT);
      FontMetrics titleMetrics = g.getFontMetrics();
      g.drawString(text.title(), (text.width() - titleMetrics.stringWidth(text.title())) / 2,
          8 + titleMetrics.getAscent());
      g.setFont(FONT);
    }
    drawLegend(g, metrics);
    g.dispose();
    return canvas.image();
  }

  private void drawLegend(Graphics2D g, FontMetrics metrics) {
    int left = plot.x + plot.width + 12;
    int row = plot.y + 4;
    for (LegendEntry entry : legend) {
      int middle = row + metrics.getHeight() / 2;
      g.setColor(entry.color());
      switch (entry.marker()) {
        case POINT -> g.fillOval(left + LEGEND_SWATCH / 2 - 4, middle - 4, 8, 8);
        case LINE -> {
          g.setStroke(new BasicStroke(2f));
          g.drawLine(left, middle, left + LEGEND_SWATCH, middle);
          g.setStroke(new BasicStroke(1f));
        }
        case BAR -> g.fillRect(left + 2, middle - 6, LEGEND_SWATCH - 4, 12);
      }
      g.setColor(AXIS);
      g.drawString(entry.name(), left + LEGEND_SWATCH + 6, middle + metrics.getAscent() / 2 - 1);
      row += metrics.getHeight() + 4;
    }
  }

  private static FontMetrics metrics(Font font) {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }
}
