package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void jsonHasTheFixedSchemaWithEscapesAndNullForNaN() {
    String expected = """
        {
          "example": "gan",
          "settings": {
            "iterations": 1500,
            "wall_seconds": 12.5,
            "note": "a \\"quoted\\"\\nline"
          },
          "metrics": {
            "classifier_score": {"value": 7.25, "note": "ceiling 9.9"},
            "frechet_distance": {"value": null, "note": ""}
          }
        }
        """;
    assertEquals(expected, sample().toJson());
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
  void anEmptyReportIsValidJson() {
    assertEquals("{\n  \"example\": \"vae\",\n  \"settings\": {},\n  \"metrics\": {}\n}\n",
        QualityReport.builder("vae").build().toJson());
  }
}
