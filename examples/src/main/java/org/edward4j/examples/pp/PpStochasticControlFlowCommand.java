package org.edward4j.examples.pp;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward pp-stochastic-control-flow}: the settings of {@link PpStochasticControlFlowExample}. */
@Command(name = "pp-stochastic-control-flow", mixinStandardHelpOptions = true,
    description = "Edward's pp_stochastic_control_flow.py: a geometric draw from a while loop with a random condition.")
public final class PpStochasticControlFlowCommand extends ExampleCommand {

  @Option(names = "--p", paramLabel = "P", defaultValue = "0.1",
      description = "probability of heads (default: ${DEFAULT-VALUE})")
  double p;

  @Option(names = "--draws", paramLabel = "N", defaultValue = "1000",
      description = "draws in the histogram, Edward's 1000 (default: ${DEFAULT-VALUE})")
  int draws;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    if (!(p > 0 && p < 1)) {
      throw usage("--p must be in (0, 1), got " + p);
    }
    positive("--draws", draws);
    PpStochasticControlFlowExample.run(output.seed(), p, draws, output.createOut(), System.out);
    return 0;
  }
}
