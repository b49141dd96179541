package org.edward4j.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.edward4j.core.ModelContext;
import org.edward4j.inferences.MarginalLikelihood;
import org.edward4j.spark.LocalSpark;
import org.junit.jupiter.api.Test;

/**
 * The partitioned test NLL on the linear-Gaussian model {@code z ~ N(0, 1)}, {@code x_d ~ N(z,
 * s^2)}, whose marginal {@code N(0, s^2 I + 1 1^T)} is written out in {@link LinearGaussianNll}
 * and checked here against an independent density.
 */
class ImportanceNllTest {

  private static final LinearGaussianNll WIDE = new LinearGaussianNll(4, 0.8, 1.0);

  /** Rows over 3 partitions of uneven size, so that batches of 8 straddle partition boundaries. */
  private static JavaRDD<float[]> rdd(float[][] rows) {
    return LocalSpark.get().parallelize(Arrays.asList(rows), 3);
  }

  @Test
  void closedFormMarginalMatchesAnIndependentDensity() {
    // D = 1: x ~ N(0, 1 + s^2) by hand.
    LinearGaussianNll one = new LinearGaussianNll(1, 0.8, 1.0);
    double v = 1 + 0.64;
    double x = 1.3f;
    assertEquals(-0.5 * Math.log(2 * Math.PI * v) - x * x / (2 * v), one.logMarginal(new float[] {1.3f}), 1e-12);
    // D = 2: the bivariate normal with variances 1 + s^2 and covariance 1.
    LinearGaussianNll two = new LinearGaussianNll(2, 0.8, 1.0);
    float[] yf = {0.4f, -1.1f};
    double[] y = {yf[0], yf[1]};
    double det = v * v - 1;
    double quad = (v * y[0] * y[0] - 2 * y[0] * y[1] + v * y[1] * y[1]) / det;
    assertEquals(-Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * quad, two.logMarginal(yf), 1e-12);
  }

  @Test
  void exactProposalGivesTheClosedFormForEveryRow() {
    LinearGaussianNll exact = new LinearGaussianNll(4, 0.8, new LinearGaussianNll(4, 0.8, 1).posteriorSd());
    float[][] rows = exact.rows(37, 5L);
    NllOptions options = NllOptions.builder().samples(3).samplesPerRun(2).batchSize(8).seed(1).build();
    List<RowLogMarginal> got = ImportanceNll.of(exact, options).logMarginals(rdd(rows)).collect();
    assertEquals(37, got.size());
    for (RowLogMarginal r : got) {
      // Every weight equals p(x); float32 log densities of size ~10 carry ~1e-6 relative rounding.
      assertEquals(exact.logMarginal(rows[(int) r.index()]), r.logMarginal(), 2e-4, "row " + r.index());
    }
  }

  @Test
  void partitionedEqualsSingleProcessAndApproachesTheClosedForm() {
    int n = 101;
    float[][] rows = WIDE.rows(n, 9L);
    NllOptions options = NllOptions.builder().samples(50).samplesPerRun(10).batchSize(8).seed(4).build();
    ImportanceNll job = ImportanceNll.of(WIDE, options);
    List<RowLogMarginal> parallel = job.logMarginals(rdd(rows)).collect();
    double[] single = singleProcess(rows, options);
    for (RowLogMarginal r : parallel) {
      // Same graph, seed, random step and row position: the same float32 arithmetic, bit for bit.
      assertEquals(single[(int) r.index()], r.logMarginal(), 0.0, "row " + r.index());
    }
    NllResult result = job.estimate(rdd(rows));
    System.out.println(result + "\n" + result.partitions());
    assertEquals(n, result.rows());
    assertEquals(3, result.partitions().size());
    double singleMean = -Arrays.stream(single).average().orElseThrow();
    // The same numbers summed in another order: double rounding only.
    assertEquals(singleMean, result.meanNll(), 1e-12);
    double exact = 0;
    for (float[] row : rows) {
      exact -= WIDE.logMarginal(row) / n;
    }
    // The proposal N(m, 1) against the posterior N(m, 0.37^2): the weights' relative variance is
    // tau^2 / (sigma sqrt(2 tau^2 - sigma^2)) - 1 = 0.98, so with K = 50 each row's log-mean weight
    // has bias about +0.98 / 100 = 0.0098 nats in the NLL and sd sqrt(0.98 / 50) = 0.14; over 101
    // rows the mean's sd is 0.0139. 0.0098 + 4.5 * 0.0139 = 0.072.
    assertEquals(exact, result.meanNll(), 0.072, "mean NLL against the closed form " + exact);
    assertTrue(result.meanNll() >= exact - 4.5 * 0.0139, "a lower bound of log p in expectation: NLL above the exact one");
  }

  /** The same estimate in one process, written directly on MarginalLikelihood. */
  private static double[] singleProcess(float[][] rows, NllOptions options) {
    int b = options.batchSize();
    double[] out = new double[rows.length];
    try (ModelContext ctx = ModelContext.withSeed(options.seed())) {
      LikelihoodSetup setup = WIDE.build(ctx, b);
      MarginalLikelihood ml = MarginalLikelihood.builder(setup.latentVars(), setup.data())
          .samples(options.samples()).samplesPerRun(options.samplesPerRun()).build();
      float[] buffer = new float[b * WIDE.width()];
      for (int start = 0; start < rows.length; start += b) {
        int end = Math.min(rows.length, start + b);
        for (int p = 0; p < b; p++) {
          System.arraycopy(rows[Math.min(start + p, end - 1)], 0, buffer, p * WIDE.width(), WIDE.width());
        }
        ctx.setRandomStep((long) (start / b) * options.runsPerBatch());
        double[] logP = ml.logMarginal(Map.of(setup.input(), buffer));
        System.arraycopy(logP, 0, out, start, end - start);
      }
    }
    return out;
  }

  @Test
  void badInputIsRejectedOnTheDriverOrNamesTheRow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NllOptions.builder().samples(0).build());
    assertEquals("`samples` must be at least 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NllOptions.builder().batchSize(-3).build());
    assertEquals("`batchSize` must be at least 1, got -3", e.getMessage());
    Object notSerializable = new Object();
    ImportanceModel capturing = (ctx, batch) -> {
      throw new AssertionError(notSerializable);
    };
    e = assertThrows(IllegalArgumentException.class, () -> ImportanceNll.of(capturing, NllOptions.builder().build()));
    assertTrue(e.getMessage().startsWith("`model` must be serializable"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ImportanceNll.of(WIDE, NllOptions.builder().build()).estimate(LocalSpark.get().parallelize(List.<float[]>of(), 2)));
    assertEquals("`rows` must hold at least one row, got an empty data set", e.getMessage());
    float[][] ragged = {new float[4], new float[3]};
    Exception failed = assertThrows(Exception.class, () -> ImportanceNll.of(WIDE, NllOptions.builder().samples(1).batchSize(2).build())
        .estimate(LocalSpark.get().parallelize(Arrays.asList(ragged), 1)));
    assertTrue(String.valueOf(failed.getMessage()).contains("row 1 must hold 4 floats (the model input's row width), got 3"),
        failed.getMessage());
  }
}
