package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward bayesian-logistic-regression}: the settings of {@link BayesianLogisticRegressionExample}. */
@Command(name = "bayesian-logistic-regression", mixinStandardHelpOptions = true,
    description = "Edward's bayesian_logistic_regression.py: HMC on a toy logistic regression; pictures of the "
        + "fitted curves from posterior draws.")
public final class BayesianLogisticRegressionCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "40",
      description = "data points, Edward's N (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--samples", paramLabel = "T", defaultValue = "5000",
      description = "draws kept in the Empiricals, Edward's T (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--step-size", paramLabel = "E", defaultValue = "0.6",
      description = "leapfrog step size, Edward's script's value (default: ${DEFAULT-VALUE})")
  double stepSize;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public BayesianLogisticRegressionCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    BayesianLogisticRegressionExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    positive("--n", n);
    positive("--samples", samples);
    positive("--step-size", stepSize, false);
    output.createOut();
  }
}
