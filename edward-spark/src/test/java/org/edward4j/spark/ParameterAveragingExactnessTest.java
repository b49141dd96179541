package org.edward4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

/**
 * Where the maths fixes the result of averaging, the distributed run must give it to the last
 * bit: identical replicas average to themselves (n equal floats sum exactly in double), and the
 * mean of different replicas is the mean of what each would compute alone.
 */
class ParameterAveragingExactnessTest {

  private static final int D = 3;
  private static final int N = 16; // rows per partition = one full batch, taken in order

  @Test
  void identicalPartitionsWithOneUpdatePerRoundReproduceTheSingleMachineExactly() {
    float[][] part = rows(N, 1);
    LinearRegressionModel model = LinearRegressionModel.sgd(D, N, 0.05);
    AveragingResult result = fit(model, concat(part, part), 3, 1, true);

    float[][] alone = SingleMachine.train(model, 7, List.of(part, part, part), false);
    assertArrayEquals(alone[0], result.state().values("regression/w"));
    assertArrayEquals(alone[1], result.state().values("regression/b"));
    assertEquals(3, result.reports().size());
    assertEquals(2, result.reports().get(0).replicas());
  }

  @Test
  void identicalPartitionsWithAveragedAdamStateReproduceTheSingleMachineExactly() {
    float[][] part = rows(N, 2);
    LinearRegressionModel model = new LinearRegressionModel(D, N, 0.05, true, false);
    // Two rounds of k = 2: Adam's moments and beta powers must carry over between rounds.
    AveragingResult averaged = fit(model, concat(part, part), 2, 2, true);
    float[][] alone = SingleMachine.train(model, 7, Collections.nCopies(4, part), false);
    assertArrayEquals(alone[0], averaged.state().values("regression/w"));
    assertArrayEquals(alone[1], averaged.state().values("regression/b"));

    // Without averaging the state, every round restarts Adam, so the second round differs.
    AveragingResult reset = fit(model, concat(part, part), 2, 2, false);
    assertFalse(Arrays.equals(alone[0], reset.state().values("regression/w")),
        "restarting Adam's moments each round must change the trajectory");
  }

  @Test
  void differentPartitionsAverageToTheMeanOfTheirSeparateUpdates() {
    float[][] first = rows(N, 3);
    float[][] second = rows(N, 4);
    LinearRegressionModel model = LinearRegressionModel.sgd(D, N, 0.05);
    AveragingResult result = fit(model, concat(first, second), 1, 1, true);

    float[][] a = SingleMachine.train(model, 7, List.<float[][]>of(first), false);
    float[][] b = SingleMachine.train(model, 7, List.<float[][]>of(second), false);
    float[] w = result.state().values("regression/w");
    for (int j = 0; j < w.length; j++) {
      // The mean of two floats taken in double and rounded once, as the averaging promises.
      assertEquals((float) (((double) a[0][j] + b[0][j]) / 2), w[j], 0.0f);
    }
    // And with k = 1, equal partitions and plain SGD, that mean is one full-batch step over both:
    // w - lr * (g1 + g2) / 2. Only the order of float sums differs, so agreement is to a few ulps
    // of the weights (|w| < 2, float32 epsilon 1.2e-7).
    float[][] full = SingleMachine.train(LinearRegressionModel.sgd(D, 2 * N, 0.05), 7,
        List.<float[][]>of(concat(first, second).toArray(new float[0][])), false);
    assertArrayEquals(full[0], w, 1e-6f);
  }

  private static AveragingResult fit(LinearRegressionModel model, List<float[]> data, int rounds, int k,
      boolean averageOptimizerState) {
    JavaRDD<float[]> rdd = LocalSpark.get().parallelize(data, 2);
    return ParameterAveraging.of(model, AveragingOptions.builder()
            .rounds(rounds).updatesPerRound(k).batchSize(N).shuffle(false).seed(7)
            .averageOptimizerState(averageOptimizerState).build())
        .fit(rdd);
  }

  /** n rows {@code [x_1, x_2, x_3, y]} with y a noisy linear function of x. */
  static float[][] rows(int n, long seed) {
    Random r = new Random(seed);
    float[][] out = new float[n][D + 1];
    for (float[] row : out) {
      double y = 0.5;
      for (int j = 0; j < D; j++) {
        row[j] = (float) r.nextGaussian();
        y += (j + 1) * (j % 2 == 0 ? 1 : -1) * row[j];
      }
      row[D] = (float) (y + 0.1 * r.nextGaussian());
    }
    return out;
  }

  private static List<float[]> concat(float[][] a, float[][] b) {
    List<float[]> out = new ArrayList<>(Arrays.asList(a));
    out.addAll(Arrays.asList(b));
    return out;
  }
}
