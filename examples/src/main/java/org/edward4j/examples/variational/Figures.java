package org.edward4j.examples.variational;

import java.util.Locale;

/** The vectors the scripts print and compare: formatting as NumPy prints them, and distances. */
final class Figures {

  private Figures() {}

  /** {@code values} as NumPy prints a vector, four decimals. */
  static String format(double[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", values[i]));
    }
    return sb.append(']').toString();
  }

  /** {@code max_i |a_i - b_i|}. */
  static double maxAbsDifference(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of lengths " + a.length + " and " + b.length);
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  /** Pearson's correlation of two equally long vectors. */
  static double correlation(double[] a, double[] b) {
    if (a.length != b.length || a.length < 2) {
      throw new IllegalArgumentException("vectors of lengths " + a.length + " and " + b.length);
    }
    double ma = mean(a);
    double mb = mean(b);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  /** The arithmetic mean. */
  static double mean(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += v;
    }
    return sum / a.length;
  }

  /** Float values widened to doubles. */
  static double[] toDoubles(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }
}
