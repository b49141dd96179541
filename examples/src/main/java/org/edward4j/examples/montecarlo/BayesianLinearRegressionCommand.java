package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward bayesian-linear-regression}: the settings of {@link BayesianLinearRegressionExample}. */
@Command(name = "bayesian-linear-regression", mixinStandardHelpOptions = true,
    description = "Edward's bayesian_linear_regression.py: SGHMC on a toy linear regression; prints the test mean "
        + "squared error through evaluate.")
public final class BayesianLinearRegressionCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "40",
      description = "data points in each of the training and test sets, Edward's N; at least 4 (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--samples", paramLabel = "T", defaultValue = "5000",
      description = "draws kept in the Empiricals, Edward's T (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--step-size", paramLabel = "E", defaultValue = "0.001",
      description = "SGHMC step size (learning rate 0.01 * E), Edward's script's value (default: ${DEFAULT-VALUE})")
  double stepSize;

  @Option(names = "--burn-in", paramLabel = "N", defaultValue = "100",
      description = "draws dropped before the summaries and the joint plot, Edward's nburn (default: ${DEFAULT-VALUE})")
  int burnIn;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public BayesianLinearRegressionCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    BayesianLinearRegressionExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    if (n < 4) {
      throw usage("--n must be at least 4, got " + n);
    }
    positive("--samples", samples);
    positive("--step-size", stepSize, false);
    nonNegative("--burn-in", burnIn);
    if (burnIn >= samples - 3) {
      throw usage("--burn-in must leave at least 4 of the " + samples + " draws, got " + burnIn);
    }
    output.createOut();
  }
}
