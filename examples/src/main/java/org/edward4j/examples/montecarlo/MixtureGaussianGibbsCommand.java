package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward mixture-gaussian-gibbs}: the settings of {@link MixtureGaussianGibbsExample}. */
@Command(name = "mixture-gaussian-gibbs", mixinStandardHelpOptions = true,
    description = "Edward's mixture_gaussian_gibbs.py: Gibbs sampling of a 3-component Gaussian mixture; prints and "
        + "plots inferred against true means, variances and weights.")
public final class MixtureGaussianGibbsCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "10000",
      description = "data points (default: Edward's ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--samples", paramLabel = "T", defaultValue = "500",
      description = "Gibbs sweeps, Edward's T (default: ${DEFAULT-VALUE})")
  int samples;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public MixtureGaussianGibbsCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    MixtureGaussianGibbsExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    positive("--n", n);
    if (samples < 4) {
      throw usage("--samples must be at least 4 (the second half is averaged), got " + samples);
    }
    output.createOut();
  }
}
