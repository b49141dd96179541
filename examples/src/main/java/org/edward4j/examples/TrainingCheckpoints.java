package org.edward4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.edward4j.core.checkpoints.CheckpointException;
import org.edward4j.core.ModelContext;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.checkpoints.Saver;
import org.edward4j.datasets.Minibatches;
import org.edward4j.inferences.Inference;

/**
 * The checkpoints of a training example: {@code --save-every N} saves every N iterations into
 * {@code <out>/checkpoints} (and always at the end), {@code --resume DIR} continues from the
 * latest checkpoint of DIR exactly as the saved run would have continued: weights, optimizer
 * state, the inference's {@code t}, the graph's random step, and the position of the minibatch
 * stream all come back. A stop requested by SIGINT or SIGTERM saves a final checkpoint and ends the
 * loop with {@link TrainingStopped}.
 *
 * <p>{@link #plan} checks, before anything is built or trained, that the run can save what it will
 * save: a resumed checkpoint must hold fewer iterations than {@code --iterations}, and the
 * directory must hold no later checkpoint that the run would have to overwrite. A fresh run into a
 * directory holding an earlier run's checkpoints moves them to {@code checkpoints.previous}.
 *
 * <pre>{@code
 * TrainingCheckpoints checkpoints = TrainingCheckpoints.plan(out, 1000, null, nIter, ShutdownSignal.none());
 * long start = checkpoints.resume(ctx, inference, batches);
 * for (long t = start; t < nIter; t++) {
 *   // ... one update ...
 *   checkpoints.afterIteration(ctx, t + 1, batches);
 * }
 * checkpoints.finish(ctx, nIter, batches);
 * }</pre>
 */
final class TrainingCheckpoints {

  /** Metadata key: loop iterations done (generator iterations for WGAN). */
  static final String ITERATIONS = "example_iterations";
  /** Metadata key: batches the minibatch stream has served. */
  static final String BATCHES = "batches_served";

  private static final Pattern NUMBERED = Pattern.compile("ckpt-(\\d+)");

  private final Path dir;
  private final int saveEvery;
  private final Path resumeFrom;
  private final ShutdownSignal signal;
  private Saver saver;
  private long lastSaved = -1;

  private TrainingCheckpoints(Path dir, int saveEvery, Path resumeFrom, ShutdownSignal signal) {
    this.dir = dir;
    this.saveEvery = saveEvery;
    this.resumeFrom = resumeFrom;
    this.signal = signal;
  }

  /**
   * Checks the checkpoint settings of a run against what is on disk, before training.
   *
   * @param out the example's output directory; checkpoints go to {@code out/checkpoints}
   * @param saveEvery iterations between checkpoints, 0 for only at the end
   * @param resumeFrom a checkpoint directory or prefix to resume from, or null
   * @param iterations the iterations the run will reach
   * @param signal the stop signal the loop obeys
   * @return the settings
   * @throws IllegalArgumentException naming the flag, the conflict and what to do instead
   * @throws IOException if an earlier run's checkpoints cannot be moved aside
   */
  static TrainingCheckpoints plan(Path out, int saveEvery, Path resumeFrom, long iterations, ShutdownSignal signal)
      throws IOException {
    if (saveEvery < 0) {
      throw new IllegalArgumentException("--save-every must be 0 (only at the end) or more, got " + saveEvery);
    }
    Path dir = out.resolve("checkpoints");
    List<Path> existing;
    try {
      existing = Checkpoints.all(dir);
    } catch (CheckpointException e) {
      throw new IllegalArgumentException(e.getMessage() + "; delete " + dir + " or choose another --out");
    }
    if (resumeFrom == null) {
      moveAside(dir, existing);
      return new TrainingCheckpoints(dir, saveEvery, null, signal);
    }
    CheckpointReader reader;
    try {
      reader = CheckpointReader.open(resumeFrom);
    } catch (CheckpointException e) {
      throw new IllegalArgumentException("--resume: " + e.getMessage());
    }
    Long done = reader.metadata().get(ITERATIONS);
    if (done == null) {
      throw new IllegalArgumentException("--resume: " + reader.prefix() + " was not saved by a training example (it records"
          + " no iteration count); resume from a directory that `bin/edward <example> --save-every N` wrote");
    }
    if (iterations < done) {
      throw new IllegalArgumentException("--iterations " + iterations + " is less than the " + done
          + " iterations already trained in " + reader.prefix() + "; pass --iterations " + done
          + " or more to train further from it");
    }
    for (Path p : existing) {
      long n = number(p);
      if (n > done) {
        throw new IllegalArgumentException(dir + " already holds " + p.getFileName() + ", later than the resumed "
            + reader.prefix().getFileName() + " (iteration " + done + "), which this run would have to overwrite;"
            + " resume from the latest with --resume " + dir + ", or write this run elsewhere with --out DIR");
      }
    }
    return new TrainingCheckpoints(dir, saveEvery, resumeFrom, signal);
  }

  /**
   * Saves only at the end, into {@code <out>/checkpoints}: for runs started without the flags.
   *
   * @param out the example's output directory
   * @return the settings
   */
  static TrainingCheckpoints atEnd(Path out) {
    try {
      return plan(out, 0, null, Long.MAX_VALUE, ShutdownSignal.none());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a finished earlier run's checkpoints out of the way of a fresh run. */
  private static void moveAside(Path dir, List<Path> existing) throws IOException {
    if (existing.isEmpty()) {
      return;
    }
    Path previous = dir.resolveSibling(dir.getFileName() + ".previous");
    deleteRecursively(previous);
    Files.move(dir, previous);
    System.out.println("starting afresh: the earlier run's checkpoints (latest " + existing.get(existing.size() - 1).getFileName()
        + ") moved to " + previous + "; use --resume to continue a run instead");
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static long number(Path prefix) {
    Matcher m = NUMBERED.matcher(prefix.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Where checkpoints are saved. */
  Path directory() {
    return dir;
  }

  /**
   * Restores the latest checkpoint of {@code --resume}, if given.
   *
   * @param ctx the example's context, with the model and inference built
   * @param inference the initialized inference, whose {@code t} is re-read
   * @param batches the data stream to move past the batches already trained on, or null
   * @return the loop iterations already done (0 without {@code --resume})
   */
  long resume(ModelContext ctx, Inference<?> inference, Minibatches batches) {
    signal.training(true);
    if (resumeFrom == null) {
      return 0;
    }
    CheckpointReader restored = Checkpoints.restore(ctx, resumeFrom);
    inference.restoreIteration();
    Map<String, Long> meta = restored.metadata();
    if (batches != null) {
      batches.skip(meta.getOrDefault(BATCHES, 0L));
    }
    long done = meta.getOrDefault(ITERATIONS, inference.iteration());
    System.out.printf("resumed from %s at iteration %d (t = %d)%n", restored.prefix(), done, inference.iteration());
    return done;
  }

  /**
   * Saves when {@code done} is a multiple of {@code --save-every}; after a stop request, saves
   * and throws {@link TrainingStopped}.
   *
   * @param ctx the example's context
   * @param done loop iterations done
   * @param batches the data stream, or null
   */
  void afterIteration(ModelContext ctx, long done, Minibatches batches) {
    if (signal.stopRequested()) {
      save(ctx, done, batches);
      throw new TrainingStopped(done, dir);
    }
    if (saveEvery > 0 && done % saveEvery == 0) {
      save(ctx, done, batches);
    }
  }

  /**
   * Saves the final checkpoint, unless {@link #afterIteration} just saved this iteration.
   *
   * @param ctx the example's context
   * @param done loop iterations done
   * @param batches the data stream, or null
   * @return the checkpoint directory
   */
  Path finish(ModelContext ctx, long done, Minibatches batches) {
    if (lastSaved != done) {
      save(ctx, done, batches);
    }
    signal.training(false);
    System.out.println("checkpoint in " + dir.toAbsolutePath());
    return dir;
  }

  private void save(ModelContext ctx, long done, Minibatches batches) {
    if (saver == null) {
      saver = Saver.builder(ctx).maxToKeep(3).build();
    }
    if (Checkpoints.latest(dir).map(p -> p.getFileName().toString().equals("ckpt-" + done)).orElse(false)) {
      lastSaved = done; // resumed at the very iteration the directory's latest checkpoint holds
      return;
    }
    saver.save(dir, done, Map.of(ITERATIONS, done, BATCHES, batches == null ? 0L : batches.batchesServed()));
    lastSaved = done;
  }
}
