package org.edward4j.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset file exists but is not what it should be: a wrong magic number, impossible
 * dimensions, a truncated or overlong body, a damaged gzip stream, or a SHA-256 mismatch.
 *
 * <p>The message names the file and what was expected versus found, so that the fix (delete the
 * file and fetch again) is obvious.
 */
public final class CorruptDatasetException extends IOException {

  /** The offending file; transient because {@link Path} is not serializable. */
  private final transient Path file;
  /** What was expected and what was found, without the file name. */
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param file the offending file
   * @param problem what was expected and what was found
   */
  public CorruptDatasetException(Path file, String problem) {
    this(file, problem, null);
  }

  /**
   * Creates the exception with the low-level cause (for instance a {@code ZipException}).
   *
   * @param file the offending file
   * @param problem what was expected and what was found
   * @param cause the underlying exception, or {@code null}
   */
  public CorruptDatasetException(Path file, String problem, Throwable cause) {
    super(Objects.requireNonNull(file, "file") + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  /**
   * Returns the offending file.
   *
   * @return the file as it was opened; {@code null} after deserialization, since the path is not
   *     serialized
   */
  public Path file() {
    return file;
  }

  /**
   * Returns what was expected and what was found, without the file name.
   *
   * @return the problem, as in the message after {@code "<file>: "}
   */
  public String problem() {
    return problem;
  }
}
