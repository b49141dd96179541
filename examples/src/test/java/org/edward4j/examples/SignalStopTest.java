package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SIGTERM to {@code bin/edward}'s JVM during training (WGAN-GP on the 2-D mixture, no MNIST
 * needed): the shutdown hook waits while the loop saves a final checkpoint, the one-line message
 * says where it is, and the process ends as a signalled process does (exit 143 = 128 + SIGTERM).
 */
class SignalStopTest {

  @TempDir Path tmp;

  @Test
  void sigtermDuringTrainingSavesAFinalCheckpoint() throws Exception {
    Path out = tmp.resolve("run");
    Path stdout = tmp.resolve("stdout.txt");
    Path stderr = tmp.resolve("stderr.txt");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.edward4j.examples.Main", "wgan", "--data", "mixture", "--critic", "1", "--iterations", "1000000",
        "--print", "1000000", "--out", out.toString()))
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      // The example prints its inference just before the loop starts.
      while (!Files.readString(stdout).contains("WGANInference(") && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(p.isAlive(), "the run ended early: " + Files.readString(stderr));
      Thread.sleep(2000);
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not stop");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(143, p.exitValue(), read(stderr));
    Path latest = Checkpoints.latest(out.resolve("checkpoints")).orElseThrow(() -> new AssertionError(read(stderr)));
    long done = CheckpointReader.open(latest).metadata().get(TrainingCheckpoints.ITERATIONS);
    assertTrue(done >= 1 && done < 1000000, "stopped at " + done);
    assertTrue(read(stderr).contains("edward wgan: stopped by a signal after iteration " + done + "; checkpoint ckpt-" + done),
        read(stderr));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
