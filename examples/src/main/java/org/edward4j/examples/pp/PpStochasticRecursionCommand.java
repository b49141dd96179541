package org.edward4j.examples.pp;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward pp-stochastic-recursion}: the settings of {@link PpStochasticRecursionExample}. */
@Command(name = "pp-stochastic-recursion", mixinStandardHelpOptions = true,
    description = "Edward's pp_stochastic_recursion.py: a geometric draw by (bounded, unrolled) recursion.")
public final class PpStochasticRecursionCommand extends ExampleCommand {

  @Option(names = "--p", paramLabel = "P", defaultValue = "0.9",
      description = "probability of heads (default: ${DEFAULT-VALUE})")
  double p;

  @Option(names = "--draws", paramLabel = "N", defaultValue = "1000",
      description = "draws in the histogram, Edward's 1000 (default: ${DEFAULT-VALUE})")
  int draws;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    // below 0.05 the unrolled recursion needs over 500 levels of graph
    if (!(p >= 0.05 && p < 1)) {
      throw usage("--p must be in [0.05, 1), got " + p);
    }
    positive("--draws", draws);
    PpStochasticRecursionExample.run(output.seed(), p, draws, output.createOut(), System.out);
    return 0;
  }
}
