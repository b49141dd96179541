package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward eight-schools}: the settings of {@link EightSchoolsExample}. */
@Command(name = "eight-schools", mixinStandardHelpOptions = true,
    description = "Edward's eight_schools.py: KLqp and HMC on the non-centred eight schools; HMC's E[mu] and "
        + "E[log tau] against Stan's NUTS (5.84, 2.45) with ESS and split R-hat over several chains.")
public final class EightSchoolsCommand extends ExampleCommand {

  @Option(names = "--klqp-iterations", paramLabel = "N", defaultValue = "60000",
      description = "KLqp iterations, Edward's script's n_iter (default: ${DEFAULT-VALUE})")
  int klqpIterations;

  @Option(names = "--chains", paramLabel = "C", defaultValue = "4",
      description = "HMC chains; at least 2 for R-hat (default: ${DEFAULT-VALUE})")
  int chains;

  @Option(names = "--samples", paramLabel = "S", defaultValue = "100000",
      description = "HMC draws per chain, the second half kept; Edward's notebook's S (default: ${DEFAULT-VALUE})")
  int samples;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public EightSchoolsCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    EightSchoolsExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    positive("--klqp-iterations", klqpIterations);
    if (chains < 2) {
      throw usage("--chains must be at least 2 (R-hat compares chains), got " + chains);
    }
    if (samples < 16) {
      throw usage("--samples must be at least 16 (a split half of 4 draws per chain), got " + samples);
    }
    output.createOut();
  }
}
