package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward normal}: the settings of {@link NormalExample}. */
@Command(name = "normal", mixinStandardHelpOptions = true,
    description = "Edward's normal.py: HMC on a correlated 2-D Gaussian; prints the posterior mean and stddev (true [1, 1] and [1, 1]).")
public final class NormalCommand extends ExampleCommand {

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
  public NormalCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    NormalExample.run(this);
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
