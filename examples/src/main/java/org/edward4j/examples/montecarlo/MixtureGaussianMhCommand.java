package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward mixture-gaussian-mh}: the settings of {@link MixtureGaussianMhExample}. */
@Command(name = "mixture-gaussian-mh", mixinStandardHelpOptions = true,
    description = "Edward's mixture_gaussian_mh.py: Metropolis-Hastings on a Gaussian mixture, which Edward says "
        + "utterly fails; prints the inferred weights and means and the acceptance rate.")
public final class MixtureGaussianMhCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "500",
      description = "data points, Edward's N (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--samples", paramLabel = "T", defaultValue = "5000",
      description = "draws kept in the Empiricals, Edward's T (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--print", paramLabel = "P", defaultValue = "500",
      description = "draws between printed estimates, Edward's n_print (default: ${DEFAULT-VALUE})")
  int print;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public MixtureGaussianMhCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    MixtureGaussianMhExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    positive("--n", n);
    positive("--samples", samples);
    positive("--print", print);
    output.createOut();
  }
}
