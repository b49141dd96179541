package org.edward4j.core.checkpoints;

import java.nio.file.Path;

/**
 * There is no checkpoint where one was asked for: the directory, its {@code checkpoint} state file
 * or the prefix's {@code .index} file does not exist.
 *
 * <pre>{@code
 * Optional<Path> latest = Checkpoints.latest(dir); // empty instead of this exception
 * }</pre>
 */
public class CheckpointNotFoundException extends CheckpointException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception naming what is missing.
   *
   * @param path the missing directory or file
   * @param problem what was looked for
   */
  public CheckpointNotFoundException(Path path, String problem) {
    super(path, problem, null);
  }
}
