package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward probabilistic-matrix-factorization}: the settings of {@link ProbabilisticMatrixFactorizationExample}. */
@Command(name = "probabilistic-matrix-factorization", mixinStandardHelpOptions = true,
    description = "Edward's probabilistic_matrix_factorization.py: KLqp on U^T V with half the entries held out; test MSE.")
public final class ProbabilisticMatrixFactorizationCommand extends ExampleCommand {

  @Option(names = "--users", paramLabel = "N", defaultValue = "50", description = "users, Edward's N (default: ${DEFAULT-VALUE})")
  int users;

  @Option(names = "--movies", paramLabel = "M", defaultValue = "60", description = "movies, Edward's M (default: ${DEFAULT-VALUE})")
  int movies;

  @Option(names = "--factors", paramLabel = "D", defaultValue = "3",
      description = "latent factors, Edward's D (default: ${DEFAULT-VALUE})")
  int factors;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000",
      description = "KLqp iterations, Edward's default n_iter (default: ${DEFAULT-VALUE})")
  int iterations;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public ProbabilisticMatrixFactorizationCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--users", users);
    positive("--movies", movies);
    positive("--factors", factors);
    positive("--iterations", iterations);
    Path out = output.createOut();
    var s = new ProbabilisticMatrixFactorizationExample.Settings(users, movies, factors, iterations, output.seed());
    var r = ProbabilisticMatrixFactorizationExample.run(s, System.out);
    Path json = ProbabilisticMatrixFactorizationExample.report(s, r).writeJson(out.resolve("probabilistic-matrix-factorization.json"));
    System.out.println("report: " + json);
    return 0;
  }
}
