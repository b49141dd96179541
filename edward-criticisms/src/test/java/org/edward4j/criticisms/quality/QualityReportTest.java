package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityReportTest {

  @TempDir Path dir;

  private static QualityReport sample() {
    return QualityReport.builder("gan").setting("iterations", 1500).setting("wall_seconds", 12.5)
        .setting("note", "a \"quoted\"\nline").metric("classifier_score", 7.25, "ceiling 9.9")
        .metric("frechet_distance", Double.NaN, "").build();
  }

  @Test
  void jsonHasTheFixedSchemaWithEscapesAndNullForNaN() throws IOException {
    // Parsed back by an independent reader (Jackson's tree model): the text round-trips exactly.
    JsonNode json = new ObjectMapper().readTree(sample().toJson());
    assertEquals("gan", json.get("example").asText());
    assertEquals(List.of("example", "settings", "metrics"), fieldNames(json));
    assertEquals(List.of("iterations", "wall_seconds", "note"), fieldNames(json.get("settings")));
    assertTrue(json.get("settings").get("iterations").isIntegralNumber());
    assertEquals(1500, json.get("settings").get("iterations").asInt());
    assertEquals(12.5, json.get("settings").get("wall_seconds").asDouble());
    assertEquals("a \"quoted\"\nline", json.get("settings").get("note").asText());
    assertEquals(7.25, json.get("metrics").get("classifier_score").get("value").asDouble());
    assertEquals("ceiling 9.9", json.get("metrics").get("classifier_score").get("note").asText());
    assertTrue(json.get("metrics").get("frechet_distance").get("value").isNull(), "NaN is written as null");
    assertTrue(sample().toJson().contains("\\\"quoted\\\"\\nline"), "escaped, not raw");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void theTableListsEveryMetricAndTheJsonFileIsWritten() throws IOException {
    QualityReport r = sample();
    String table = r.toTable();
    assertTrue(table.contains("classifier_score") && table.contains("7.2500") && table.contains("iterations"), table);
    Path file = r.writeJson(dir.resolve("q/gan.json"));
    assertEquals(r.toJson(), Files.readString(file));
    assertEquals(7.25, r.value("classifier_score"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.value("nll"));
    assertTrue(e.getMessage().contains("classifier_score"), e.getMessage());
  }

  @Test
  void anEmptyReportIsValidJson() throws IOException {
    JsonNode json = new ObjectMapper().readTree(QualityReport.builder("vae").build().toJson());
    assertEquals("vae", json.get("example").asText());
    assertTrue(json.get("settings").isObject() && json.get("settings").isEmpty());
    assertTrue(json.get("metrics").isObject() && json.get("metrics").isEmpty());
  }
}
