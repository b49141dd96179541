package org.edward4j.criticisms.diagnostics;

/**
 * The potential scale reduction R-hat: how much the spread of the pooled draws exceeds the spread
 * within each chain. Near 1 when the chains mix; above about 1.01 means run longer.
 *
 * <p>Split R-hat (A. Gelman et al., Bayesian Data Analysis, 3rd ed., section 11.4): each chain is
 * cut in halves, then with {@code n} draws per half, {@code W} the mean within-half variance and
 * {@code B = n var(half means)}, {@code var+ = (n-1)/n W + B/n} and {@code R-hat = sqrt(var+ / W)}.
 * The rank-normalized R-hat of A. Vehtari et al. (Bayesian Analysis 16, 2021) is the larger of the
 * split R-hat of the rank-normalized draws (bulk) and of the rank-normalized folded draws {@code
 * |x - median|} (tails), which Stan reports.
 *
 * <pre>{@code
 * double[][] chains = {{0.1, 0.4, 0.3, 0.9, 0.5, 0.2}, {0.3, 0.2, 0.6, 0.8, 0.1, 0.4}};
 * double rhat = PotentialScaleReduction.split(chains);
 * double rankRhat = PotentialScaleReduction.rankNormalized(chains);
 * }</pre>
 */
public final class PotentialScaleReduction {

  private PotentialScaleReduction() {}

  /**
   * Split R-hat of BDA3.
   *
   * @param chains {@code double[chains][draws]}, rectangular, finite, at least four draws each (a
   *     single chain is fine: its halves are compared)
   * @return R-hat; NaN when every half is constant
   * @throws IllegalArgumentException for a ragged, empty or non-finite array or short chains
   */
  public static double split(double[][] chains) {
    Chains.check("chains", chains, 4);
    return basic(Chains.split(chains));
  }

  /**
   * Rank-normalized split R-hat of Vehtari et al. (2021): {@code max(bulk, tail)}.
   *
   * @param chains {@code double[chains][draws]}, rectangular, finite, at least four draws each
   * @return R-hat; NaN for constant draws
   * @throws IllegalArgumentException for bad draws, as {@link #split}
   */
  public static double rankNormalized(double[][] chains) {
    Chains.check("chains", chains, 4);
    double bulk = basic(RankNormalization.zScale(Chains.split(chains)));
    double tail = basic(RankNormalization.zScale(Chains.split(RankNormalization.fold(chains))));
    return Math.max(bulk, tail);
  }

  /** R-hat of the chains as given: {@code sqrt(((n-1)/n W + B/n) / W)}. */
  static double basic(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    double[] means = new double[m];
    double w = 0;
    for (int c = 0; c < m; c++) {
      means[c] = Chains.mean(chains[c]);
      w += Chains.variance(chains[c]) / m;
    }
    double bOverN = Chains.variance(means);
    if (!(w > 0)) {
      return Double.NaN;
    }
    return Math.sqrt(((n - 1.0) / n * w + bOverN) / w);
  }
}
