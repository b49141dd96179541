package org.edward4j.plots;

import java.util.List;

/** Axis ranges: checked when given, fitted with padding when taken from the data. */
final class AxisRange {

  private AxisRange() {}

  /** Checks an explicit range; {@code name} is the builder method, for the message. */
  static double[] checked(double min, double max, String name) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
      throw new IllegalArgumentException(
          "`" + name + "` must be finite with min < max, got [" + min + ", " + max + "]");
    }
    return new double[] {min, max};
  }

  /** Fits the finite values of all arrays, padded by 5% each side. */
  static double[] fit(List<double[]> arrays) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] values : arrays) {
      double[] range = Series.finiteRange(values);
      if (range != null) {
        min = Math.min(min, range[0]);
        max = Math.max(max, range[1]);
      }
    }
    if (min > max) {
      throw new IllegalArgumentException("no finite value to plot");
    }
    return Ticks.padded(min, max);
  }
}
