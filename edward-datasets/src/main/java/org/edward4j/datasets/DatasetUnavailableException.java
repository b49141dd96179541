package org.edward4j.datasets;

import java.io.IOException;

/**
 * A dataset is not in the cache and no source could provide it.
 *
 * <p>The message lists every source tried with the reason it failed, and which files to place
 * in which directory by hand.
 */
public final class DatasetUnavailableException extends IOException {

  /**
   * Creates the exception.
   *
   * @param message what is missing, what was tried and where to put the files
   */
  public DatasetUnavailableException(String message) {
    super(message);
  }
}
