package org.edward4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher's flags: the GAN example's plus Spark's, checked before Spark starts. */
class SparkGanArgsTest {

  @Test
  void defaultsFollowTheTutorialAndPutCheckpointsUnderTheOutput() {
    SparkGanArgs args = SparkGanArgs.parse("--out", "/tmp/g", "--k", "50");
    assertEquals("local[2]", args.master());
    assertEquals(15000, args.iterations());
    assertEquals(50, args.k());
    assertEquals(Path.of("/tmp/g/checkpoints"), args.checkpoints());
    assertEquals(true, args.averageOptimizerState());
  }

  @Test
  void badFlagsAreNamed() {
    assertEquals("`--iterations` must be a multiple of `--k` = 100 (whole rounds), got 150",
        assertThrows(IllegalArgumentException.class, () -> SparkGanArgs.parse("--iterations", "150")).getMessage());
    assertEquals("`--partitions` must be a positive integer, got 0",
        assertThrows(IllegalArgumentException.class, () -> SparkGanArgs.parse("--partitions", "0")).getMessage());
    assertEquals("`--average-optimizer-state` must be true or false, got yes",
        assertThrows(IllegalArgumentException.class,
            () -> SparkGanArgs.parse("--average-optimizer-state", "yes")).getMessage());
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> SparkGanArgs.parse("--epochs", "3"));
    assertEquals(true, unknown.getMessage().startsWith("unknown flag `--epochs`; flags are --master, --iterations"));
  }
}
