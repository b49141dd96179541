package org.edward4j.core.checkpoints;

import java.nio.file.Path;
import java.util.List;

/**
 * A valid checkpoint that does not fit the model: variables the model has are missing from it, or
 * stored with another dtype or shape. The message and {@link #missing()} name every such variable,
 * so a user can see at once that, say, the generator was built with other layer sizes.
 *
 * <pre>{@code
 * try {
 *   Checkpoints.restore(ctx, dir, "Gen");
 * } catch (CheckpointMismatchException e) {
 *   System.out.println("not in the checkpoint: " + e.missing());
 * }
 * }</pre>
 */
public class CheckpointMismatchException extends CheckpointException {

  private static final long serialVersionUID = 1L;

  /** Names of the model's variables the checkpoint lacks. */
  private final List<String> missing;

  /** One line per variable stored with another dtype or shape. */
  private final List<String> mismatched;

  /**
   * An exception listing the variables that do not fit.
   *
   * @param prefix the checkpoint's prefix
   * @param missing names of model variables absent from the checkpoint
   * @param mismatched one line per variable stored with another dtype or shape
   */
  public CheckpointMismatchException(Path prefix, List<String> missing, List<String> mismatched) {
    super(prefix, message(missing, mismatched), null);
    this.missing = List.copyOf(missing);
    this.mismatched = List.copyOf(mismatched);
  }

  /**
   * Names of the model's variables the checkpoint lacks.
   *
   * @return names of the model's variables the checkpoint lacks
   */
  public List<String> missing() {
    return missing;
  }

  /**
   * One line per variable whose stored dtype or shape differs from the model's.
   *
   * @return one line per variable whose stored dtype or shape differs from the model's
   */
  public List<String> mismatched() {
    return mismatched;
  }

  private static String message(List<String> missing, List<String> mismatched) {
    StringBuilder sb = new StringBuilder("checkpoint does not fit the model:");
    if (!missing.isEmpty()) {
      sb.append(' ').append(missing.size()).append(" variable(s) missing from it: ").append(missing);
    }
    if (!mismatched.isEmpty()) {
      sb.append(missing.isEmpty() ? " " : "; ").append("stored differently: ").append(mismatched);
    }
    return sb.toString();
  }
}
