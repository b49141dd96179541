package org.edward4j.examples;

import picocli.CommandLine.Option;

/** {@code --k} and {@code --test-images}: how the latent-variable examples estimate the test NLL. */
final class LikelihoodOptions {

  @Option(names = "--k", paramLabel = "K", defaultValue = "100",
      description = "importance samples per test image for the test NLL (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--test-images", paramLabel = "N", defaultValue = "10000",
      description = "test images for the NLL, in whole batches (default: ${DEFAULT-VALUE})")
  int testImages;

  /** Checks the values, naming the flag. */
  void check(ExampleCommand command) {
    command.positive("--k", k);
    command.positive("--test-images", testImages);
  }
}
