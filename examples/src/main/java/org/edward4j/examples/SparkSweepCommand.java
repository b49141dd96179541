package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.edward4j.spark.jobs.HyperparameterSweep;
import org.edward4j.spark.jobs.ProposalSweep;
import org.edward4j.spark.jobs.SweepResult;
import org.edward4j.spark.jobs.SweepRow;
import org.edward4j.spark.jobs.TaskProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/edward spark sweep}: a hyperparameter sweep on Spark, one configuration per task
 * ({@link HyperparameterSweep}), over a problem with a known answer ({@link ProposalSweep}): the
 * importance-sampled test NLL of a linear-Gaussian latent model for each pair of a proposal width
 * (relative to the exact posterior's) and a number of samples K. Prints a line per finished task,
 * the table and the best configuration (which must have scale 1, the exact posterior), and writes
 * the table to {@code <out>/sweep.csv} and {@code <out>/sweep.json}, each atomically.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Hyperparameter sweep on Spark, one configuration per task: importance-sampling proposal width x K"
        + " for a linear-Gaussian model's test NLL (closed form known); the table as CSV and JSON.")
final class SparkSweepCommand extends ExampleCommand {

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]", description = "Spark master URL (default: ${DEFAULT-VALUE})")
  String master;

  @Option(names = "--scales", paramLabel = "S,S,...", split = ",", defaultValue = "0.5,1,2,4",
      description = "proposal widths relative to the exact posterior's (default: ${DEFAULT-VALUE})")
  List<Double> scales;

  @Option(names = "--k", paramLabel = "K,K,...", split = ",", defaultValue = "10,100",
      description = "importance samples per row (default: ${DEFAULT-VALUE})")
  List<Integer> ks;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "2000", description = "test rows per configuration (default: ${DEFAULT-VALUE})")
  int rows;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "100", description = "rows per batch (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--width", paramLabel = "D", defaultValue = "4", description = "observed values per row (default: ${DEFAULT-VALUE})")
  int width;

  @Option(names = "--noise-sd", paramLabel = "S", defaultValue = "0.8", description = "observation noise (default: ${DEFAULT-VALUE})")
  double noiseSd;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    if (master == null || master.isBlank()) {
      throw usage("--master must be a Spark master URL such as local[2], got an empty value");
    }
    for (double s : scales) {
      positive("--scales", s, false);
    }
    for (int k : ks) {
      positive("--k", k);
    }
    if (scales.stream().distinct().count() != scales.size() || ks.stream().distinct().count() != ks.size()) {
      throw usage("--scales and --k must not repeat a value, got --scales " + scales + " --k " + ks);
    }
    if (rows < 2) {
      throw usage("--rows must be at least 2 (for a standard error), got " + rows);
    }
    positive("--batch-size", batchSize);
    positive("--width", width);
    positive("--noise-sd", noiseSd, false);
    Path out = output.createOut();
    ProposalSweep function = new ProposalSweep(width, noiseSd, rows, batchSize, output.seed());
    List<ProposalSweep.Config> grid = ProposalSweep.grid(scales, ks);
    System.out.println(function + ": " + grid.size() + " configurations " + grid);
    long start = System.nanoTime();
    SweepResult<ProposalSweep.Config> result;
    try (JavaSparkContext sc = SparkMaster.open(master, "edward4j spark sweep");
        TaskProgress progress = TaskProgress.attach(sc, System.out::println)) {
      result = HyperparameterSweep.of(function).run(sc, grid);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(result);
    Path csv = result.writeCsv(out.resolve("sweep.csv"));
    Path json = result.writeJson(out.resolve("sweep.json"));
    result.best("abs_gap").ifPresent((SweepRow<ProposalSweep.Config> best) -> System.out.printf(Locale.ROOT,
        "best by |NLL - closed form|: %s (%.2e nats; the exact posterior is scale 1)%n", best.config(),
        best.metrics().get("abs_gap")));
    System.out.printf(Locale.ROOT, "%d configurations (%d failed) in %.1f s; table in %s and %s%n", grid.size(),
        result.failures().size(), seconds, csv.toAbsolutePath(), json.toAbsolutePath());
    return 0;
  }
}
