package org.edward4j.examples.montecarlo;

import org.edward4j.datasets.Mnist;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward factor-analysis}: the settings of {@link FactorAnalysisExample}. */
@Command(name = "factor-analysis", mixinStandardHelpOptions = true,
    description = "Edward's factor_analysis.py: logistic factor analysis of MNIST images by Monte Carlo EM (HMC "
        + "E-step, MAP M-step); prints the M-step's loss per epoch.")
public final class FactorAnalysisCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "1",
      description = "MNIST training images fitted, Edward's N (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--d", paramLabel = "D", defaultValue = "10",
      description = "latent dimensions (default: ${DEFAULT-VALUE})")
  int d;

  @Option(names = "--iterations-per-epoch", paramLabel = "K", defaultValue = "5000",
      description = "EM iterations per epoch (default: ${DEFAULT-VALUE})")
  int iterationsPerEpoch;

  @Option(names = "--epochs", paramLabel = "E", defaultValue = "20",
      description = "epochs; as Edward's script, E - 1 are run (default: ${DEFAULT-VALUE})")
  int epochs;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public FactorAnalysisCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    FactorAnalysisExample.run(this, Mnist.load().train().firstImages(n));
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    if (n < 1 || n > 60000) {
      throw usage("--n must be in [1, 60000], got " + n);
    }
    positive("--d", d);
    positive("--iterations-per-epoch", iterationsPerEpoch);
    if (epochs < 2) {
      throw usage("--epochs must be at least 2 (Edward's script runs epochs - 1), got " + epochs);
    }
    if ((long) iterationsPerEpoch * epochs * n * d > Integer.MAX_VALUE) {
      throw usage("--iterations-per-epoch * --epochs * --n * --d must stay below 2^31 stored numbers, got "
          + (long) iterationsPerEpoch * epochs * n * d);
    }
    output.createOut();
  }
}
