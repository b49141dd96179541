package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward cox-process}: the settings of {@link CoxProcessExample}. */
@Command(name = "cox-process", mixinStandardHelpOptions = true,
    description = "Edward's cox_process.py: Poisson counts with a Gaussian-process log-intensity (rbf kernel), KLqp; prints the loss.")
public final class CoxProcessCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "308", description = "players, Edward's N (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--v", paramLabel = "V", defaultValue = "2", description = "shot locations, Edward's V (default: ${DEFAULT-VALUE})")
  int v;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "5000",
      description = "KLqp iterations, Edward's n_iter (default: ${DEFAULT-VALUE})")
  int iterations;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public CoxProcessCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--n", n);
    positive("--v", v);
    positive("--iterations", iterations);
    Path out = output.createOut();
    CoxProcessExample.Settings s = new CoxProcessExample.Settings(n, v, iterations, output.seed());
    CoxProcessExample.Result r = CoxProcessExample.run(s, System.out);
    Path json = CoxProcessExample.report(s, r).writeJson(out.resolve("cox-process.json"));
    System.out.println("report: " + json);
    return 0;
  }
}
