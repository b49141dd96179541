package org.edward4j.examples;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Whether two training paths give the same quality within noise, for one metric. Noise is the
 * spread across seeds: each path was trained once per seed, and the difference of the two means is
 * compared with its standard error from the pooled seed-to-seed standard deviation (Student's
 * two-sample t-test with equal variances, {@code 2n - 2} degrees of freedom). "Within noise" means
 * the test does not reject equality at the 5% level, two-sided: {@code |t| <= t(0.975, 2n - 2)}.
 * Seed-to-seed spread includes everything that differs between trainings (initial weights, noise
 * draws, data order) and the measurement's own sampling noise, which the 10-split standard
 * deviation shows alone.
 *
 * @param metric the metric's name
 * @param baseline the first path's values, one per seed
 * @param candidate the second path's values, one per seed, as many as {@code baseline}
 * @param meanBaseline the mean of {@code baseline}
 * @param meanCandidate the mean of {@code candidate}
 * @param pooledSd the pooled seed-to-seed standard deviation (n - 1 denominators)
 * @param standardError the difference's standard error, {@code pooledSd * sqrt(2 / n)}
 * @param t the difference over its standard error (0 when both are 0)
 * @param critical the two-sided 5% point of Student's t with {@code 2n - 2} degrees of freedom
 */
record ParityVerdict(String metric, double[] baseline, double[] candidate, double meanBaseline, double meanCandidate,
    double pooledSd, double standardError, double t, double critical) {

  /** The two-sided level of the test. */
  static final double LEVEL = 0.05;

  /**
   * Compares two paths' values.
   *
   * @param metric the metric's name
   * @param baseline one value per seed, at least 2
   * @param candidate one value per seed, as many as {@code baseline}
   * @return the verdict
   * @throws IllegalArgumentException for fewer than 2 seeds, unequal counts or non-finite values
   */
  static ParityVerdict of(String metric, List<Double> baseline, List<Double> candidate) {
    int n = baseline.size();
    if (n < 2) {
      throw new IllegalArgumentException("`baseline` must hold at least 2 values (seeds) to estimate the spread, got " + n);
    }
    if (candidate.size() != n) {
      throw new IllegalArgumentException("`candidate` must hold as many values as `baseline` (" + n + "), got "
          + candidate.size());
    }
    double[] a = values("baseline", baseline);
    double[] b = values("candidate", candidate);
    double ma = mean(a);
    double mb = mean(b);
    double pooled = Math.sqrt((sumOfSquares(a, ma) + sumOfSquares(b, mb)) / (2.0 * n - 2));
    double se = pooled * Math.sqrt(2.0 / n);
    double diff = mb - ma;
    double t = diff == 0 ? 0 : diff / se;
    double critical = new TDistribution(2.0 * n - 2).inverseCumulativeProbability(1 - LEVEL / 2);
    return new ParityVerdict(metric, a, b, ma, mb, pooled, se, t, critical);
  }

  /** Whether the difference is within noise: the t-test does not reject equality at 5%. */
  boolean withinNoise() {
    return Math.abs(t) <= critical;
  }

  /** The candidate's mean minus the baseline's. */
  double difference() {
    return meanCandidate - meanBaseline;
  }

  private static double[] values(String name, List<Double> list) {
    double[] v = new double[list.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = list.get(i);
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("`" + name + "` must hold finite values, got " + v[i] + " at " + i);
      }
    }
    return v;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double sumOfSquares(double[] v, double mean) {
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: single %.3f, spark %.3f, difference %+.3f; seed-to-seed sd %.3f, standard"
            + " error %.3f, t = %+.2f against +-%.2f (5%%, %d df): %s", metric, meanBaseline, meanCandidate, difference(),
        pooledSd, standardError, t, critical, 2 * baseline.length - 2,
        withinNoise() ? "within noise" : "NOT within noise");
  }
}
