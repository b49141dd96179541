package org.edward4j.criticisms.diagnostics;

import java.util.Arrays;
import java.util.Comparator;
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
    Integer[] order = new Integer[s];
    for (int i = 0; i < s; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> pooled[i]));
    double[] z = new double[s];
    int i = 0;
    while (i < s) {
      int j = i;
      while (j + 1 < s && pooled[order[j + 1]] == pooled[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      double p = (rank - 0.375) / (s + 0.25);
      double score = Math.sqrt(2) * Erf.erfInv(2 * p - 1);
      for (int k = i; k <= j; k++) {
        z[order[k]] = score;
      }
      i = j + 1;
    }
    return Chains.unpooled(z, chains.length);
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
