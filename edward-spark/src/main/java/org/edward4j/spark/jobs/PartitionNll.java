package org.edward4j.spark.jobs;

import java.io.Serializable;
import java.util.Locale;

/**
 * One partition's share of a test NLL: its rows, the mean of their {@code -log p(x)} and the sum of
 * squared deviations from it (Welford's {@code M2}, merged across partitions by Chan et al.'s
 * formula), and the task's time.
 *
 * @param partition the partition's index
 * @param rows the rows it holds
 * @param meanNll the mean of {@code -log p(x)} over them (0 for no rows)
 * @param m2 the sum of squared deviations from that mean
 * @param seconds the task's time
 * @serial exclude (sent between the driver and the executors of one job, not stored)
 */
public record PartitionNll(int partition, long rows, double meanNll, double m2, double seconds) implements Serializable {

  private static final long serialVersionUID = 1L;

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "partition %d: %d rows, mean NLL %.4f nats, %.1f s", partition, rows, meanNll, seconds);
  }
}
