package org.edward4j.examples;

import java.nio.file.Path;
import org.edward4j.datasets.Mnist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward sbn}: the settings of {@link SbnExample}. */
@Command(name = "sbn", mixinStandardHelpOptions = true,
    description = "A sigmoid belief network (200 binary latents) on binarized MNIST with (reweighted) wake-sleep:"
        + " fantasy grids, importance-sampled test NLL.")
final class SbnCommand extends ExampleCommand {

  /** How q is updated. */
  enum PhaseQ { sleep, wake }

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "20000",
      description = "training iterations (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--print", paramLabel = "N", defaultValue = "1000",
      description = "iterations between progress reports and fantasy grids (default: ${DEFAULT-VALUE})")
  int print;

  @Option(names = "--batch", paramLabel = "M", defaultValue = "100",
      description = "images per minibatch (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.001",
      description = "Adam learning rate (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--samples", paramLabel = "K", defaultValue = "1",
      description = "samples of q per phase and update, K of reweighted wake-sleep (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--phase-q", paramLabel = "sleep|wake", defaultValue = "sleep",
      description = "q's update: sleep (fantasies) or wake (own samples; use with --reweighted) (default: ${DEFAULT-VALUE})")
  PhaseQ phaseQ;

  @Option(names = "--reweighted", arity = "0..1", paramLabel = "true|false", defaultValue = "false", fallbackValue = "true",
      description = "reweighted wake-sleep: importance-weight the wake phase over --samples (default: ${DEFAULT-VALUE})")
  boolean reweighted;

  /** The data when a test hands in a stand-in; null reads the verified MNIST cache. */
  Mnist mnist;

  @Mixin LikelihoodOptions likelihood;
  @Mixin OutputOptions output;
  @Mixin CheckpointOptions checkpoints;

  @Override
  public Integer call() throws Exception {
    check();
    Path json = SbnExample.run(this, mnist != null ? mnist : Mnist.load()).writeJson(output.out().resolve("sbn.json"));
    System.out.println("report written to " + json.toAbsolutePath());
    return 0;
  }

  /** Checks every value; also used by {@code bin/edward quality sbn}. */
  void check() {
    positive("--iterations", iterations);
    positive("--print", print);
    positive("--batch", batch);
    positive("--lr", lr, false);
    positive("--samples", samples);
    likelihood.check(this);
    output.createOut();
  }
}
