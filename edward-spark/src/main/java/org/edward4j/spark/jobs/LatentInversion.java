package org.edward4j.spark.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.edward4j.core.io.AtomicFiles;
import org.edward4j.inferences.latent.LatentGanEstimator;
import org.edward4j.inferences.latent.LatentGanResult;
import org.edward4j.spark.GraphBuilds;
import scala.Tuple2;

/**
 * Latent inversion of an image data set on Spark: each partition runs one {@code
 * LatentGanEstimator} (Creswell and Bharath, 2018) over a generator it restores from the options'
 * checkpoint, and finds each image's code and reconstruction error. The result is a lazy {@code
 * JavaRDD} of {@link InvertedImage} rows, which {@link #writeCsv} writes as one file per partition,
 * each written atomically (temporary file, fsync, rename).
 *
 * <p>Images are numbered by {@code zipWithIndex}; image {@code i} is searched in batch {@code b = i
 * / B} at position {@code i mod B} (the estimator's batch size; the rest of a batch a partition
 * holds only in part is padded with a copy of one of its images), with the estimator's random step
 * set to {@code b} times the runs a search makes. Each code's search (per-example loss, Adam, clip,
 * best of the restarts) depends on its own image only, so an image's code is the same over 1 or 8
 * partitions, bit for bit, and a retried task recomputes it. This assumes a generator without
 * batch statistics and a per-example loss (a scalar loss couples the batch).
 *
 * <pre>{@code
 * LatentInversion job = LatentInversion.of(model, new InversionOptions(Path.of("out/gan/checkpoints"), 500, 42));
 * JavaRDD<InvertedImage> codes = job.invert(images);              // JavaRDD<float[]> of 784 pixels each
 * List<Path> files = LatentInversion.writeCsv(codes, Path.of("out/codes"));
 * }</pre>
 */
public final class LatentInversion {

  private final InversionModel model;
  private final InversionOptions options;

  private LatentInversion(InversionModel model, InversionOptions options) {
    this.model = model;
    this.options = options;
  }

  /**
   * The job, checked: the model must serialize (the options checked the checkpoint).
   *
   * @param model configures the estimator
   * @param options checkpoint, steps and seed
   * @return the job
   * @throws IllegalArgumentException if {@code model} cannot be serialized, naming what it captures
   */
  public static LatentInversion of(InversionModel model, InversionOptions options) {
    SerializableCheck.require("model", model);
    Objects.requireNonNull(options, "options");
    return new LatentInversion(model, options);
  }

  /**
   * Each image's best code and errors, computed lazily when the result is used.
   *
   * @param images flattened images of the generator's output shape
   * @return one row per image, in the images' partitions
   */
  public JavaRDD<InvertedImage> invert(JavaRDD<float[]> images) {
    Objects.requireNonNull(images, "images");
    return images.zipWithIndex().mapPartitionsWithIndex(new InversionTask(model, options), true);
  }

  /**
   * Writes {@code part-00000.csv}, {@code part-00001.csv}, ... one per partition, each atomically,
   * with a header {@code index,loss,reconstruction_error,z0,z1,...}.
   *
   * @param rows the inverted images
   * @param dir the output directory (on a file system the executors write); created if missing
   * @return the files written, in partition order
   */
  public static List<Path> writeCsv(JavaRDD<InvertedImage> rows, Path dir) {
    Objects.requireNonNull(rows, "rows");
    String target = Objects.requireNonNull(dir, "dir").toAbsolutePath().toString();
    List<String> written = new ArrayList<>(rows.mapPartitionsWithIndex((Integer partition, Iterator<InvertedImage> it) -> {
      StringBuilder sb = new StringBuilder();
      boolean header = false;
      while (it.hasNext()) {
        InvertedImage r = it.next();
        if (!header) {
          sb.append("index,loss,reconstruction_error");
          for (int j = 0; j < r.code().length; j++) {
            sb.append(",z").append(j);
          }
          sb.append('\n');
          header = true;
        }
        sb.append(r.csvLine()).append('\n');
      }
      Path file = Path.of(target, String.format("part-%05d.csv", partition));
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      try {
        AtomicFiles.write(file, out -> out.write(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
      return List.of(file.toString()).iterator();
    }, true).collect());
    written.sort(Comparator.naturalOrder());
    return written.stream().map(Path::of).toList();
  }

  @Override
  public String toString() {
    return "LatentInversion(" + options + ")";
  }

  /** One partition: one estimator, each batch at its global position and random step. */
  static final class InversionTask implements Function2<Integer, Iterator<Tuple2<float[], Long>>, Iterator<InvertedImage>> {
    private static final long serialVersionUID = 1L;
    private final InversionModel model;
    // Path is not serializable: the task carries the checkpoint as a string.
    private final String checkpoint;
    private final int steps;
    private final long seed;

    InversionTask(InversionModel model, InversionOptions options) {
      this.model = model;
      this.checkpoint = options.checkpoint().toAbsolutePath().toString();
      this.steps = options.steps();
      this.seed = options.seed();
    }

    @Override
    public Iterator<InvertedImage> call(Integer partition, Iterator<Tuple2<float[], Long>> images) {
      List<Tuple2<float[], Long>> held = new ArrayList<>();
      images.forEachRemaining(held::add);
      List<InvertedImage> out = new ArrayList<>(held.size());
      if (held.isEmpty()) {
        return out.iterator();
      }
      LatentGanEstimator estimator;
      synchronized (GraphBuilds.LOCK) {
        estimator = model.configure(LatentGanEstimator.builder()).warmStartFrom(Path.of(checkpoint)).seed(seed).build();
      }
      try (estimator) {
        int batchSize = estimator.params().batchSize();
        long runsPerBatch = searchRuns(estimator.params().restarts(), steps);
        float[][] batch = new float[batchSize][];
        int i = 0;
        while (i < held.size()) {
          long b = held.get(i)._2() / batchSize;
          int end = i;
          while (end < held.size() && held.get(end)._2() / batchSize == b) {
            end++;
          }
          java.util.Arrays.fill(batch, held.get(i)._1());
          for (int j = i; j < end; j++) {
            batch[(int) (held.get(j)._2() % batchSize)] = held.get(j)._1();
          }
          estimator.context().setRandomStep(b * runsPerBatch);
          LatentGanResult result = estimator.fit(batch, steps);
          for (int j = i; j < end; j++) {
            int p = (int) (held.get(j)._2() % batchSize);
            out.add(new InvertedImage(held.get(j)._2(), result.z()[p], result.losses()[p],
                meanSquaredError(result.generated()[p], batch[p])));
          }
          i = end;
        }
      }
      return out.iterator();
    }

    /** The session runs one fit makes: per start, the start, the steps and the read-out; then the final image. */
    static long searchRuns(int restarts, int steps) {
      return (long) restarts * (steps + 2) + 2;
    }

    private static double meanSquaredError(float[] generated, float[] target) {
      double s = 0;
      for (int j = 0; j < target.length; j++) {
        double d = (double) generated[j] - target[j];
        s += d * d;
      }
      return s / target.length;
    }
  }
}
