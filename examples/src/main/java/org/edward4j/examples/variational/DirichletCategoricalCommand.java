package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward dirichlet-categorical}: the settings of {@link DirichletCategoricalExample}. */
@Command(name = "dirichlet-categorical", mixinStandardHelpOptions = true,
    description = "Edward's dirichlet_categorical.py: KLqp with a Dirichlet q; prints true and inferred pi.")
public final class DirichletCategoricalCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "1000",
      description = "observations, Edward's N (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "1500",
      description = "KLqp iterations, Edward's n_iter (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--samples", paramLabel = "S", defaultValue = "30",
      description = "Monte Carlo samples per gradient, Edward's n_samples (default: ${DEFAULT-VALUE})")
  int samples;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public DirichletCategoricalCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--n", n);
    positive("--iterations", iterations);
    positive("--samples", samples);
    Path out = output.createOut();
    DirichletCategoricalExample.Settings s = new DirichletCategoricalExample.Settings(n, iterations, samples, output.seed());
    DirichletCategoricalExample.Result r = DirichletCategoricalExample.run(s, System.out);
    Path json = DirichletCategoricalExample.report(s, r).writeJson(out.resolve("dirichlet-categorical.json"));
    System.out.println("report: " + json);
    return 0;
  }
}
