package org.edward4j.plots;

import java.util.Objects;

/**
 * A chart's size and words, checked once for all chart types.
 *
 * @param title drawn above the plot; empty for none
 * @param xLabel drawn under the x axis; empty for none
 * @param yLabel drawn along the y axis; empty for none
 * @param width picture width in pixels
 * @param height picture height in pixels
 */
record ChartText(String title, String xLabel, String yLabel, int width, int height) {

  /** Largest side accepted: 8192 px keeps a picture under 256 MB of RGB pixels. */
  static final int MAX_SIDE = 8192;

  /** Smallest picture that leaves room for axes, labels and a plot. */
  static final int MIN_WIDTH = 160;
  static final int MIN_HEIGHT = 120;

  ChartText {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException(
          "`width` and `height` must be in [1, " + MAX_SIDE + "] pixels, got " + width + "x"
              + height);
    }
    if (width < MIN_WIDTH || height < MIN_HEIGHT) {
      throw new IllegalArgumentException("`width` x `height` of " + width + "x" + height
          + " leaves no room to plot; use at least " + MIN_WIDTH + "x" + MIN_HEIGHT);
    }
  }
}
