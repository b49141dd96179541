package org.edward4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads back what {@code QualityReport.toJson()} writes: {@code {"example": ..., "settings":
 * {...}, "metrics": {"name": {"value": v, "note": "..."}}}}, with Jackson, the library that writes
 * it.
 *
 * @param example the example's name
 * @param settings the run's settings: numbers as {@code Double}, text as {@code String}, booleans as
 *     {@code Boolean}
 * @param metrics each metric's value ({@code NaN} where the report wrote {@code null})
 * @param notes each metric's note
 */
record QualityReportJson(String example, Map<String, Object> settings, Map<String, Double> metrics,
    Map<String, String> notes) {

  /** Text after the object is an error, as in the report's own format. */
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Parses a report.
   *
   * @param json the report's text
   * @return the report
   * @throws IllegalArgumentException naming the offset of malformed JSON or a missing field
   */
  static QualityReportJson parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      throw new IllegalArgumentException("report JSON is malformed at offset " + offset + ": " + e.getOriginalMessage(), e);
    }
    JsonNode top = object(root, "report");
    JsonNode example = top.get("example");
    if (example == null || !example.isTextual()) {
      throw new IllegalArgumentException("report JSON must have a string `example`, got " + example);
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    if (top.has("settings")) {
      object(top.get("settings"), "settings").fields().forEachRemaining(e -> settings.put(e.getKey(), scalar(e.getValue())));
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    if (top.has("metrics")) {
      object(top.get("metrics"), "metrics").fields().forEachRemaining(e -> {
        JsonNode row = object(e.getValue(), "metric " + e.getKey());
        JsonNode value = row.path("value");
        metrics.put(e.getKey(), value.isNumber() ? value.doubleValue() : Double.NaN);
        notes.put(e.getKey(), row.path("note").isTextual() ? row.get("note").textValue() : "");
      });
    }
    return new QualityReportJson(example.textValue(), Collections.unmodifiableMap(settings),
        Collections.unmodifiableMap(metrics), Collections.unmodifiableMap(notes));
  }

  private static JsonNode object(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("report JSON: `" + what + "` must be an object, got " + node);
    }
    return node;
  }

  /** A setting's value: numbers as {@code Double} (as the table renders them), else text or a boolean. */
  private static Object scalar(JsonNode v) {
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNull()) {
      return null;
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }
}
