package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --save-every} and {@code --resume}, the checkpoint flags of the training examples. */
final class CheckpointOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(names = "--save-every", paramLabel = "N", defaultValue = "0",
      description = "iterations between checkpoints in <out>/checkpoints; 0: only at the end (default: ${DEFAULT-VALUE})")
  private int saveEvery;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "continue training from the latest checkpoint of DIR (or from the checkpoint prefix DIR/ckpt-N)")
  private Path resume;

  /** The checkpoint {@code --resume} names, if given. */
  Optional<Path> resumedFrom() {
    return Optional.ofNullable(resume);
  }

  /**
   * Checks the flags against the files on disk before anything is trained.
   *
   * @param out the example's output directory, already created
   * @param iterations the iterations the run will reach
   * @param signal the stop signal the loop obeys
   * @return the checkpoint settings of the run
   */
  TrainingCheckpoints plan(Path out, long iterations, ShutdownSignal signal) throws IOException {
    try {
      return TrainingCheckpoints.plan(out, saveEvery, resume, iterations, signal);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }
}
