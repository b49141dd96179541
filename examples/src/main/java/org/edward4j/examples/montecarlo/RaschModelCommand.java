package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward rasch-model}: the settings of {@link RaschModelExample}. */
@Command(name = "rasch-model", mixinStandardHelpOptions = true,
    description = "Edward's rasch_model.py: HMC on the Rasch model; prints the MSE between true and inferred traits.")
public final class RaschModelCommand extends ExampleCommand {

  @Option(names = "--nsubj", paramLabel = "N", defaultValue = "200",
      description = "subjects (default: ${DEFAULT-VALUE})")
  int nsubj;

  @Option(names = "--nitem", paramLabel = "M", defaultValue = "25",
      description = "items (default: ${DEFAULT-VALUE})")
  int nitem;

  @Option(names = "--samples", paramLabel = "T", defaultValue = "5000",
      description = "draws kept in the Empiricals, Edward's T (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--step-size", paramLabel = "E", defaultValue = "0.1",
      description = "leapfrog step size, Edward's script's value (default: ${DEFAULT-VALUE})")
  double stepSize;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public RaschModelCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    RaschModelExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    positive("--nsubj", nsubj);
    positive("--nitem", nitem);
    positive("--samples", samples);
    positive("--step-size", stepSize, false);
    output.createOut();
  }
}
