package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward beta-bernoulli-conjugate}: the settings of {@link BetaBernoulliConjugateExample}. */
@Command(name = "beta-bernoulli-conjugate", mixinStandardHelpOptions = true,
    description = "Edward's beta_bernoulli_conjugate.py: prints the complete conditional of a coin's bias, Beta(3, 9).")
public final class BetaBernoulliConjugateCommand extends ExampleCommand {

  @Option(names = "--flips", paramLabel = "0,1,...", split = ",", defaultValue = "0,1,0,0,0,0,0,0,0,1",
      description = "the coin flips, 0 or 1, comma-separated (default: Edward's ${DEFAULT-VALUE})")
  int[] flips;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public BetaBernoulliConjugateCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    BetaBernoulliConjugateExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    for (int i = 0; i < flips.length; i++) {
      if (flips[i] != 0 && flips[i] != 1) {
        throw usage("--flips must hold only 0 and 1, got " + flips[i] + " at position " + (i + 1));
      }
    }
    output.createOut();
  }
}
