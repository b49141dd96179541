package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward probabilistic-pca-subsampling}: the settings of {@link ProbabilisticPcaSubsamplingExample}. */
@Command(name = "probabilistic-pca-subsampling", mixinStandardHelpOptions = true,
    description = "Edward's probabilistic_pca_subsampling.py: PPCA on minibatches with two alternating KLqp; inferred vs true axes.")
public final class ProbabilisticPcaSubsamplingCommand extends ExampleCommand {

  @Option(names = "--n", paramLabel = "N", defaultValue = "5000", description = "data points, Edward's N (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--batch", paramLabel = "M", defaultValue = "100",
      description = "minibatch size, Edward's M (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--d", paramLabel = "D", defaultValue = "2", description = "data dimension, Edward's D (default: ${DEFAULT-VALUE})")
  int d;

  @Option(names = "--k", paramLabel = "K", defaultValue = "1", description = "latent dimension, Edward's K (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000",
      description = "W updates, each after five z updates (Edward's default n_iter) (default: ${DEFAULT-VALUE})")
  int iterations;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public ProbabilisticPcaSubsamplingCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--n", n);
    positive("--batch", batch);
    positive("--d", d);
    positive("--k", k);
    positive("--iterations", iterations);
    if (batch > n) {
      throw usage("--batch must be at most --n (" + n + "), got " + batch);
    }
    Path out = output.createOut();
    var s = new ProbabilisticPcaSubsamplingExample.Settings(n, batch, d, k, iterations, output.seed());
    var r = ProbabilisticPcaSubsamplingExample.run(s, System.out);
    Path json = ProbabilisticPcaSubsamplingExample.report(s, r).writeJson(out.resolve("probabilistic-pca-subsampling.json"));
    System.out.println("report: " + json);
    return 0;
  }
}
