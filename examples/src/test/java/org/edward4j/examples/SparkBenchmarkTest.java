package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/edward bench spark} at its smallest size (one measured round, one repeat, k = 1 and 2):
 * it runs to the end and prints its table, the 2-against-1 ratios and the exact bytes per round.
 * The quiet-machine figures come from {@code --repeats 5}, run by hand (docs/DISTRIBUTED.md). Slow
 * for the default suite: 178 s at a load average of 16 (ten Spark jobs and two DCGAN graphs built
 * for their parameter counts).
 */
@Tag("slow")
class SparkBenchmarkTest {

  @Test
  void tinyBenchmarkPrintsItsTableAndTheTutorialGansBytesPerRound() {
    OfflineMnist.assumeCached();
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CommandLineErrorsTest.Run run;
    try (PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(tee);
      run = CommandLineErrorsTest.run("bench", "spark", "--rounds", "1", "--repeats", "1", "--k", "1,2");
    } finally {
      System.setOut(saved);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    System.out.print(out);
    assertEquals(0, run.code(), run.err());
    for (String row : new String[] {"| 1 | 1 |", "| 1 | 2 |", "| 2 | 1 |", "| 2 | 2 |"}) {
      assertTrue(out.contains(row), "table row " + row);
    }
    assertTrue(out.contains("k = 2: 2 partitions / 1 partition, updates/s: "), out);
    // 644,023 floats averaged (214,673 parameters and Adam's two moments): 4 bytes each down,
    // 8 up (double partial sums), plus Java serialization's headers.
    assertTrue(out.contains("tutorial GAN: 2.58 MB down, 5.15 MB up per replica per round"), out);
  }
}
