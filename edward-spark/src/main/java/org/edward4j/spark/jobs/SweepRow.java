package org.edward4j.spark.jobs;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration's outcome in a {@link SweepResult}: its metrics, or the error it failed with
 * (exception class and message), never silently dropped.
 *
 * @param index the configuration's position in the sweep's list
 * @param config the configuration
 * @param metrics its metrics, empty when it failed
 * @param error the failure, {@code "ExceptionClass: message"}, or null when it succeeded
 * @param seconds the evaluation's time
 * @param <C> the configuration's type
 * @serial exclude (sent between the driver and the executors of one job, not stored)
 */
public record SweepRow<C extends Serializable>(int index, C config, Map<String, Double> metrics, String error, double seconds)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Copies the metrics, keeping their order.
   *
   * @param index the configuration's position in the sweep's list
   * @param config the configuration
   * @param metrics its metrics, empty when it failed
   * @param error the failure, {@code "ExceptionClass: message"}, or null when it succeeded
   * @param seconds the evaluation's time
   */
  public SweepRow {
    Objects.requireNonNull(config, "config");
    metrics = new LinkedHashMap<>(Objects.requireNonNull(metrics, "metrics"));
  }

  /**
   * Whether the configuration was evaluated without an exception.
   *
   * @return true when {@link #error()} is null
   */
  public boolean succeeded() {
    return error == null;
  }

  /**
   * A metric's value.
   *
   * @param name the metric
   * @return its value, or empty when the row failed or has no such metric
   */
  public Optional<Double> metric(String name) {
    return Optional.ofNullable(metrics.get(name));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "#%d %s: %s (%.1f s)", index, config, succeeded() ? metrics : "FAILED " + error, seconds);
  }
}
