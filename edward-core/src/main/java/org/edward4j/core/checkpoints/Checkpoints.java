package org.edward4j.core.checkpoints;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.edward4j.core.ContextAttachment;
import org.edward4j.core.ModelContext;

/**
 * One-line checkpoints of a context: save and restore all variables, or one scope's, in
 * TensorFlow's checkpoint format. Each call goes through a {@link Saver} kept in the context (one per
 * scope, dropped with the context), so repeated saves reuse the same ops; use a {@link Saver} directly for numbered checkpoints,
 * metadata, an explicit variable list or another {@code maxToKeep}.
 *
 * <pre>{@code
 * Checkpoints.save(ctx, Path.of("out/gan/checkpoints"));          // all variables, next number
 * Checkpoints.restore(other, Path.of("out/gan/checkpoints"), "Gen"); // only the generator
 * Checkpoints.latest(Path.of("out/gan/checkpoints"));              // Optional[.../ckpt-1]
 * }</pre>
 */
public final class Checkpoints {

  /** The context's savers by scope ({@code ""} for all), kept in the context and dropped with it. */
  private static final ContextAttachment<Map<String, Saver>> SAVERS = new ContextAttachment<>("checkpoint savers");

  private Checkpoints() {}

  /**
   * Saves every variable (and the random step) as the directory's next checkpoint.
   *
   * @param ctx the model's context
   * @param dir the checkpoint directory, created if needed
   * @return the new checkpoint's prefix
   * @throws CheckpointException if it cannot be written; the previous checkpoint stays current
   */
  public static Path save(ModelContext ctx, Path dir) {
    return saver(ctx, null).save(dir);
  }

  /**
   * Saves the variables under one scope as the directory's next checkpoint.
   *
   * @param ctx the model's context
   * @param dir the checkpoint directory, created if needed
   * @param scope e.g. {@code "Gen"}
   * @return the new checkpoint's prefix
   * @throws CheckpointException if it cannot be written; the previous checkpoint stays current
   */
  public static Path save(ModelContext ctx, Path dir, String scope) {
    return saver(ctx, Objects.requireNonNull(scope, "scope")).save(dir);
  }

  /**
   * Restores every variable and the random step from the latest checkpoint of a directory (or
   * from a prefix).
   *
   * @param ctx a context in which the same model has been built
   * @param dirOrPrefix a checkpoint directory or prefix
   * @return the checkpoint restored
   * @throws CheckpointNotFoundException if there is none
   * @throws CorruptCheckpointException if its files are damaged
   * @throws CheckpointMismatchException naming the variables it lacks or stores differently
   */
  public static CheckpointReader restore(ModelContext ctx, Path dirOrPrefix) {
    return saver(ctx, null).restore(dirOrPrefix);
  }

  /**
   * Restores the variables under one scope, leaving the others and the random step as they are:
   * the warm start of a model built around a trained generator.
   *
   * @param ctx the context to restore into
   * @param dirOrPrefix a checkpoint directory or prefix
   * @param scope e.g. {@code "Gen"}
   * @return the checkpoint restored
   * @throws CheckpointException as {@link #restore(ModelContext, Path)}
   */
  public static CheckpointReader restore(ModelContext ctx, Path dirOrPrefix, String scope) {
    return saver(ctx, Objects.requireNonNull(scope, "scope")).restore(dirOrPrefix);
  }

  /**
   * The latest checkpoint of a directory, as {@code tf.train.latest_checkpoint}.
   *
   * @param dir a checkpoint directory
   * @return its current prefix, or empty when the directory or its state file does not exist
   * @throws CorruptCheckpointException if the state file is damaged
   */
  public static Optional<Path> latest(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    return CheckpointState.read(abs).map(s -> CheckpointState.resolve(abs, s.current()));
  }

  /**
   * Every checkpoint a directory keeps, oldest first, ending with the {@linkplain #latest latest}:
   * what a run writing into the directory must not overwrite.
   *
   * @param dir a checkpoint directory
   * @return their prefixes; empty when the directory or its state file does not exist
   * @throws CorruptCheckpointException if the state file is damaged
   */
  public static java.util.List<Path> all(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    return CheckpointState.read(abs).map(s -> s.all().stream().map(p -> CheckpointState.resolve(abs, p)).toList())
        .orElse(java.util.List.of());
  }

  private static Saver saver(ModelContext ctx, String scope) {
    Objects.requireNonNull(ctx, "ctx");
    Map<String, Saver> savers = ctx.attachment(SAVERS, c -> new HashMap<>());
    synchronized (savers) {
      return savers.computeIfAbsent(
          scope == null ? "" : scope, s -> scope == null ? Saver.builder(ctx).build() : Saver.builder(ctx).scope(scope).build());
    }
  }
}
