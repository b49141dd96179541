package org.edward4j.examples.variational;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward bayesian-linear-regression-implicitklqp}: the flags of Edward's script. */
@Command(name = BayesianLinearRegressionImplicitKLqpExample.NAME, mixinStandardHelpOptions = true,
    description = "Edward's Bayesian linear regression with ImplicitKLqp (a ratio estimator for the likelihood): "
        + "q's mean should approach w_true = [5, 5]; Edward warns of a local optimum near [-5, 5].")
public final class BayesianLinearRegressionImplicitKLqpCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "500", description = "data points, Edward's N (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--m", paramLabel = "M", defaultValue = "50", description = "minibatch size, Edward's M (default: ${DEFAULT-VALUE})")
  int m;

  @Option(names = "--d", paramLabel = "D", defaultValue = "2", description = "features, Edward's D (default: ${DEFAULT-VALUE})")
  int d;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "5000",
      description = "iterations of 5 ratio-estimator steps and 1 variational step (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--print", paramLabel = "N", defaultValue = "100",
      description = "iterations between progress lines (default: ${DEFAULT-VALUE})")
  int print;

  @Mixin OutputOptions output;

  /** For picocli. */
  public BayesianLinearRegressionImplicitKLqpCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--n", n);
    positive("--m", m);
    positive("--d", d);
    positive("--iterations", iterations);
    positive("--print", print);
    if (m > n) {
      throw usage("--m must be at most --n (" + n + "), got " + m);
    }
    var out = output.createOut();
    BayesianLinearRegressionImplicitKLqpExample.run(
        new BayesianLinearRegressionImplicitKLqpExample.Settings(n, m, d, iterations, print, output.seed()), out, System.out);
    return 0;
  }
}
