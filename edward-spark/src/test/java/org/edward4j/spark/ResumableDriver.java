package org.edward4j.spark;

import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The driver program {@link DriverKillTest} kills and starts again: the Gaussian GAN on
 * {@code local[2]} with a checkpoint per round in {@code args[0]}, {@code args[1]} rounds in all.
 * Prints a line per round and, at the end, the round it resumed from.
 */
final class ResumableDriver {

  private ResumableDriver() {}

  /** The options of the job, the same in the child JVM and in the test's reference run. */
  static AveragingOptions options(int rounds, Path checkpoints) {
    AveragingOptions.Builder b = AveragingOptions.builder()
        .rounds(rounds).updatesPerRound(5).batchSize(32).partitions(2).seed(17);
    return (checkpoints == null ? b : b.checkpointDirectory(checkpoints)).build();
  }

  public static void main(String[] args) {
    try (JavaSparkContext sc = new JavaSparkContext(LocalSpark.loopback("local[2]", "resumable-driver"))) {
      sc.setLogLevel("ERROR");
      AveragingResult result = ParameterAveraging.of(new GaussianGanModel(32),
              options(Integer.parseInt(args[1]), Path.of(args[0])))
          .onRound(r -> System.out.println("round " + r.round()))
          .fit(sc.parallelize(ParameterAveragingTrainingTest.gaussian(512, 1), 2));
      System.out.println("resumed from " + result.resumedFrom());
    }
  }
}
