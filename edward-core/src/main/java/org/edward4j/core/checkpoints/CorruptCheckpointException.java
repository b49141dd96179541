package org.edward4j.core.checkpoints;

import java.nio.file.Path;

/**
 * A checkpoint's files exist but cannot be trusted: a truncated data file, a damaged index
 * (bad magic number, block checksum, protocol buffer), a tensor whose CRC-32C does not match, or an
 * unreadable {@code checkpoint} state file. The check runs in Java before any native call, so a
 * damaged file never reaches TensorFlow's reader.
 *
 * <pre>{@code
 * CheckpointReader reader = CheckpointReader.open(dir); // throws this for a damaged checkpoint
 * }</pre>
 */
public class CorruptCheckpointException extends CheckpointException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception naming the damaged file.
   *
   * @param path the damaged file
   * @param problem what is wrong with it
   */
  public CorruptCheckpointException(Path path, String problem) {
    super(path, problem, null);
  }

  /**
   * An exception naming the damaged file and the error that revealed it.
   *
   * @param path the damaged file
   * @param problem what is wrong with it
   * @param cause the parse or I/O error
   */
  public CorruptCheckpointException(Path path, String problem, Throwable cause) {
    super(path, problem, cause);
  }
}
