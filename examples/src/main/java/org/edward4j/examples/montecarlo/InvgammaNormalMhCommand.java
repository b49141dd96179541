package org.edward4j.examples.montecarlo;

import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward invgamma-normal-mh}: the settings of {@link InvgammaNormalMhExample}. */
@Command(name = "invgamma-normal-mh", mixinStandardHelpOptions = true,
    description = "Edward's invgamma_normal_mh.py: Metropolis-Hastings on the variance of Normal data; prints the "
        + "inferred scale (true 0.7).")
public final class InvgammaNormalMhCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "1000",
      description = "data points, Edward's N (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--loc", paramLabel = "M", defaultValue = "7.0",
      description = "the data's known mean (default: ${DEFAULT-VALUE})")
  double loc;

  @Option(names = "--scale", paramLabel = "S", defaultValue = "0.7",
      description = "the data's true scale (default: ${DEFAULT-VALUE})")
  double scale;

  @Option(names = "--samples", paramLabel = "T", defaultValue = "1000",
      description = "draws kept in the Empirical, Edward's T (default: ${DEFAULT-VALUE})")
  int samples;

  @Mixin OutputOptions output;

  /** Picocli's constructor. */
  public InvgammaNormalMhCommand() {}

  @Override
  public Integer call() throws Exception {
    check();
    InvgammaNormalMhExample.run(this);
    return 0;
  }

  /** Checks every value and creates the output directory. */
  void check() {
    positive("--n", n);
    if (!Double.isFinite(loc)) {
      throw usage("--loc must be a finite number, got " + loc);
    }
    positive("--scale", scale, false);
    positive("--samples", samples);
    output.createOut();
  }
}
