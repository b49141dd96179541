package org.edward4j.examples;

import java.nio.file.Path;

/**
 * A training example stopped early on SIGINT or SIGTERM, after saving a checkpoint: {@code
 * bin/edward} prints the message (where the checkpoint is and how to continue) and exits with 130,
 * a shell's code for a run ended by a signal.
 */
final class TrainingStopped extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TrainingStopped(long iterations, Path checkpoints) {
    super("stopped by a signal after iteration " + iterations + "; checkpoint ckpt-" + iterations + " saved in "
        + checkpoints.toAbsolutePath() + "; continue with --resume " + checkpoints);
  }
}
