package org.edward4j.core.checkpoints;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A checkpoint could not be read, written or matched to a model: the message names the path and
 * the problem. Subclasses say which: {@link CheckpointNotFoundException}, {@link
 * CorruptCheckpointException}, {@link CheckpointMismatchException}.
 *
 * <p>Unchecked, like TensorFlow's own errors, so JShell sessions and training loops need no
 * ceremony; code that wants to recover (start from scratch when there is nothing to resume)
 * catches the subclass it can handle.
 *
 * <pre>{@code
 * try {
 *   Checkpoints.restore(ctx, dir);
 * } catch (CheckpointNotFoundException e) {
 *   System.out.println("starting afresh: " + e.getMessage());
 * }
 * }</pre>
 */
public class CheckpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Kept as text so the exception stays serializable whatever the file system. */
  private final String path;

  /**
   * An exception about one path.
   *
   * @param path the checkpoint directory, prefix or file concerned
   * @param problem what is wrong, as a sentence fragment
   * @param cause the underlying error, or null
   */
  public CheckpointException(Path path, String problem, Throwable cause) {
    super(Objects.requireNonNull(problem, "problem") + " (" + path + ")", cause);
    this.path = String.valueOf(path);
  }

  /**
   * The checkpoint directory, prefix or file concerned.
   *
   * @return the checkpoint directory, prefix or file concerned
   */
  public Path path() {
    return Path.of(path);
  }
}
