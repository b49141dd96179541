package org.edward4j.spark.jobs;

import java.util.List;
import java.util.Locale;

/**
 * A test negative log-likelihood over a data set: the mean of every row's {@code -log p(x)}, its
 * standard error over the rows ({@code sd / sqrt(N)}: the spread of the rows' estimates, which
 * includes the importance sampling's own noise), and each partition's share.
 *
 * @param meanNll the mean of {@code -log p(x)} in nats
 * @param standardError its standard error over the rows (NaN for one row)
 * @param rows the number of rows
 * @param samples the importance samples per row {@code K}
 * @param partitions each partition's share, in partition order
 */
public record NllResult(double meanNll, double standardError, long rows, int samples, List<PartitionNll> partitions) {

  /**
   * Copies the list.
   *
   * @param meanNll the mean of {@code -log p(x)} in nats
   * @param standardError its standard error over the rows (NaN for one row)
   * @param rows the number of rows
   * @param samples the importance samples per row {@code K}
   * @param partitions each partition's share, in partition order
   */
  public NllResult {
    partitions = List.copyOf(partitions);
  }

  /**
   * Merges the partitions' means and squared deviations (Chan, Golub and LeVeque's pairwise update).
   *
   * @param parts the partitions
   * @param samples K
   * @return the result
   * @throws IllegalArgumentException if no partition holds a row
   */
  static NllResult merge(List<PartitionNll> parts, int samples) {
    long n = 0;
    double mean = 0;
    double m2 = 0;
    for (PartitionNll p : parts) {
      if (p.rows() == 0) {
        continue;
      }
      long total = n + p.rows();
      double delta = p.meanNll() - mean;
      mean += delta * p.rows() / total;
      m2 += p.m2() + delta * delta * n * p.rows() / total;
      n = total;
    }
    if (n == 0) {
      throw new IllegalArgumentException("`rows` must hold at least one row, got an empty data set");
    }
    double se = n > 1 ? Math.sqrt(m2 / (n - 1) / n) : Double.NaN;
    return new NllResult(mean, se, n, samples, parts);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "test NLL %.4f +- %.4f nats over %d rows (K=%d, %d partitions)", meanNll, standardError,
        rows, samples, partitions.size());
  }
}
