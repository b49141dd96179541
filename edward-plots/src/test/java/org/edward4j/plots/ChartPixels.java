package org.edward4j.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Reads chart pixels at data coordinates, as RGB without alpha. */
final class ChartPixels {

  private ChartPixels() {}

  /** Returns the colour of the pixel containing the fractional pixel position. */
  static int rgbAt(BufferedImage image, double[] pixel) {
    return image.getRGB((int) Math.floor(pixel[0]), (int) Math.floor(pixel[1])) & 0xFFFFFF;
  }

  static int rgb(Color color) {
    return color.getRGB() & 0xFFFFFF;
  }
}
