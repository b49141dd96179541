package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward stochastic-block-model}: the settings of {@link StochasticBlockModelExample}. */
@Command(name = "stochastic-block-model", mixinStandardHelpOptions = true,
    description = "Edward's stochastic_block_model.py: a two-block SBM of Zachary's karate club by MAP; adjusted Rand index.")
public final class StochasticBlockModelCommand extends ExampleCommand {

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "250",
      description = "MAP iterations, Edward's n_iter (default: ${DEFAULT-VALUE})")
  int iterations;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public StochasticBlockModelCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--iterations", iterations);
    Path out = output.createOut();
    StochasticBlockModelExample.Settings s = new StochasticBlockModelExample.Settings(iterations, output.seed());
    StochasticBlockModelExample.Result r = StochasticBlockModelExample.run(s, System.out);
    Path json = StochasticBlockModelExample.report(s, r).writeJson(out.resolve("stochastic-block-model.json"));
    System.out.println("report: " + json);
    return 0;
  }
}
