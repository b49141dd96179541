package org.edward4j.examples;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.edward4j.spark.jobs.ImportanceNll;
import org.edward4j.spark.jobs.LinearGaussianNll;
import org.edward4j.spark.jobs.NllOptions;
import org.edward4j.spark.jobs.NllResult;
import org.edward4j.spark.jobs.TaskProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/edward spark nll}: the importance-sampled test NLL of a linear-Gaussian latent model
 * over a synthetic test set, partition by partition on Spark; prints a line per finished task and
 * per partition, then the mean NLL with its standard error against the closed form.
 */
@Command(name = "nll", mixinStandardHelpOptions = true,
    description = "Importance-sampled test NLL over a test set on Spark (linear-Gaussian model with a closed-form marginal).")
final class SparkNllCommand extends ExampleCommand {

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]", description = "Spark master URL (default: ${DEFAULT-VALUE})")
  String master;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "10000", description = "test rows (default: ${DEFAULT-VALUE})")
  int rows;

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "2", description = "partitions (default: ${DEFAULT-VALUE})")
  int partitions;

  @Option(names = "--k", paramLabel = "K", defaultValue = "100", description = "importance samples per row (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--samples-per-run", paramLabel = "S", defaultValue = "10",
      description = "model copies drawn per session run (default: ${DEFAULT-VALUE})")
  int samplesPerRun;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "100", description = "rows per batch (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--width", paramLabel = "D", defaultValue = "4", description = "observed values per row (default: ${DEFAULT-VALUE})")
  int width;

  @Option(names = "--noise-sd", paramLabel = "S", defaultValue = "0.8", description = "observation noise (default: ${DEFAULT-VALUE})")
  double noiseSd;

  @Option(names = "--proposal-sd", paramLabel = "S", defaultValue = "1.0",
      description = "the proposal's sd; the exact posterior's makes every K exact (default: ${DEFAULT-VALUE})")
  double proposalSd;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    positive("--rows", rows);
    positive("--partitions", partitions);
    positive("--k", k);
    positive("--samples-per-run", samplesPerRun);
    positive("--batch-size", batchSize);
    positive("--width", width);
    positive("--noise-sd", noiseSd, false);
    positive("--proposal-sd", proposalSd, false);
    if (master == null || master.isBlank()) {
      throw usage("--master must be a Spark master URL such as local[2], got an empty value");
    }
    LinearGaussianNll model = new LinearGaussianNll(width, noiseSd, proposalSd);
    NllOptions options = NllOptions.builder().samples(k).samplesPerRun(samplesPerRun).batchSize(batchSize).seed(output.seed()).build();
    float[][] data = model.rows(rows, output.seed());
    double exact = 0;
    for (float[] row : data) {
      exact -= model.logMarginal(row) / rows;
    }
    System.out.println(model + "\n" + options);
    long start = System.nanoTime();
    NllResult result;
    try (JavaSparkContext sc = SparkMaster.open(master, "edward4j spark nll");
        TaskProgress progress = TaskProgress.attach(sc, System.out::println)) {
      result = ImportanceNll.of(model, options).estimate(sc.parallelize(Arrays.asList(data), partitions));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    result.partitions().forEach(System.out::println);
    System.out.println(result);
    System.out.printf(Locale.ROOT, "closed form %.4f nats: the estimate is %+.4f nats above it (a lower bound of log p"
        + " overestimates the NLL); %d rows x %d samples in %.1f s (%.0f rows/s)%n", exact, result.meanNll() - exact, rows, k,
        seconds, rows / seconds);
    return 0;
  }
}
