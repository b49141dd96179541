package org.edward4j.spark.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.edward4j.core.ModelContext;
import org.edward4j.inferences.MarginalLikelihood;
import org.edward4j.spark.GraphBuilds;
import scala.Tuple2;

/**
 * The importance-sampled test negative log-likelihood of a large test set on Spark: every
 * partition estimates {@code log p(x) ≈ log (1/K) sum_k p(x, z_k) / q(z_k | x)} for its rows
 * with the project's {@link MarginalLikelihood} (Burda et al., 2016), and the driver merges the
 * partitions' means into the mean NLL and its standard error.
 *
 * <p>Rows are numbered by {@code zipWithIndex}; row {@code i} belongs to batch {@code b = i / B}
 * at position {@code i mod B}. A task builds the model once (a fresh context seeded with the job's
 * seed), then for each batch it holds, feeds its rows at their positions (the rest of the batch
 * padded with a copy of one of them) and sets the context's random step to {@code b *
 * runsPerBatch} before estimating. So a row's estimate depends on the seed, its index and its own
 * data only, never on the partitioning: a job over 1 or 8 partitions gives the same numbers (row
 * by row, bit for bit), and a retried task recomputes the same ones. Nothing native outlives a task.
 *
 * <pre>{@code
 * NllOptions options = NllOptions.builder().samples(100).samplesPerRun(10).batchSize(100).seed(42).build();
 * NllResult nll = ImportanceNll.of(new LinearGaussianNll(4, 0.8, 1.0), options).estimate(testRows);
 * System.out.println(nll);   // test NLL 6.0123 +- 0.0312 nats over 10000 rows (K=100, 4 partitions)
 * }</pre>
 */
public final class ImportanceNll {

  private final ImportanceModel model;
  private final NllOptions options;

  private ImportanceNll(ImportanceModel model, NllOptions options) {
    this.model = model;
    this.options = options;
  }

  /**
   * The job, checked: the model must serialize.
   *
   * @param model builds the model and proposal for a batch
   * @param options K, samples per run, batch size and seed
   * @return the job
   * @throws IllegalArgumentException if {@code model} cannot be serialized, naming what it captures
   */
  public static ImportanceNll of(ImportanceModel model, NllOptions options) {
    SerializableCheck.require("model", model);
    Objects.requireNonNull(options, "options");
    return new ImportanceNll(model, options);
  }

  /**
   * Each row's {@code log p(x)} estimate, computed lazily when the result is used.
   *
   * @param rows the test rows, each flattened to the model input's row width
   * @return one estimate per row, with the row's global index, in the rows' partitions
   */
  public JavaRDD<RowLogMarginal> logMarginals(JavaRDD<float[]> rows) {
    Objects.requireNonNull(rows, "rows");
    return rows.zipWithIndex().mapPartitionsWithIndex(new NllTask(model, options), true);
  }

  /**
   * The mean test NLL over every row and its standard error.
   *
   * @param rows the test rows
   * @return the mean NLL, its standard error over rows, and each partition's share
   * @throws IllegalArgumentException for an empty data set
   */
  public NllResult estimate(JavaRDD<float[]> rows) {
    Objects.requireNonNull(rows, "rows");
    NllTask task = new NllTask(model, options);
    List<PartitionNll> parts = new ArrayList<>(rows.zipWithIndex().mapPartitionsWithIndex(
        (Integer partition, Iterator<Tuple2<float[], Long>> held) -> {
          long start = System.nanoTime();
          return summarize(partition, task.call(partition, held), start);
        }, true).collect());
    parts.sort(Comparator.comparingInt(PartitionNll::partition));
    return NllResult.merge(parts, options.samples());
  }

  /** A partition's mean and M2 of -log p(x) (Welford), and the task's time since {@code start}. */
  static Iterator<PartitionNll> summarize(int partition, Iterator<RowLogMarginal> rows, long start) {
    long n = 0;
    double mean = 0;
    double m2 = 0;
    while (rows.hasNext()) {
      double nll = -rows.next().logMarginal();
      n++;
      double delta = nll - mean;
      mean += delta / n;
      m2 += delta * (nll - mean);
    }
    return List.of(new PartitionNll(partition, n, mean, m2, (System.nanoTime() - start) / 1e9)).iterator();
  }

  @Override
  public String toString() {
    return "ImportanceNll(" + model.getClass().getSimpleName() + ", " + options + ")";
  }

  /** One partition: build once, then each batch at its global position and random step. */
  static final class NllTask implements Function2<Integer, Iterator<Tuple2<float[], Long>>, Iterator<RowLogMarginal>> {
    private static final long serialVersionUID = 1L;
    private final ImportanceModel model;
    // The options' values, not the record: options stay plain records on the driver.
    private final int samples;
    private final int samplesPerRun;
    private final int batchSize;
    private final long seed;
    private final int runsPerBatch;

    NllTask(ImportanceModel model, NllOptions options) {
      this.model = model;
      this.samples = options.samples();
      this.samplesPerRun = options.samplesPerRun();
      this.batchSize = options.batchSize();
      this.seed = options.seed();
      this.runsPerBatch = options.runsPerBatch();
    }

    @Override
    public Iterator<RowLogMarginal> call(Integer partition, Iterator<Tuple2<float[], Long>> rows) {
      List<Tuple2<float[], Long>> held = new ArrayList<>();
      rows.forEachRemaining(held::add);
      List<RowLogMarginal> out = new ArrayList<>(held.size());
      if (held.isEmpty()) {
        return out.iterator();
      }
      try (ModelContext ctx = ModelContext.withSeed(seed)) {
        LikelihoodSetup setup;
        MarginalLikelihood ml;
        synchronized (GraphBuilds.LOCK) {
          setup = model.build(ctx, batchSize);
          if (setup.input().shape().get(0) != batchSize) {
            throw new IllegalArgumentException("the ImportanceModel's `input` must have " + batchSize
                + " rows (the batch size) along its first axis, got shape " + setup.input().shape());
          }
          ml = MarginalLikelihood.builder(setup.latentVars(), setup.data())
              .samples(samples).samplesPerRun(samplesPerRun).build();
        }
        int width = setup.width();
        float[] buffer = new float[batchSize * width];
        int i = 0;
        while (i < held.size()) {
          long batch = held.get(i)._2() / batchSize;
          int end = i;
          while (end < held.size() && held.get(end)._2() / batchSize == batch) {
            float[] row = held.get(end)._1();
            if (row == null || row.length != width) {
              throw new IllegalArgumentException("row " + held.get(end)._2() + " must hold " + width
                  + " floats (the model input's row width), got " + (row == null ? "null" : row.length));
            }
            end++;
          }
          for (int p = 0; p < batchSize; p++) {
            System.arraycopy(held.get(i)._1(), 0, buffer, p * width, width);
          }
          for (int j = i; j < end; j++) {
            System.arraycopy(held.get(j)._1(), 0, buffer, (int) (held.get(j)._2() % batchSize) * width, width);
          }
          ctx.setRandomStep(batch * runsPerBatch);
          double[] logP = ml.logMarginal(Map.of(setup.input(), buffer));
          for (int j = i; j < end; j++) {
            long index = held.get(j)._2();
            out.add(new RowLogMarginal(index, logP[(int) (index % batchSize)]));
          }
          i = end;
        }
      }
      return out.iterator();
    }
  }
}
