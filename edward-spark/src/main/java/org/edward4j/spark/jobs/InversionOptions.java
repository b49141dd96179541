package org.edward4j.spark.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.edward4j.core.checkpoints.Checkpoints;

/**
 * The options of {@link LatentInversion}: the trained generator's checkpoint (a directory, whose
 * latest checkpoint is used, or a checkpoint prefix; on a file system every executor reads), the
 * optimizer steps per search, and the seed of the random starts.
 *
 * <pre>{@code
 * InversionOptions options = new InversionOptions(Path.of("out/gan/checkpoints"), 500, 42);
 * }</pre>
 *
 * @param checkpoint the checkpoint directory or prefix; it must exist when the options are made
 * @param steps optimizer steps per start, at least 0
 * @param seed the seed of the estimators' random starts
 */
public record InversionOptions(Path checkpoint, int steps, long seed) {

  /**
   * Checks every value on the driver.
   *
   * @param checkpoint the checkpoint directory or prefix; it must exist when the options are made
   * @param steps optimizer steps per start, at least 0
   * @param seed the seed of the estimators' random starts
   * @throws IllegalArgumentException if {@code checkpoint} holds no checkpoint or {@code steps < 0}
   */
  public InversionOptions {
    Objects.requireNonNull(checkpoint, "checkpoint");
    boolean found = Files.isDirectory(checkpoint)
        ? Checkpoints.latest(checkpoint).isPresent()
        : Files.isRegularFile(checkpoint.resolveSibling(checkpoint.getFileName() + ".index"));
    if (!found) {
      throw new IllegalArgumentException("`checkpoint` must be a checkpoint directory or prefix, but " + checkpoint
          + (Files.isDirectory(checkpoint) ? " holds no checkpoint" : " has no .index file"));
    }
    if (steps < 0) {
      throw new IllegalArgumentException("`steps` must be 0 or more, got " + steps);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "InversionOptions(checkpoint=%s, steps=%d, seed=%d)", checkpoint, steps, seed);
  }
}
