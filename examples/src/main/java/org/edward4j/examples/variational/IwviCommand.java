package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward iwvi}: the settings of {@link IwviExample}. */
@Command(name = "iwvi", mixinStandardHelpOptions = true,
    description = "Edward's iwvi.py: importance-weighted VI, a user-written inference, on logistic regression.")
public final class IwviCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "5000", description = "data points (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--d", paramLabel = "D", defaultValue = "10", description = "features (default: ${DEFAULT-VALUE})")
  int d;

  @Option(names = "--k", paramLabel = "K", defaultValue = "5", description = "importance samples (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--iterations", paramLabel = "I", defaultValue = "1000",
      description = "training iterations (default: ${DEFAULT-VALUE})")
  int iterations;

  @Mixin OutputOptions output;

  /** For picocli. */
  public IwviCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--n", n);
    positive("--d", d);
    positive("--k", k);
    positive("--iterations", iterations);
    Path out = output.createOut();
    IwviExample.run(new IwviExample.Settings(n, d, k, iterations, output.seed(), out), System.out);
    return 0;
  }
}
