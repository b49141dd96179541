package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.edward4j.datasets.Mnist;
import org.edward4j.datasets.MnistSplit;
import org.edward4j.spark.jobs.GanTutorialInversion;
import org.edward4j.spark.jobs.InversionOptions;
import org.edward4j.spark.jobs.InvertedImage;
import org.edward4j.spark.jobs.LatentInversion;
import org.edward4j.spark.jobs.TaskProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/edward spark invert}: latent inversion of MNIST test digits on Spark ({@link
 * LatentInversion}): each partition restores the tutorial GAN's generator from {@code --checkpoint}
 * (a checkpoint of {@code spark gan} or of the single-machine {@code gan} example) into one {@code
 * LatentGanEstimator} and searches each digit's code. Writes the codes and errors as {@code
 * <out>/codes/part-NNNNN.csv}, one file per partition, each atomically; prints a line per finished
 * task and the reconstruction error's mean and quartiles.
 */
@Command(name = "invert", mixinStandardHelpOptions = true,
    description = "Latent inversion of MNIST test digits on Spark through the tutorial GAN's generator, one estimator per"
        + " partition; codes and errors in <out>/codes/part-NNNNN.csv.")
final class SparkInvertCommand extends ExampleCommand {

  /** MNIST's test digits. */
  static final int TEST_IMAGES = 10_000;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]", description = "Spark master URL (default: ${DEFAULT-VALUE})")
  String master;

  @Option(names = "--checkpoint", paramLabel = "DIR", defaultValue = "out/spark-gan/checkpoints",
      description = "the generator's checkpoint directory or prefix, readable by every executor (default: ${DEFAULT-VALUE})")
  Path checkpoint;

  @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "test digits to invert, the first N (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "2", description = "partitions (default: ${DEFAULT-VALUE})")
  int partitions;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64", description = "digits per search (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "500",
      description = "optimizer steps per start; 0 keeps the starting codes (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--restarts", paramLabel = "N", defaultValue = "1",
      description = "random starts per digit, the best kept (default: ${DEFAULT-VALUE})")
  int restarts;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.05", description = "Adam's learning rate on the codes (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--clip", paramLabel = "X", defaultValue = "1.0",
      description = "bound of each code component, 1 for the tutorial's Uniform(-1, 1) noise (default: ${DEFAULT-VALUE})")
  double clip;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    if (master == null || master.isBlank()) {
      throw usage("--master must be a Spark master URL such as local[2], got an empty value");
    }
    positive("--count", count);
    if (count > TEST_IMAGES) {
      throw usage("--count must be at most " + TEST_IMAGES + " (MNIST's test digits), got " + count);
    }
    positive("--partitions", partitions);
    positive("--batch-size", batchSize);
    nonNegative("--steps", steps);
    positive("--restarts", restarts);
    positive("--lr", lr, false);
    positive("--clip", clip, false);
    InversionOptions options;
    try {
      options = new InversionOptions(checkpoint, steps, output.seed());
    } catch (IllegalArgumentException e) {
      throw usage("--checkpoint: " + e.getMessage());
    }
    GanTutorialInversion model = new GanTutorialInversion(batchSize, lr, restarts, clip);
    Path out = output.createOut();
    MnistSplit test = Mnist.load().test();
    List<float[]> images = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      images.add(test.image(i));
    }
    System.out.println(model + "\n" + options);
    long start = System.nanoTime();
    List<Path> files;
    double[] errors;
    try (JavaSparkContext sc = SparkMaster.open(master, "edward4j spark invert");
        TaskProgress progress = TaskProgress.attach(sc, System.out::println)) {
      JavaRDD<InvertedImage> rows = LatentInversion.of(model, options).invert(sc.parallelize(images, partitions)).cache();
      files = LatentInversion.writeCsv(rows, out.resolve("codes"));
      // The rows are cached: collecting them reruns nothing (each is an index, 100 floats and two errors).
      errors = rows.collect().stream().mapToDouble(InvertedImage::reconstructionError).toArray();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(errors);
    System.out.printf(Locale.ROOT, "%d digits inverted in %.1f s (%.1f digits/s): reconstruction error (pixel MSE) mean %.4f,"
            + " quartiles %.4f / %.4f / %.4f; %d files in %s%n", errors.length, seconds, errors.length / seconds,
        Arrays.stream(errors).average().orElse(Double.NaN), quantile(errors, 0.25), quantile(errors, 0.5),
        quantile(errors, 0.75), files.size(), out.resolve("codes").toAbsolutePath());
    return 0;
  }

  /** The sorted values' quantile by linear interpolation. */
  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
