package org.edward4j.criticisms.diagnostics;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row of an {@link McmcSummary}: the posterior summaries and convergence diagnostics of one
 * scalar quantity, computed from all its chains.
 *
 * @param name the quantity's name, e.g. {@code mu} or {@code beta[2]}
 * @param draws the number of draws over all chains
 * @param chains the number of chains
 * @param mean the mean of all draws
 * @param sd their standard deviation (denominator {@code S - 1})
 * @param mcseMean the Monte Carlo standard error of {@code mean}: {@code sd / sqrt(ESS)} with the
 *     effective sample size of the split chains
 * @param q5 the 5% quantile
 * @param q50 the median
 * @param q95 the 95% quantile
 * @param essBulk the bulk effective sample size (rank-normalized, Vehtari et al. 2021)
 * @param essTail the tail effective sample size (of the 5% and 95% quantile indicators)
 * @param rhat the rank-normalized split R-hat
 */
public record ParameterSummary(
    String name,
    int draws,
    int chains,
    double mean,
    double sd,
    double mcseMean,
    double q5,
    double q50,
    double q95,
    double essBulk,
    double essTail,
    double rhat) {

  /**
   * Checks the name and the counts.
   *
   * @param name the quantity's name
   * @param draws the number of draws over all chains, positive
   * @param chains the number of chains, positive
   * @param mean the mean of all draws
   * @param sd their standard deviation
   * @param mcseMean the Monte Carlo standard error of the mean
   * @param q5 the 5% quantile
   * @param q50 the median
   * @param q95 the 95% quantile
   * @param essBulk the bulk effective sample size
   * @param essTail the tail effective sample size
   * @param rhat the rank-normalized split R-hat
   * @throws IllegalArgumentException if a count is not positive
   */
  public ParameterSummary {
    Objects.requireNonNull(name, "name");
    if (draws < 1 || chains < 1) {
      throw new IllegalArgumentException(
          "`draws` and `chains` must be positive, got draws=" + draws + ", chains=" + chains);
    }
  }

  /**
   * Summarizes the draws of one quantity.
   *
   * @param name the quantity's name
   * @param chains {@code double[chains][draws]}, rectangular, finite, at least four draws each
   * @return the row
   * @throws IllegalArgumentException for a null name or bad draws (ragged, empty, non-finite,
   *     fewer than four per chain)
   */
  public static ParameterSummary of(String name, double[][] chains) {
    Objects.requireNonNull(name, "name");
    Chains.check(name, chains, 4);
    double[] pooled = Chains.pooled(chains);
    double sd = Math.sqrt(Chains.variance(pooled));
    double[] sorted = pooled.clone();
    Arrays.sort(sorted);
    return new ParameterSummary(
        name,
        pooled.length,
        chains.length,
        Chains.mean(pooled),
        sd,
        sd / Math.sqrt(EffectiveSampleSize.ofSplit(chains)),
        Quantiles.ofSorted(sorted, 0.05),
        Quantiles.ofSorted(sorted, 0.5),
        Quantiles.ofSorted(sorted, 0.95),
        EffectiveSampleSize.bulk(chains),
        EffectiveSampleSize.tail(chains),
        PotentialScaleReduction.rankNormalized(chains));
  }

  /**
   * Whether the chains look converged by Vehtari et al.'s (2021) rule of thumb: R-hat below 1.01
   * and bulk and tail effective sample sizes of at least 400 (100 per chain for four chains).
   *
   * @return {@code rhat < 1.01 && essBulk >= 400 && essTail >= 400}
   */
  public boolean looksConverged() {
    return rhat < 1.01 && essBulk >= 400 && essTail >= 400;
  }
}
