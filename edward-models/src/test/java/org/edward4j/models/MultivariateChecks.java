package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Statistical checks on vector-valued draws: Pearson's chi-square over joint outcomes, and sample
 * covariances against their true values with a tolerance from the sampling error of each product.
 */
final class MultivariateChecks {

  private MultivariateChecks() {}

  /**
   * Pearson's chi-square statistic of observed outcome counts against their probabilities must stay
   * under the chi-square quantile at {@code 1 - alpha} (asymptotic false-failure rate {@code
   * alpha}). Outcomes expected fewer than 5 times are pooled into one cell, as the approximation
   * needs; an outcome of probability 0 must never occur.
   */
  static void assertChiSquare(String what, Map<String, Integer> observed, Map<String, Double> probabilities, int n,
      double alpha) {
    for (String o : observed.keySet()) {
      assertTrue(probabilities.getOrDefault(o, 0.0) > 0, what + ": impossible outcome " + o + " was drawn");
    }
    double stat = 0;
    int cells = 0;
    double pooledExpected = 0;
    int pooledObserved = 0;
    for (Map.Entry<String, Double> e : probabilities.entrySet()) {
      double expected = n * e.getValue();
      int obs = observed.getOrDefault(e.getKey(), 0);
      if (expected < 5) {
        pooledExpected += expected;
        pooledObserved += obs;
      } else {
        stat += (obs - expected) * (obs - expected) / expected;
        cells++;
      }
    }
    if (pooledExpected > 0) {
      stat += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / Math.max(pooledExpected, 1e-12);
      cells++;
    }
    double bound = new ChiSquaredDistribution(Math.max(1, cells - 1)).inverseCumulativeProbability(1 - alpha);
    assertTrue(stat <= bound, what + ": chi-square " + stat + " over " + cells + " cells exceeds " + bound
        + " (alpha " + alpha + ")");
  }

  /**
   * The sample covariance of columns {@code i} and {@code j} of row-major {@code [n, k]} draws must
   * be within {@code z} standard errors of {@code expected}; the standard error is that of the mean
   * of {@code (x_i - m_i)(x_j - m_j)}, estimated from the draws.
   */
  static void assertCovariance(String what, float[] draws, int k, int i, int j, double expected, double z) {
    int n = draws.length / k;
    double mi = 0;
    double mj = 0;
    for (int r = 0; r < n; r++) {
      mi += draws[r * k + i];
      mj += draws[r * k + j];
    }
    mi /= n;
    mj /= n;
    double sum = 0;
    double sumSq = 0;
    for (int r = 0; r < n; r++) {
      double p = (draws[r * k + i] - mi) * (draws[r * k + j] - mj);
      sum += p;
      sumSq += p * p;
    }
    double cov = sum / n;
    double se = Math.sqrt(Math.max(sumSq / n - cov * cov, 0) / n);
    assertTrue(Math.abs(cov - expected) <= z * se + 1e-6,
        what + ": covariance(" + i + ", " + j + ") " + cov + ", expected " + expected + " +- " + z * se);
  }

  /** Column {@code j} of row-major {@code [n, k]} values. */
  static float[] column(float[] values, int k, int j) {
    float[] out = new float[values.length / k];
    for (int r = 0; r < out.length; r++) {
      out[r] = values[r * k + j];
    }
    return out;
  }
}
