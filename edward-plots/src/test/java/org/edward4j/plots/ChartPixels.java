package org.edward4j.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Reads chart pixels at data coordinates. The plot area is found in the picture itself, as the
 * bounding box of its background colour ({@link ChartStyle#PLOT_BACKGROUND}); the charts fix their
 * axis ranges and fill the plot area with them, so data map linearly onto that box.
 */
final class ChartPixels {

  private ChartPixels() {}

  /**
   * {left, top, right, bottom} of the plot area: the rows and columns mostly of its background
   * colour (grid lines and data cross it; small boxes elsewhere may share the colour).
   */
  static int[] plotArea(BufferedImage image) {
    int background = rgb(ChartStyle.PLOT_BACKGROUND);
    int w = image.getWidth();
    int h = image.getHeight();
    int[] perRow = new int[h];
    int[] perColumn = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == background) {
          perRow[y]++;
          perColumn[x]++;
        }
      }
    }
    int top = 0;
    while (top < h && perRow[top] < w / 8) {
      top++;
    }
    int bottom = h - 1;
    while (bottom > top && perRow[bottom] < w / 8) {
      bottom--;
    }
    int left = 0;
    while (left < w && perColumn[left] < (bottom - top) / 8) {
      left++;
    }
    int right = w - 1;
    while (right > left && perColumn[right] < (bottom - top) / 8) {
      right--;
    }
    if (top >= bottom || left >= right) {
      throw new AssertionError("no plot area in the picture");
    }
    return new int[] {left, top, right, bottom};
  }

  /** The pixel of data point (x, y), given the chart's {xMin, xMax, yMin, yMax}. */
  static int[] pixelOf(BufferedImage image, double[] ranges, double x, double y) {
    int[] area = plotArea(image);
    double px = area[0] + (x - ranges[0]) / (ranges[1] - ranges[0]) * (area[2] - area[0]);
    double py = area[3] - (y - ranges[2]) / (ranges[3] - ranges[2]) * (area[3] - area[1]);
    return new int[] {(int) Math.round(px), (int) Math.round(py)};
  }

  /**
   * Whether a pixel within {@code radius} of {@code at} has {@code color}, each channel within 24
   * levels: anti-aliased edges blend, the inside of a line or mark does not.
   */
  static boolean colorNear(BufferedImage image, int[] at, Color color, int radius) {
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        int x = at[0] + dx;
        int y = at[1] + dy;
        if (x >= 0 && y >= 0 && x < image.getWidth() && y < image.getHeight() && close(image.getRGB(x, y), color.getRGB())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 24) {
        return false;
      }
    }
    return true;
  }

  static int rgb(Color color) {
    return color.getRGB() & 0xFFFFFF;
  }
}
