package org.edward4j.plots;

import java.util.Objects;

/**
 * One named series of (x, y) points, checked and copied when a builder receives it.
 *
 * @param name shown in the legend
 * @param x x coordinates
 * @param y y coordinates, as many as {@code x}
 */
record Series(String name, double[] x, double[] y) {

  /**
   * Checks lengths and values, naming the offending argument and index.
   *
   * @param gapsAllowed whether non-finite {@code y} values are gaps (line plots) rather than
   *     errors
   */
  static Series of(String name, double[] x, double[] y, boolean gapsAllowed) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "`y` of series \"" + name + "\" must have length " + x.length + " to match `x`, got "
              + y.length);
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("series \"" + name + "\" must have at least one point");
    }
    requireFinite(x, "x", name);
    if (!gapsAllowed) {
      requireFinite(y, "y", name);
    }
    return new Series(name, x.clone(), y.clone());
  }

  static double[] toDouble(float[] values, String argument) {
    Objects.requireNonNull(values, argument);
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  static double[] indices(int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = i;
    }
    return out;
  }

  /** Returns {min, max} of the finite values, or null when there are none. */
  static double[] finiteRange(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return min > max ? null : new double[] {min, max};
  }

  private static void requireFinite(double[] values, String argument, String name) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "`" + argument + "` of series \"" + name + "\" must be finite, got " + values[i]
                + " at index " + i);
      }
    }
  }
}
