package org.edward4j.examples;

import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.checkpoints.Saver;
import org.edward4j.datasets.Minibatches;
import org.edward4j.inferences.Inference;

/**
 * The checkpoint flags of the training examples: {@code --save-every N} saves every N iterations
 * into {@code <out>/checkpoints} (and always at the end), {@code --resume DIR} continues from the
 * latest checkpoint of DIR exactly as the saved run would have continued: weights, optimizer
 * state, the inference's {@code t}, the graph's random step, and the position of the minibatch
 * stream all come back.
 *
 * <pre>{@code
 * ExampleArgs args = TrainingCheckpoints.addFlags(ExampleArgs.define("gan", "...")).parse(argv);
 * TrainingCheckpoints checkpoints = TrainingCheckpoints.of(args, out);
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

  private final Path dir;
  private final int saveEvery;
  private final Path resumeFrom;
  private Saver saver;
  private long lastSaved = -1;

  private TrainingCheckpoints(Path dir, int saveEvery, Path resumeFrom) {
    this.dir = dir;
    this.saveEvery = saveEvery;
    this.resumeFrom = resumeFrom;
  }

  /**
   * Adds {@code --save-every} and {@code --resume} to an example's flags.
   *
   * @param args the example's flag definitions
   * @return {@code args}
   */
  static ExampleArgs addFlags(ExampleArgs args) {
    return args.flag("save-every", "0", "iterations between checkpoints in <out>/checkpoints (0: only at the end)")
        .flag("resume", "", "checkpoint directory to resume training from");
  }

  /**
   * Reads the flags.
   *
   * @param args parsed flags, defined with {@link #addFlags}
   * @param out the example's output directory
   * @return the settings
   */
  static TrainingCheckpoints of(ExampleArgs args, Path out) {
    int every = args.getInt("save-every");
    if (every < 0) {
      throw new ExampleArgs.UsageException("--save-every must be 0 or more, got " + every + "\n" + args.usage());
    }
    return new TrainingCheckpoints(out.resolve("checkpoints"), every, args.getPath("resume"));
  }

  /**
   * Saves only at the end, into {@code <out>/checkpoints}: for runs started without the flags.
   *
   * @param out the example's output directory
   * @return the settings
   */
  static TrainingCheckpoints atEnd(Path out) {
    return new TrainingCheckpoints(out.resolve("checkpoints"), 0, null);
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
   * Saves when {@code done} is a multiple of {@code --save-every}.
   *
   * @param ctx the example's context
   * @param done loop iterations done
   * @param batches the data stream, or null
   */
  void afterIteration(ModelContext ctx, long done, Minibatches batches) {
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
