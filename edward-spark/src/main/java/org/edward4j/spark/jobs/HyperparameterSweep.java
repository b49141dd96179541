package org.edward4j.spark.jobs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * A hyperparameter sweep on Spark: one configuration per task, each evaluated by a user's {@link
 * SweepFunction}, the metrics collected into a {@link SweepResult} table (written as CSV or JSON,
 * atomically).
 *
 * <p>A configuration that throws is never dropped. Under {@link OnFailure#RECORD} (the default)
 * its row carries the configuration and the error, and the other configurations' results stand:
 * one diverging learning rate should not cost a sweep of hours. Under {@link OnFailure#FAIL} the
 * driver throws once every task has finished, naming each failed configuration. Either way the
 * exception is caught inside the task, so Spark does not retry a deterministic failure.
 *
 * <pre>{@code
 * List<Config> grid = List.of(new Config(0.1, 8), new Config(0.01, 8), new Config(0.1, 32));
 * SweepResult<Config> result = HyperparameterSweep.of(score).run(sc, grid);
 * result.writeCsv(Path.of("out/sweep.csv"));
 * }</pre>
 *
 * @param <C> the configuration's type
 */
public final class HyperparameterSweep<C extends Serializable> {

  /** What a configuration that throws does to the sweep. */
  public enum OnFailure {
    /** Record a row with the configuration and the error; the sweep succeeds. */
    RECORD,
    /** Throw on the driver, naming every failed configuration, after every task finished. */
    FAIL
  }

  private final SweepFunction<C> function;
  private final OnFailure onFailure;

  private HyperparameterSweep(SweepFunction<C> function, OnFailure onFailure) {
    this.function = function;
    this.onFailure = onFailure;
  }

  /**
   * A sweep that records failed configurations.
   *
   * @param function evaluates one configuration
   * @param <C> the configuration's type
   * @return the sweep
   * @throws IllegalArgumentException if {@code function} cannot be serialized
   */
  public static <C extends Serializable> HyperparameterSweep<C> of(SweepFunction<C> function) {
    return of(function, OnFailure.RECORD);
  }

  /**
   * A sweep with the given failure policy.
   *
   * @param function evaluates one configuration
   * @param onFailure what a configuration that throws does
   * @param <C> the configuration's type
   * @return the sweep
   * @throws IllegalArgumentException if {@code function} cannot be serialized
   */
  public static <C extends Serializable> HyperparameterSweep<C> of(SweepFunction<C> function, OnFailure onFailure) {
    SerializableCheck.require("function", function);
    return new HyperparameterSweep<>(function, Objects.requireNonNull(onFailure, "onFailure"));
  }

  /**
   * Evaluates every configuration, one Spark task each.
   *
   * @param sc the Spark context
   * @param configs the configurations, at least one, none null, each serializable
   * @return one row per configuration, in the list's order
   * @throws IllegalArgumentException for an empty list, a null or unserializable configuration
   * @throws IllegalStateException under {@link OnFailure#FAIL}, when a configuration failed
   */
  public SweepResult<C> run(JavaSparkContext sc, List<C> configs) {
    Objects.requireNonNull(sc, "sc");
    Objects.requireNonNull(configs, "configs");
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("`configs` must hold at least one configuration, got none");
    }
    List<Tuple2<Integer, C>> indexed = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      SerializableCheck.require("configs[" + i + "]", configs.get(i));
      indexed.add(new Tuple2<>(i, configs.get(i)));
    }
    SweepFunction<C> f = function;
    List<SweepRow<C>> rows = new ArrayList<>(sc.parallelize(indexed, configs.size()).map(t -> evaluate(f, t._1(), t._2())).collect());
    rows.sort(Comparator.comparingInt(SweepRow::index));
    SweepResult<C> result = new SweepResult<>(rows);
    if (onFailure == OnFailure.FAIL && !result.failures().isEmpty()) {
      StringBuilder sb = new StringBuilder().append(result.failures().size()).append(" of ").append(rows.size())
          .append(" configurations failed:");
      result.failures().forEach(r -> sb.append("\n  #").append(r.index()).append(' ').append(r.config()).append(": ").append(r.error()));
      throw new IllegalStateException(sb.toString());
    }
    return result;
  }

  private static <C extends Serializable> SweepRow<C> evaluate(SweepFunction<C> f, int index, C config) {
    long start = System.nanoTime();
    try {
      Map<String, Double> metrics = f.evaluate(config);
      if (metrics == null) {
        throw new IllegalStateException("the SweepFunction returned null metrics");
      }
      return new SweepRow<>(index, config, metrics, null, (System.nanoTime() - start) / 1e9);
    } catch (Exception e) {
      return new SweepRow<>(index, config, Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage(),
          (System.nanoTime() - start) / 1e9);
    }
  }

  @Override
  public String toString() {
    return "HyperparameterSweep(onFailure=" + onFailure + ")";
  }
}
