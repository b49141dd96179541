package org.edward4j.examples;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward vae}: the settings of {@link VaeExample}. */
@Command(name = "vae", mixinStandardHelpOptions = true,
    description = "Edward's VAE (Normal latents, Bernoulli decoder) on MNIST with KLqp: sample grids, test NLL.")
final class VaeCommand extends ExampleCommand {

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "60000",
      description = "training iterations: 600 per epoch at batch 100; Edward runs 100 epochs (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--print", paramLabel = "N", defaultValue = "1000",
      description = "iterations between progress reports and sample grids (default: ${DEFAULT-VALUE})")
  int print;

  @Option(names = "--batch", paramLabel = "M", defaultValue = "100",
      description = "images per minibatch, Edward's M (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--latent", paramLabel = "D", defaultValue = "2",
      description = "latent dimension, Edward's d (default: ${DEFAULT-VALUE})")
  int latent;

  @Mixin LikelihoodOptions likelihood;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    check();
    VaeExample.run(this);
    return 0;
  }

  /** Checks every value; also used by {@code bin/edward quality vae}. */
  void check() {
    positive("--iterations", iterations);
    positive("--print", print);
    positive("--batch", batch);
    positive("--latent", latent);
    likelihood.check(this);
    output.createOut();
  }
}
