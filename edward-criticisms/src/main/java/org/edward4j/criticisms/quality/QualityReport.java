package org.edward4j.criticisms.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.io.AtomicFiles;

/**
 * A table of quality figures for one trained example, printed for people and written as JSON so
 * runs can be compared.
 *
 * <p>Each row is a metric name (snake case, e.g. {@code classifier_score}), its value and a note;
 * settings (example, iterations, wall time, seed, ...) head the table. The JSON is one object,
 * {@code {"example": ..., "settings": {...}, "metrics": {"name": {"value": v, "note": "..."}}}},
 * with non-finite values written as {@code null}, serialized by Jackson from records.
 *
 * <pre>{@code
 * QualityReport report = QualityReport.builder("gan").setting("iterations", 15000)
 *     .metric("classifier_score", 8.7, "ceiling 9.9").build();
 * System.out.print(report.toTable());
 * report.writeJson(Path.of("out/quality/gan.json"));
 * }</pre>
 */
public final class QualityReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String example;
  private final Map<String, Object> settings;
  private final List<Row> metrics;

  private QualityReport(Builder b) {
    this.example = b.example;
    this.settings = new LinkedHashMap<>(b.settings);
    this.metrics = List.copyOf(b.metrics);
  }

  /**
   * A builder for the report of one example.
   *
   * @param example the example's name, e.g. {@code gan}
   * @return the builder
   */
  public static Builder builder(String example) {
    Objects.requireNonNull(example, "example");
    if (example.isBlank()) {
      throw new IllegalArgumentException("`example` must not be blank");
    }
    return new Builder(example);
  }

  /**
   * The example's name.
   *
   * @return e.g. {@code gan}
   */
  public String example() {
    return example;
  }

  /**
   * The metrics in order.
   *
   * @return the rows, unmodifiable
   */
  public List<Row> metrics() {
    return metrics;
  }

  /**
   * The value of one metric.
   *
   * @param name the metric's name
   * @return its value
   * @throws IllegalArgumentException naming the metrics present, if there is no such row
   */
  public double value(String name) {
    for (Row r : metrics) {
      if (r.name().equals(name)) {
        return r.value();
      }
    }
    throw new IllegalArgumentException("no metric `" + name + "` in this report; it has "
        + metrics.stream().map(Row::name).toList());
  }

  /**
   * The report as an aligned text table.
   *
   * @return the settings, then one line per metric
   */
  public String toTable() {
    StringBuilder sb = new StringBuilder("quality of `" + example + "`\n");
    settings.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-28s %s%n", k, v)));
    sb.append(String.format(Locale.ROOT, "  %-28s %12s  %s%n", "metric", "value", "note"));
    for (Row r : metrics) {
      sb.append(String.format(Locale.ROOT, "  %-28s %12.4f  %s%n", r.name(), r.value(), r.note()));
    }
    return sb.toString();
  }

  /**
   * The report as a JSON object.
   *
   * @return the object described above, indented, ending in a newline
   */
  public String toJson() {
    Map<String, Metric> rows = new LinkedHashMap<>();
    for (Row r : metrics) {
      rows.put(r.name(), new Metric(Double.isFinite(r.value()) ? r.value() : null, r.note()));
    }
    try {
      return JSON.writeValueAsString(new Document(example, settings, rows)) + "\n";
    } catch (IOException e) {
      // Records of strings, numbers and maps always serialize; this would be a bug here.
      throw new IllegalStateException("cannot serialize the quality report of " + example, e);
    }
  }

  /**
   * Writes {@link #toJson()} atomically.
   *
   * @param file the target; parent directories are created
   * @return {@code file}
   * @throws IOException when writing fails
   */
  public Path writeJson(Path file) throws IOException {
    byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
    return AtomicFiles.write(file, out -> out.write(bytes));
  }

  @Override
  public String toString() {
    return "QualityReport(" + example + ", " + metrics.size() + " metrics)";
  }

  /** The JSON document, serialized as it stands (record components in order). */
  private record Document(String example, Map<String, Object> settings, Map<String, Metric> metrics) {}

  /** One metric in the JSON: a non-finite value is {@code null}. */
  private record Metric(Double value, String note) {}

  /**
   * One metric.
   *
   * @param name snake-case name
   * @param value the figure
   * @param note how it was measured or what bounds it; may be empty
   */
  public record Row(String name, double value, String note) {
    /**
     * Checks the name and note are present.
     *
     * @param name not null
     * @param value any value
     * @param note not null
     */
    public Row {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(note, "note");
    }
  }

  /** Builds a {@link QualityReport}. */
  public static final class Builder {
    private final String example;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<Row> metrics = new ArrayList<>();

    private Builder(String example) {
      this.example = example;
    }

    /**
     * Adds a setting shown above the metrics.
     *
     * @param name e.g. {@code iterations}
     * @param value a number or text
     * @return this
     */
    public Builder setting(String name, Object value) {
      settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, () -> "value of " + name));
      return this;
    }

    /**
     * Adds a metric row.
     *
     * @param name snake-case name, e.g. {@code frechet_distance}
     * @param value the figure (NaN when it could not be measured)
     * @param note how it was measured; may be empty
     * @return this
     */
    public Builder metric(String name, double value, String note) {
      metrics.add(new Row(name, value, note));
      return this;
    }

    /**
     * The report.
     *
     * @return the report, with the settings and rows added so far
     */
    public QualityReport build() {
      return new QualityReport(this);
    }
  }
}
