package org.edward4j.criticisms.diagnostics;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * Rank normalization and folding of Vehtari et al. (2021): draws replaced by the normal scores of
 * their ranks over all chains, so R-hat and the effective sample size work for heavy tails too.
 */
final class RankNormalization {

  private RankNormalization() {}

  /**
   * {@code z = Phi^-1((r - 3/8) / (S + 1/4))} with {@code r} the rank of each draw among all
   * {@code S} draws (ties get their average rank; Blom's offsets).
   */
  static double[][] zScale(double[][] chains) {
    double[] pooled = Chains.pooled(chains);
    int s = pooled.length;
    // Ranks by binary search in a sorted copy (primitive sort, no boxing): a value's tied draws
    // occupy positions [first, last], so its average 1-based rank is (first + last) / 2 + 1.
    double[] sorted = pooled.clone();
    Arrays.sort(sorted);
    double[] z = new double[s];
    for (int i = 0; i < s; i++) {
      int first = lowerBound(sorted, pooled[i]);
      int last = lowerBound(sorted, Math.nextUp(pooled[i])) - 1;
      double rank = (first + last) / 2.0 + 1;
      double p = (rank - 0.375) / (s + 0.25);
      z[i] = Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }
    return Chains.unpooled(z, chains.length);
  }

  /** The first position in {@code sorted} holding a value {@code >= x}. */
  private static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** {@code |x - median|} over all draws: R-hat of the folded draws checks the chains' spreads agree. */
  static double[][] fold(double[][] chains) {
    double median = Quantiles.of(Chains.pooled(chains), 0.5);
    double[][] out = new double[chains.length][];
    for (int m = 0; m < chains.length; m++) {
      out[m] = new double[chains[m].length];
      for (int i = 0; i < chains[m].length; i++) {
        out[m][i] = Math.abs(chains[m][i] - median);
      }
    }
    return out;
  }
}
