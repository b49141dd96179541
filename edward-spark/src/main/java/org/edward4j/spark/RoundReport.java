package org.edward4j.spark;

import java.util.Map;

/**
 * What one averaging round did and where its time went: the progress line of a Spark job.
 *
 * @param round the round's number, from 1
 * @param rounds the job's total rounds
 * @param replicas the replicas averaged (one per partition)
 * @param updates the updates made, summed over replicas
 * @param losses each loss averaged over every update of every replica
 * @param seconds the round's wall time on the driver, from the broadcast to the averaged state
 *     (the checkpoint not included)
 * @param dataSeconds reading the partition's examples (loading them in the first round, from
 *     Spark's cache after), mean per replica
 * @param buildSeconds graph and session building, mean per replica
 * @param trainSeconds the k updates, mean per replica
 * @param transferSeconds writing and reading the variables in TensorFlow, mean per replica
 * @param checkpointSeconds the driver's checkpoint after the round, 0 without a directory
 * @param bytesDown the serialized broadcast state times the replicas (an upper bound: each
 *     executor fetches it once)
 * @param bytesUp the serialized partial sums sent back, times the replicas
 */
public record RoundReport(
    long round,
    long rounds,
    long replicas,
    long updates,
    Map<String, Double> losses,
    double seconds,
    double dataSeconds,
    double buildSeconds,
    double trainSeconds,
    double transferSeconds,
    double checkpointSeconds,
    long bytesDown,
    long bytesUp) {

  /**
   * Copies the losses.
   *
   * @param round as described above
   * @param rounds as described above
   * @param replicas as described above
   * @param updates as described above
   * @param losses as described above
   * @param seconds as described above
   * @param dataSeconds as described above
   * @param buildSeconds as described above
   * @param trainSeconds as described above
   * @param transferSeconds as described above
   * @param checkpointSeconds as described above
   * @param bytesDown as described above
   * @param bytesUp as described above
   */
  public RoundReport {
    losses = Map.copyOf(losses);
  }

  /**
   * The share of the round's wall time not spent inside a replica's task: Spark's scheduling,
   * broadcast, serialization and aggregation (the replicas' mean task time is subtracted, so on
   * a cluster a straggler's wait counts here too).
   *
   * @return a fraction in [0, 1]
   */
  public double communicationShare() {
    double inTask = dataSeconds + buildSeconds + trainSeconds + transferSeconds;
    return seconds <= 0 ? 0 : Math.max(0, Math.min(1, 1 - inTask / seconds));
  }

  /**
   * The share of the round's wall time spent training.
   *
   * @return a fraction in [0, 1]
   */
  public double trainShare() {
    return seconds <= 0 ? 0 : Math.min(1, trainSeconds / seconds);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format("round %d/%d: %d updates on %d replicas", round, rounds, updates,
        replicas));
    new java.util.TreeMap<>(losses).forEach((k, v) -> sb.append(String.format(", %s %.4f", k, v)));
    return sb.append(String.format(", %.2f s (train %.0f%%, build %.2f s, data %.2f s, communication %.0f%%),"
            + " %.2f MB down, %.2f MB up, checkpoint %.2f s", seconds, 100 * trainShare(), buildSeconds, dataSeconds,
        100 * communicationShare(), bytesDown / 1e6, bytesUp / 1e6, checkpointSeconds)).toString();
  }
}
