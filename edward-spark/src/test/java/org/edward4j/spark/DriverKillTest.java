package org.edward4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver killed mid-job (SIGKILL to its JVM, right after round 2's line: its checkpoint is
 * written before the line) and started again on the same checkpoint directory resumes after the
 * last checkpoint and ends with the variables of an uninterrupted job, bit for bit: every round is
 * a pure function of the averaged state, the partitions and the seed, and the checkpoint holds
 * the state exactly (float32 in, float32 out).
 *
 * <p>Slow: two driver JVMs load Spark and TensorFlow.
 */
@Tag("slow")
class DriverKillTest {

  private static final int ROUNDS = 6;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aKilledDriverResumesFromItsLastCheckpointToTheUninterruptedResult(@TempDir Path dir) throws Exception {
    AveragingResult uninterrupted = ParameterAveraging.of(new GaussianGanModel(32), ResumableDriver.options(ROUNDS, null))
        .fit(LocalSpark.get().parallelize(ParameterAveragingTrainingTest.gaussian(512, 1), 2));

    Path checkpoints = dir.resolve("checkpoints");
    Process first = driver(checkpoints);
    List<String> firstLines = new ArrayList<>();
    try (BufferedReader out = reader(first)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        firstLines.add(line);
        if (line.equals("round 2")) {
          first.destroyForcibly(); // SIGKILL: no shutdown hook, no Spark cleanup
          break;
        }
      }
    } finally {
      first.destroyForcibly();
    }
    first.waitFor(1, TimeUnit.MINUTES);
    assertTrue(firstLines.contains("round 2"), "the first driver reached round 2: " + firstLines);
    assertTrue(!firstLines.contains("round " + ROUNDS), "the first driver was killed before the end: " + firstLines);
    long checkpointed = CheckpointReader.open(checkpoints).metadata().get(DriverModel.ROUND_KEY);
    assertTrue(checkpointed >= 2 && checkpointed < ROUNDS, "the last checkpoint is of round " + checkpointed);

    Process second = driver(checkpoints);
    List<String> secondLines = new ArrayList<>();
    try (BufferedReader out = reader(second)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        secondLines.add(line);
      }
      assertTrue(second.waitFor(5, TimeUnit.MINUTES), "the second driver ended");
    } finally {
      second.destroyForcibly();
    }
    assertEquals(0, second.exitValue(), secondLines.toString());
    assertTrue(secondLines.contains("resumed from " + checkpointed), secondLines.toString());
    assertEquals("round " + (checkpointed + 1), secondLines.stream().filter(l -> l.startsWith("round ")).findFirst()
        .orElseThrow(), "the second driver's first round");

    Path last = Checkpoints.latest(checkpoints).orElseThrow();
    assertEquals(Path.of("ckpt-" + ROUNDS), last.getFileName());
    CheckpointReader reader = CheckpointReader.open(last);
    for (String name : uninterrupted.state().layout().names()) {
      assertArrayEquals(uninterrupted.state().values(name), reader.floats(name), name);
    }
  }

  /** A driver JVM with this module's test class path and Spark's module options. */
  private static Process driver(Path checkpoints) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(StandaloneCluster.javaBinary(), "-Xmx768m"));
    cmd.addAll(StandaloneCluster.sparkJvmOptions());
    cmd.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, StandaloneCluster.classPath()),
        ResumableDriver.class.getName(), checkpoints.toString(), String.valueOf(ROUNDS)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return pb.start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }
}
