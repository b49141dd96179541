package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring of {@code bin/edward spark parity} at a tiny size: both paths train on MNIST for the
 * same number of examples, read back from what each did (the single-machine checkpoint's served
 * batches, the Spark rounds' updates), and each hands a working generator to the scorer. Quality
 * itself is measured by {@link GanParityQualityTest} (slow) and the documented run.
 */
class GanParityTest {

  @TempDir Path dir;

  @Test
  void bothPathsSeeTheSameExamplesAndHandOverAGenerator() throws IOException {
    OfflineMnist.assumeCached();
    // 1,024 examples: 8 updates on one machine; 2 rounds of k = 2 on each of 2 replicas.
    GanParity.Settings settings = GanParity.Settings.sameExamples(1024, 2, 2, List.of(5L), dir);
    int[] scored = new int[1];
    GanParity.Scorer scorer = trained -> {
      float[] images = trained.generate(300);
      assertEquals(300 * 784, images.length);
      double mean = 0;
      for (float v : images) {
        assertTrue(v >= 0 && v <= 1, "sigmoid outputs: " + v);
        mean += v / images.length;
      }
      scored[0]++;
      // A stand-in for the classifier (the wiring test needs no trained classifier): the mean pixel.
      return new GanParity.Quality(mean, 0, 0);
    };
    List<GanParity.Run> runs;
    try (JavaSparkContext sc = SparkMaster.open("local[2]", "gan-parity-test")) {
      runs = GanParity.run(sc, settings, scorer, System.out);
    }
    assertEquals(2, scored[0]);
    assertEquals(2, runs.size());
    GanParity.Run single = runs.get(0);
    GanParity.Run spark = runs.get(1);
    assertEquals("single", single.path());
    assertEquals("spark", spark.path());
    assertEquals(1024, single.examplesSeen(), "served batches x 128, from the gan example's checkpoint");
    assertEquals(1024, spark.examplesSeen(), "updates of every round x 128");
    assertEquals(8, single.updates());
    assertEquals(4, spark.updates(), "per replica");
  }

  @Test
  void settingsNameTheRuleTheyBreak() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GanParity.Settings.sameExamples(1000, 2, 2, List.of(1L), dir));
    assertEquals("`examples` must be a positive multiple of 128 x partitions x k = 512 (whole rounds on every replica),"
        + " got 1000", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GanParity.Settings.sameExamples(512, 2, 2, List.of(1L, 1L), dir));
    assertEquals("`seeds` must be distinct, got [1, 1]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new GanParity.Settings(512, 100, 2, 2, List.of(1L), dir));
    assertEquals("`singleExamples` must be a positive multiple of 128 (whole batches) of at most 274877906816, got 100",
        e.getMessage());
  }
}
