package org.edward4j.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edward4j.spark.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep of a cheap function with a known minimum, one configuration failing on purpose. */
class HyperparameterSweepTest {

  /** A grid point. */
  record Config(double learningRate, int hidden) implements Serializable {}

  /** (lr - 0.1)^2 + 1 / hidden, and an error for a negative learning rate. */
  static Map<String, Double> score(Config c) {
    if (c.learningRate() < 0) {
      throw new IllegalArgumentException("`learningRate` must be positive, got " + c.learningRate());
    }
    double d = c.learningRate() - 0.1;
    return Map.of("loss", d * d + 1.0 / c.hidden());
  }

  private static final List<Config> GRID = List.of(new Config(0.01, 8), new Config(0.1, 8), new Config(-1, 8),
      new Config(0.1, 32), new Config(1.0, 32));

  @TempDir Path dir;

  @Test
  void recordsEveryConfigurationInOrderWithTheFailedOneAndItsError() throws IOException {
    SweepResult<Config> result = HyperparameterSweep.of(HyperparameterSweepTest::score).run(LocalSpark.get(), GRID);
    System.out.println(result);
    assertEquals(5, result.rows().size());
    for (int i = 0; i < GRID.size(); i++) {
      assertEquals(i, result.rows().get(i).index());
      assertEquals(GRID.get(i), result.rows().get(i).config());
    }
    assertEquals(1, result.failures().size());
    SweepRow<Config> failed = result.failures().get(0);
    assertEquals(GRID.get(2), failed.config());
    assertEquals("IllegalArgumentException: `learningRate` must be positive, got -1.0", failed.error());
    assertEquals(1.0 / 32, result.rows().get(3).metrics().get("loss"), 1e-15);
    assertEquals(GRID.get(3), result.best("loss").orElseThrow().config());

    Path csv = result.writeCsv(dir.resolve("sweep.csv"));
    List<String> lines = Files.readAllLines(csv);
    assertEquals("index,config,status,error,seconds,loss", lines.get(0));
    assertEquals(6, lines.size());
    assertTrue(lines.get(3).startsWith("2,\"Config[learningRate=-1.0, hidden=8]\",failed,\"IllegalArgumentException: "), lines.get(3));
    assertTrue(lines.get(3).endsWith(","), "a failed row has no metric: " + lines.get(3));
    JsonNode json = new ObjectMapper().readTree(result.writeJson(dir.resolve("sweep.json")).toFile());
    assertEquals(5, json.size());
    assertEquals("failed", json.get(2).get("status").asText());
    assertEquals(0.03125, json.get(3).get("metrics").get("loss").asDouble(), 1e-15);
    try (var listing = Files.list(dir)) {
      assertEquals(2, listing.count(), "no temporary files left");
    }
  }

  @Test
  void failPolicyThrowsNamingTheFailedConfiguration() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> HyperparameterSweep.of(HyperparameterSweepTest::score, HyperparameterSweep.OnFailure.FAIL).run(LocalSpark.get(), GRID));
    assertEquals("1 of 5 configurations failed:\n  #2 Config[learningRate=-1.0, hidden=8]: IllegalArgumentException:"
        + " `learningRate` must be positive, got -1.0", e.getMessage());
  }

  @Test
  void badInputIsRejectedOnTheDriver() {
    HyperparameterSweep<Config> sweep = HyperparameterSweep.of(HyperparameterSweepTest::score);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sweep.run(LocalSpark.get(), List.of()));
    assertEquals("`configs` must hold at least one configuration, got none", e.getMessage());
    Object notSerializable = new Object();
    SweepFunction<Config> capturing = c -> Map.of("x", (double) notSerializable.hashCode());
    e = assertThrows(IllegalArgumentException.class, () -> HyperparameterSweep.of(capturing));
    assertTrue(e.getMessage().startsWith("`function` must be serializable"), e.getMessage());
  }
}
