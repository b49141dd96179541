package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward normal-sgld}: the settings of {@link NormalSgldExample}. */
@Command(name = "normal-sgld", mixinStandardHelpOptions = true,
    description = "Edward's normal_sgld.py: SGLD on a correlated 2-D Gaussian; prints the posterior mean and stddev (true [1, 1] and [1, 1]).")
public final class NormalSgldCommand extends ExampleCommand {

  @Option(names = "--samples", paramLabel = "T", defaultValue = "2000",
      description = "draws kept in the Empirical, Edward's T (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--step-size", paramLabel = "E", defaultValue = "5.0",
      description = "step-size scale a of eps_t = a / (t + 1)^0.55, Edward's script's value (default: ${DEFAULT-VALUE})")
  double stepSize;

  @Option(names = "--burn-in", paramLabel = "N", defaultValue = "200",
      description = "draws dropped for the second summary; Edward's figure keeps all (default: ${DEFAULT-VALUE})")
  int burnIn;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public NormalSgldCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    NormalSgldExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    positive("--samples", samples);
    positive("--step-size", stepSize, false);
    nonNegative("--burn-in", burnIn);
    if (burnIn >= samples - 3) {
      throw usage("--burn-in must leave at least 4 of the " + samples + " draws, got " + burnIn);
    }
    output.createOut();
  }
}
