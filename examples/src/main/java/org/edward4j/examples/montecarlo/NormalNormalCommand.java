package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward normal-normal}: the settings of {@link NormalNormalExample}. */
@Command(name = "normal-normal", mixinStandardHelpOptions = true,
    description = "Edward's normal_normal.py: HMC on the Normal-Normal model; prints the posterior mean and stddev (analytic 0 and 0.140).")
public final class NormalNormalCommand extends ExampleCommand {

  @Option(names = "--samples", paramLabel = "T", defaultValue = "1000",
      description = "draws kept in the Empirical, Edward's T (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--step-size", paramLabel = "E", defaultValue = "0.25",
      description = "leapfrog step size, Edward's default (default: ${DEFAULT-VALUE})")
  double stepSize;

  @Option(names = "--leapfrog-steps", paramLabel = "L", defaultValue = "2",
      description = "leapfrog steps per draw, Edward's default (default: ${DEFAULT-VALUE})")
  int leapfrogSteps;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public NormalNormalCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    NormalNormalExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    positive("--samples", samples);
    positive("--step-size", stepSize, false);
    positive("--leapfrog-steps", leapfrogSteps);
    output.createOut();
  }
}
