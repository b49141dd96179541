package org.edward4j.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Statistical checks of samplers with stated false-failure rates, as TensorFlow Probability's
 * statistical testing does.
 *
 * <p>The Kolmogorov-Smirnov check uses the Dvoretzky-Kiefer-Wolfowitz inequality: for {@code n}
 * i.i.d. draws from a distribution with CDF {@code F}, {@code P(sup|F_n - F| > e) <= 2 exp(-2 n
 * e^2)}, so the bound {@code e = sqrt(ln(2 / alpha) / (2 n))} fails a correct sampler with
 * probability at most {@code alpha}, whatever {@code F}.
 */
public final class StatisticalAssertions {

  private StatisticalAssertions() {}

  /**
   * The DKW bound on the KS distance at false-failure rate {@code alpha}.
   *
   * @param n the number of draws
   * @param alpha the false-failure rate
   * @return the distance a correct sampler exceeds with probability at most {@code alpha}
   */
  public static double dkwBound(int n, double alpha) {
    return Math.sqrt(Math.log(2.0 / alpha) / (2.0 * n));
  }

  /**
   * The Kolmogorov-Smirnov distance between the empirical CDF of {@code samples} and {@code cdf}.
   *
   * @param samples the draws
   * @param cdf the reference CDF
   * @return {@code sup_x |F_n(x) - F(x)|}
   */
  public static double ksDistance(float[] samples, DoubleUnaryOperator cdf) {
    double[] xs = new double[samples.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = samples[i];
    }
    Arrays.sort(xs);
    int n = xs.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = cdf.applyAsDouble(xs[i]);
      d = Math.max(d, Math.max(Math.abs((i + 1.0) / n - f), Math.abs(f - (double) i / n)));
    }
    return d;
  }

  /**
   * Fails when the KS distance exceeds the DKW bound at {@code alpha}.
   *
   * @param what a description for the failure message
   * @param samples the draws (i.i.d.)
   * @param cdf the reference CDF
   * @param alpha the false-failure rate, e.g. {@code 1e-6}
   */
  public static void assertMatchesCdf(String what, float[] samples, DoubleUnaryOperator cdf, double alpha) {
    double d = ksDistance(samples, cdf);
    double bound = dkwBound(samples.length, alpha);
    if (!(d <= bound)) {
      fail(what + ": KS distance " + d + " exceeds the DKW bound " + bound + " at alpha=" + alpha
          + " over " + samples.length + " draws");
    }
  }

  /**
   * Fails when the sample mean is more than {@code z} standard errors from {@code mean}.
   *
   * @param what a description
   * @param samples the draws
   * @param mean the true mean
   * @param stddev the true standard deviation
   * @param z the number of standard errors allowed (5 gives a two-sided false-failure rate of
   *     about 6e-7 under the central limit theorem)
   */
  public static void assertMeanWithin(String what, float[] samples, double mean, double stddev, double z) {
    double sum = 0;
    for (float s : samples) {
      sum += s;
    }
    double m = sum / samples.length;
    double se = stddev / Math.sqrt(samples.length);
    if (!(Math.abs(m - mean) <= z * se)) {
      fail(what + ": sample mean " + m + " is more than " + z + " standard errors (" + se + ") from " + mean);
    }
  }
}
