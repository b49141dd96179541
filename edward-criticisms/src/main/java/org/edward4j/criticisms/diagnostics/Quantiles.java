package org.edward4j.criticisms.diagnostics;

import java.util.Arrays;

/** Sample quantiles by linear interpolation between order statistics (R's and NumPy's default). */
final class Quantiles {

  private Quantiles() {}

  /** The {@code p}-quantile of {@code x}: {@code x_(floor(h)) + frac(h) (x_(floor(h)+1) - x_(floor(h)))}, {@code h = (n-1) p}. */
  static double of(double[] x, double p) {
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    return ofSorted(sorted, p);
  }

  /** As {@link #of} on already sorted values. */
  static double ofSorted(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
