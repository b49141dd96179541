package org.edward4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetCacheTest {

  private static final Path HOME = Path.of("/home/someone");

  @Test
  void defaultsToDotCacheUnderHome() {
    assertEquals(
        Path.of("/home/someone/.cache/edward4j"),
        DatasetCache.root(key -> null, key -> null, HOME));
  }

  @Test
  void environmentOverridesDefault() {
    Map<String, String> env = Map.of(DatasetCache.ENVIRONMENT_VARIABLE, "/env/cache");
    assertEquals(Path.of("/env/cache"), DatasetCache.root(key -> null, env::get, HOME));
  }

  @Test
  void propertyOverridesEnvironment() {
    Map<String, String> env = Map.of(DatasetCache.ENVIRONMENT_VARIABLE, "/env/cache");
    Map<String, String> props = Map.of(DatasetCache.PROPERTY, "/prop/cache");
    assertEquals(Path.of("/prop/cache"), DatasetCache.root(props::get, env::get, HOME));
  }

  @Test
  void blankSettingsAreIgnored() {
    Map<String, String> blank =
        Map.of(DatasetCache.PROPERTY, " ", DatasetCache.ENVIRONMENT_VARIABLE, "");
    assertEquals(
        Path.of("/home/someone/.cache/edward4j"), DatasetCache.root(blank::get, blank::get, HOME));
  }

  @Test
  void datasetNameMustBePlain() {
    assertThrows(IllegalArgumentException.class, () -> DatasetCache.directoryFor("../etc"));
    assertThrows(IllegalArgumentException.class, () -> DatasetCache.directoryFor(" "));
    assertEquals("mnist", DatasetCache.directoryFor("mnist").getFileName().toString());
  }
}
