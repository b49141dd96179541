package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming and stopping training runs, on WGAN-GP's 2-D mixture (no MNIST needed, a few seconds per
 * run): conflicting resume settings fail before any training with one line saying what to do, and a
 * stop signal saves a final checkpoint from which the run continues.
 */
class TrainingRunEdgesTest {

  @TempDir static Path tmp;
  static Path run;

  /** A short run with checkpoints at iterations 10 and 20, as {@code --save-every 10} leaves them. */
  @BeforeAll
  static void trainTwentyIterations() {
    run = tmp.resolve("run");
    CommandLineErrorsTest.Run r = wgan("--iterations", "20", "--print", "10", "--save-every", "10", "--out", run.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(run.resolve("checkpoints/ckpt-10"), run.resolve("checkpoints/ckpt-20")),
        Checkpoints.all(run.resolve("checkpoints")));
  }

  static CommandLineErrorsTest.Run wgan(String... flags) {
    String[] args = Main.withCommand("wgan", Main.withCommand("--critic", Main.withCommand("1",
        Main.withCommand("--data", Main.withCommand("mixture", flags)))));
    return CommandLineErrorsTest.run(args);
  }

  @Test
  void resumingAnEarlierCheckpointIntoADirectoryHoldingALaterOneFailsBeforeTraining() {
    long start = System.nanoTime();
    CommandLineErrorsTest.Run r = wgan("--iterations", "30", "--resume", run.resolve("checkpoints/ckpt-10").toString(),
        "--out", run.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("already holds ckpt-20") && r.err().contains("--resume " + run.resolve("checkpoints"))
        && r.err().contains("--out"), r.err());
    // Planning reads two small files; building the model and training to iteration 20 takes
    // several seconds (the first run's), so a failure this fast happened before either.
    assertTrue((System.nanoTime() - start) / 1e9 < 5, "must fail before building the model");
    assertEquals(List.of(run.resolve("checkpoints/ckpt-10"), run.resolve("checkpoints/ckpt-20")),
        Checkpoints.all(run.resolve("checkpoints")), "the directory is untouched");
  }

  @Test
  void fewerIterationsThanTheCheckpointHoldsFailsBeforeTraining() {
    CommandLineErrorsTest.Run r = wgan("--iterations", "15", "--resume", run.resolve("checkpoints").toString(),
        "--out", tmp.resolve("elsewhere").toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("--iterations 15 is less than the 20 iterations already trained")
        && r.err().contains("--iterations 20 or more"), r.err());
  }

  @Test
  void resumingTheLatestIntoItsOwnDirectoryContinuesAndAFreshRunMovesTheOldCheckpointsAside() throws IOException {
    Path copy = tmp.resolve("copy");
    copyTree(run, copy);
    CommandLineErrorsTest.Run resumed = wgan("--iterations", "30", "--print", "10", "--save-every", "10",
        "--resume", copy.resolve("checkpoints").toString(), "--out", copy.toString());
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(copy.resolve("checkpoints/ckpt-30"), Checkpoints.latest(copy.resolve("checkpoints")).orElseThrow());

    CommandLineErrorsTest.Run fresh = wgan("--iterations", "10", "--print", "10", "--out", copy.toString());
    assertEquals(0, fresh.code(), fresh.err());
    assertEquals(List.of(copy.resolve("checkpoints/ckpt-10")), Checkpoints.all(copy.resolve("checkpoints")));
    assertEquals(copy.resolve("checkpoints.previous/ckpt-30"),
        Checkpoints.latest(copy.resolve("checkpoints.previous")).orElseThrow());
  }

  @Test
  void aStopSignalDuringTrainingSavesAFinalCheckpointAndExits130() throws Exception {
    Path out = tmp.resolve("stopped");
    ShutdownSignal signal = ShutdownSignal.none();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(new StringWriter()),
        new PrintWriter(err), signal, "wgan", "--data", "mixture", "--critic", "1", "--iterations", "1000000",
        "--out", out.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!signal.training() && System.nanoTime() < deadline && !code.isDone()) {
      Thread.sleep(20);
    }
    assertTrue(signal.training(), "the run never started training: " + err);
    Thread.sleep(300);
    signal.requestStop();
    assertEquals(Main.STOPPED, code.get(60, TimeUnit.SECONDS), err.toString());
    Path latest = Checkpoints.latest(out.resolve("checkpoints")).orElseThrow();
    long done = CheckpointReader.open(latest).metadata().get(TrainingCheckpoints.ITERATIONS);
    assertTrue(done > 0 && done < 1000000, "stopped at " + done);
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().contains("stopped by a signal after iteration " + done)
        && err.toString().contains("--resume " + out.resolve("checkpoints")), err.toString());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }
}
