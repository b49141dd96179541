package org.edward4j.spark.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.edward4j.core.io.AtomicFiles;

/**
 * A sweep's table: one {@link SweepRow} per configuration, in the order given, failed ones
 * included with their error. Written as CSV ({@code index,config,status,error,seconds,<metrics>})
 * or JSON, each atomically (temporary file, fsync, rename).
 *
 * <pre>{@code
 * SweepResult<Config> result = HyperparameterSweep.of(score).run(sc, grid);
 * Optional<SweepRow<Config>> best = result.best("loss");
 * result.writeJson(Path.of("out/sweep.json"));
 * }</pre>
 *
 * @param rows every configuration's row, by index
 * @param <C> the configuration's type
 */
public record SweepResult<C extends Serializable>(List<SweepRow<C>> rows) {

  /**
   * Copies the rows.
   *
   * @param rows every configuration's row, by index
   */
  public SweepResult {
    rows = List.copyOf(rows);
  }

  /**
   * The rows that failed.
   *
   * @return them, by index
   */
  public List<SweepRow<C>> failures() {
    return rows.stream().filter(r -> !r.succeeded()).toList();
  }

  /**
   * The metric names over every row, in the order first seen.
   *
   * @return the names
   */
  public List<String> metricNames() {
    Set<String> names = new LinkedHashSet<>();
    rows.forEach(r -> names.addAll(r.metrics().keySet()));
    return new ArrayList<>(names);
  }

  /**
   * The successful row with the smallest finite value of a metric.
   *
   * @param metric the metric to minimize
   * @return the row, or empty when no row has a finite value of it
   */
  public Optional<SweepRow<C>> best(String metric) {
    return rows.stream().filter(r -> r.metric(metric).filter(Double::isFinite).isPresent())
        .min(Comparator.comparingDouble(r -> r.metrics().get(metric)));
  }

  /**
   * Writes the table as CSV, atomically.
   *
   * @param file the target, replaced if present
   * @return {@code file}
   * @throws IOException when writing fails; the target is then unchanged
   */
  public Path writeCsv(Path file) throws IOException {
    List<String> metrics = metricNames();
    StringBuilder sb = new StringBuilder("index,config,status,error,seconds");
    metrics.forEach(m -> sb.append(',').append(quote(m)));
    sb.append('\n');
    for (SweepRow<C> r : rows) {
      sb.append(r.index()).append(',').append(quote(String.valueOf(r.config()))).append(',')
          .append(r.succeeded() ? "ok" : "failed").append(',').append(r.succeeded() ? "" : quote(r.error())).append(',')
          .append(String.format(Locale.ROOT, "%.3f", r.seconds()));
      for (String m : metrics) {
        sb.append(',').append(r.metric(m).map(String::valueOf).orElse(""));
      }
      sb.append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    return AtomicFiles.write(file, out -> out.write(bytes));
  }

  /**
   * Writes the table as a JSON array of {@code {index, config, status, error, seconds, metrics}}
   * objects, atomically; non-finite metrics are written as strings ({@code "NaN"}).
   *
   * @param file the target, replaced if present
   * @return {@code file}
   * @throws IOException when writing fails; the target is then unchanged
   */
  public Path writeJson(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (SweepRow<C> r : rows) {
      ObjectNode o = array.addObject();
      o.put("index", r.index());
      o.put("config", String.valueOf(r.config()));
      o.put("status", r.succeeded() ? "ok" : "failed");
      if (r.succeeded()) {
        o.putNull("error");
      } else {
        o.put("error", r.error());
      }
      o.put("seconds", r.seconds());
      ObjectNode m = o.putObject("metrics");
      r.metrics().forEach((k, v) -> {
        if (Double.isFinite(v)) {
          m.put(k, v);
        } else {
          m.put(k, String.valueOf(v));
        }
      });
    }
    byte[] bytes = mapper.writeValueAsBytes(array);
    return AtomicFiles.write(file, out -> out.write(bytes));
  }

  /** A CSV field, quoted when it holds a comma, a quote or a line break. */
  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(rows.size()).append(" configurations, ").append(failures().size())
        .append(" failed");
    rows.forEach(r -> sb.append('\n').append(r));
    return sb.toString();
  }
}
