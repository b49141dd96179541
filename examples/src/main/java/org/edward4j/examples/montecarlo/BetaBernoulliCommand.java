package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward beta-bernoulli}: the settings of {@link BetaBernoulliExample}. */
@Command(name = "beta-bernoulli", mixinStandardHelpOptions = true,
    description = "Edward's beta_bernoulli.py: Metropolis-Hastings on a coin's bias (exact posterior mean 0.25, "
        + "stddev 0.12) and a posterior predictive check of the mean.")
public final class BetaBernoulliCommand extends ExampleCommand {

  @Option(names = "--samples", paramLabel = "T", defaultValue = "1000",
      description = "draws kept in the Empirical, Edward's T (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--ppc-samples", paramLabel = "S", defaultValue = "100",
      description = "replicated data sets of the posterior predictive check, ed.ppc's default (default: ${DEFAULT-VALUE})")
  int ppcSamples;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public BetaBernoulliCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    BetaBernoulliExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    positive("--samples", samples);
    positive("--ppc-samples", ppcSamples);
    output.createOut();
  }
}
