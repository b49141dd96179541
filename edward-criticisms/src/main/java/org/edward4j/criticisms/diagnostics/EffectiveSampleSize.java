package org.edward4j.criticisms.diagnostics;

/**
 * The effective sample size of MCMC draws: how many independent draws would estimate the mean as
 * precisely, {@code S / tau} with {@code S} the number of draws and {@code tau = 1 + 2 sum_t
 * rho(t)} the integrated autocorrelation time.
 *
 * <p>The sum is truncated with Geyer's initial positive sequence and made monotone with his initial
 * monotone sequence (C. J. Geyer, Practical Markov chain Monte Carlo, Statistical Science 7, 1992),
 * and over several chains the autocorrelations are combined with the between-chain variance as in
 * Stan (A. Gelman et al., Bayesian Data Analysis, 3rd ed., section 11.5; Stan Reference Manual,
 * "Effective sample size"): {@code rho(t) = 1 - (W - mean_m acov_m(t)) / var+}. As Stan does,
 * {@code tau} is kept at least {@code 1 / log10(S)}, which bounds the estimate for antithetic
 * chains. {@link #bulk} and {@link #tail} are the rank-normalized versions of A. Vehtari et al.
 * (Bayesian Analysis 16, 2021) that Stan's summaries report.
 *
 * <p>Constant draws have no defined effective sample size: the result is NaN.
 *
 * <pre>{@code
 * double[][] chains = {{0.1, 0.4, 0.3, 0.9, 0.5, 0.2}, {0.3, 0.2, 0.6, 0.8, 0.1, 0.4}};
 * double ess = EffectiveSampleSize.of(chains);
 * double bulk = EffectiveSampleSize.bulk(chains);
 * }</pre>
 */
public final class EffectiveSampleSize {

  private EffectiveSampleSize() {}

  /**
   * The effective sample size of one chain.
   *
   * @param chain the draws, finite, at least four
   * @return the estimate, in {@code (0, n log10(n)]}; NaN for constant draws
   * @throws IllegalArgumentException for null, fewer than four or non-finite draws
   */
  public static double of(double[] chain) {
    return of(new double[][] {chain});
  }

  /**
   * The effective sample size of several chains as given (not split).
   *
   * @param chains {@code double[chains][draws]}, rectangular, finite, at least four draws each
   * @return the estimate over all draws; NaN for constant draws
   * @throws IllegalArgumentException for a ragged, empty or non-finite array or short chains
   */
  public static double of(double[][] chains) {
    Chains.check("chains", chains, 4);
    return geyer(chains);
  }

  /**
   * The effective sample size of the chains cut in halves, which also counts a trend within a
   * chain against it; Stan's estimate for the Monte Carlo standard error of the mean.
   *
   * @param chains {@code double[chains][draws]}, rectangular, finite, at least four draws each
   * @return the estimate; NaN for constant draws
   * @throws IllegalArgumentException for bad draws, as {@link #of(double[][])}
   */
  public static double ofSplit(double[][] chains) {
    Chains.check("chains", chains, 4);
    return geyer(Chains.split(chains));
  }

  /**
   * The bulk effective sample size: of the rank-normalized split chains (Vehtari et al. 2021),
   * robust to heavy tails.
   *
   * @param chains {@code double[chains][draws]}, rectangular, finite, at least four draws each
   * @return the estimate; NaN for constant draws
   * @throws IllegalArgumentException for bad draws, as {@link #of(double[][])}
   */
  public static double bulk(double[][] chains) {
    Chains.check("chains", chains, 4);
    return geyer(RankNormalization.zScale(Chains.split(chains)));
  }

  /**
   * The tail effective sample size: the smaller of those of the indicators of the draws below the
   * 5% and below the 95% quantile, on split chains (Vehtari et al. 2021): how well the central 90%
   * interval is estimated.
   *
   * @param chains {@code double[chains][draws]}, rectangular, finite, at least four draws each
   * @return the estimate; NaN when an indicator is constant
   * @throws IllegalArgumentException for bad draws, as {@link #of(double[][])}
   */
  public static double tail(double[][] chains) {
    Chains.check("chains", chains, 4);
    double[] pooled = Chains.pooled(chains);
    double q05 = Quantiles.of(pooled, 0.05);
    double q95 = Quantiles.of(pooled, 0.95);
    double low = geyer(Chains.split(indicator(chains, q05)));
    double high = geyer(Chains.split(indicator(chains, q95)));
    return Math.min(low, high);
  }

  private static double[][] indicator(double[][] chains, double q) {
    double[][] out = new double[chains.length][chains[0].length];
    for (int m = 0; m < chains.length; m++) {
      for (int i = 0; i < chains[m].length; i++) {
        out[m][i] = chains[m][i] <= q ? 1 : 0;
      }
    }
    return out;
  }

  /** Stan's multi-chain estimator over checked chains. */
  static double geyer(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    double[][] acov = new double[m][];
    double[] means = new double[m];
    double meanVar = 0;
    for (int c = 0; c < m; c++) {
      acov[c] = Autocorrelation.autocovariance(chains[c]);
      means[c] = Chains.mean(chains[c]);
      meanVar += acov[c][0] * n / (n - 1.0) / m;
    }
    double varPlus = meanVar * (n - 1.0) / n;
    if (m > 1) {
      varPlus += Chains.variance(means);
    }
    if (!(varPlus > 0)) {
      return Double.NaN;
    }
    double[] rho = new double[n];
    double even = 1;
    double odd = 1 - (meanVar - meanAt(acov, 1)) / varPlus;
    rho[0] = even;
    rho[1] = odd;
    // Initial positive sequence: sum pairs of lags while the pair sums stay positive.
    int t = 0;
    while (t < n - 5 && !Double.isNaN(even + odd) && even + odd > 0) {
      t += 2;
      even = 1 - (meanVar - meanAt(acov, t)) / varPlus;
      odd = 1 - (meanVar - meanAt(acov, t + 1)) / varPlus;
      if (even + odd >= 0) {
        rho[t] = even;
        rho[t + 1] = odd;
      }
    }
    int maxT = t;
    if (even > 0) {
      rho[maxT] = even;
    }
    // Initial monotone sequence: pair sums may not increase.
    t = 0;
    while (t <= maxT - 4) {
      t += 2;
      if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
        rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
        rho[t + 1] = rho[t];
      }
    }
    double sum = 0;
    for (int k = 0; k < maxT; k++) {
      sum += rho[k];
    }
    double s = (double) m * n;
    double tau = Math.max(-1 + 2 * sum + rho[maxT], 1 / Math.log10(s));
    return s / tau;
  }

  private static double meanAt(double[][] acov, int lag) {
    double s = 0;
    for (double[] a : acov) {
      s += a[lag];
    }
    return s / acov.length;
  }
}
