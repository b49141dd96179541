package org.edward4j.examples;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward invert}: GAN inversion, see {@link InvertExample}. */
@Command(name = "invert", mixinStandardHelpOptions = true,
    description = "Recover MNIST test digits' codes through a trained gan or bigan (latent GAN estimator):"
        + " digits beside reconstructions, mean pixel error, a SavedModel of the generator.")
final class InvertCommand extends ExampleCommand {

  /** Whose checkpoint to invert. */
  enum Model { gan, bigan }

  /** Where the search for a code starts. */
  enum Init { random, encoder }

  @Option(names = "--model", paramLabel = "gan|bigan", defaultValue = "gan",
      description = "whose checkpoint to invert: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Model model;

  @Option(names = "--checkpoint", paramLabel = "DIR", description = "a run's output directory or its checkpoints folder (default: out/<model>)")
  Path checkpoint;

  @Option(names = "--count", paramLabel = "N", defaultValue = "64",
      description = "test digits to invert, in one batch (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "500",
      description = "optimizer steps per start; 0 keeps the starting codes (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--restarts", paramLabel = "N", defaultValue = "1",
      description = "random starts per digit, the best kept (default: ${DEFAULT-VALUE})")
  int restarts;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.05",
      description = "Adam's learning rate on the codes (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--clip", paramLabel = "X",
      description = "bound of each code component (default: 1 for gan's uniform codes, 3 for bigan's normal ones)")
  Double clip;

  @Option(names = "--init", paramLabel = "random|encoder",
      description = "where each search starts: random, or encoder (bigan only) (default: encoder for bigan, random for gan)")
  Init init;

  @Option(names = "--realism", paramLabel = "W", defaultValue = "0",
      description = "weight of the discriminator's realism term added to pixel L2 (default: ${DEFAULT-VALUE})")
  double realism;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    boolean bigan = model == Model.bigan;
    Init start = init != null ? init : bigan ? Init.encoder : Init.random;
    if (start == Init.encoder && !bigan) {
      throw usage("--init encoder needs --model bigan (gan has no encoder)");
    }
    positive("--count", count);
    nonNegative("--steps", steps);
    positive("--restarts", restarts);
    positive("--lr", lr, false);
    double bound = clip == null ? (bigan ? 3.0 : 1.0) : positive("--clip", clip, false);
    positive("--realism", realism, true);
    Path from = InvertExample.resolveCheckpoint(checkpoint != null ? checkpoint : Path.of("out", model.name()));
    Path out = output.createOut();
    InvertExample.run(bigan, from, count, steps, restarts, lr, bound, start == Init.encoder, realism, out, output.seed);
    return 0;
  }
}
