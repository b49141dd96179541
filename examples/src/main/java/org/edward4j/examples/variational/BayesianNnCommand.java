package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward bayesian-nn}: the settings of {@link BayesianNnExample}. */
@Command(name = "bayesian-nn", mixinStandardHelpOptions = true,
    description = "Edward's bayesian_nn.py: a two-hidden-layer Bayesian neural network fitted with KLqp; prints the loss.")
public final class BayesianNnCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "40",
      description = "data points, Edward's N; even (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000",
      description = "KLqp iterations, Edward's default n_iter (default: ${DEFAULT-VALUE})")
  int iterations;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public BayesianNnCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--n", n);
    positive("--iterations", iterations);
    if (n % 2 != 0) {
      throw usage("--n must be even (half the points on each interval), got " + n);
    }
    Path out = output.createOut();
    BayesianNnExample.Settings s = new BayesianNnExample.Settings(n, iterations, output.seed());
    BayesianNnExample.Result r = BayesianNnExample.run(s, System.out);
    Path json = BayesianNnExample.report(s, r).writeJson(out.resolve("bayesian-nn.json"));
    System.out.println("report: " + json);
    return 0;
  }
}
