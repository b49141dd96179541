package org.edward4j.inferences.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * TF-GAN's latent estimator contract: optional or partial warm start, a scalar loss beside
 * per-example ones, a learning-rate schedule, and {@code z_loss/z_grads} as the gradient of the
 * loss {@code z_loss/loss} logs. These use an untrained generator: none of them needs a good one.
 */
class LatentContractTest {

  private static final int BATCH = 4;

  @TempDir Path dir;

  private static LatentGanParams.Builder params() {
    return LatentGanParams.builder().batchSize(BATCH).zShape(TrainedGan.Z).learningRate(0.05);
  }

  private static float[][] rows(int n, int width, long seed) {
    Random r = new Random(seed);
    float[][] out = new float[n][width];
    for (float[] row : out) {
      for (int j = 0; j < width; j++) {
        row[j] = (float) (0.5 * r.nextGaussian());
      }
    }
    return out;
  }

  /** Edward-style pixelL2 averaged over the batch, computed in Java from the generator's output. */
  private static double meanPixelL2(float[][] generated, float[][] targets) {
    double total = 0;
    for (int i = 0; i < generated.length; i++) {
      double s = 0;
      for (int j = 0; j < generated[i].length; j++) {
        double d = generated[i][j] - targets[i][j];
        s += d * d;
      }
      total += s / generated[i].length;
    }
    return total / generated.length;
  }

  @Test
  void zGradsIsTheGradientOfTheLossZLossLogs() {
    float[][] targets = rows(BATCH, TrainedGan.X, 3);
    float[][] z0 = TrainedGan.codes(BATCH, 0.8, 4);
    try (LatentGanEstimator e = LatentGanEstimator.builder().generator(TrainedGan::generator).seed(2)
        .params(params().addSummaries(true).build()).logdir(dir.resolve("logs")).build()) {
      // Central differences of the batch-mean loss, in Java: float32 rounding of a loss near 0.3
      // is about 3e-8, so with h = 1e-2 each derivative is good to a few 1e-6, and the O(h^2)
      // truncation error is below 1e-4 of the norm: 1% tolerance separates the right gradient
      // from one BATCH = 4 times larger.
      double h = 1e-2;
      double sq = 0;
      for (int i = 0; i < BATCH; i++) {
        for (int j = 0; j < TrainedGan.Z; j++) {
          float[][] plus = copy(z0);
          float[][] minus = copy(z0);
          plus[i][j] += (float) h;
          minus[i][j] -= (float) h;
          double d = (meanPixelL2(e.generate(plus), targets) - meanPixelL2(e.generate(minus), targets)) / (2 * h);
          sq += d * d;
        }
      }
      e.generate(z0);
      float[] flat = new float[BATCH * TrainedGan.X];
      for (int i = 0; i < BATCH; i++) {
        System.arraycopy(targets[i], 0, flat, i * TrainedGan.X, TrainedGan.X);
      }
      double logged = e.context().eval(e.graph().zGradNorm, Map.of(e.graph().targets, flat)).scalar();
      double loss = e.context().eval(e.graph().meanLoss, Map.of(e.graph().targets, flat)).scalar();
      assertEquals(meanPixelL2(e.generate(z0), targets), loss, 1e-5, "z_loss/loss is the batch mean");
      assertEquals(Math.sqrt(sq), logged, 0.01 * Math.sqrt(sq));
    }
  }

  private static float[][] copy(float[][] a) {
    float[][] out = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  @Test
  void aScalarLossIsMinimizedAsItIsAndReportedForEveryExample() {
    float[][] targets = rows(BATCH, TrainedGan.X, 5);
    try (LatentGanEstimator e = LatentGanEstimator.builder().generator(TrainedGan::generator).seed(2)
        .loss((tf, m) -> tf.reduceSum(tf.math.squaredDifference(m.generated(), m.targets()), tf.constant(new int[] {0, 1})))
        .params(params().build()).build()) {
      LatentGanResult r = e.fit(targets, 30);
      double[] curve = r.lossCurves()[0];
      assertTrue(curve[30] < 0.9 * curve[0], "the scalar loss must go down: " + Arrays.toString(curve));
      for (double l : r.losses()) {
        assertEquals(r.losses()[0], l, "a scalar loss is every example's loss");
      }
      assertEquals(curve[30], r.losses()[0], 1e-4 * curve[30]);
    }
  }

  @Test
  void theLearningRateFollowsItsSchedule() {
    float[][] targets = rows(BATCH, TrainedGan.X, 7);
    LatentGanParams frozenAfterOneStep = params().learningRate(step -> step == 0 ? 0.05 : 1e-12).build();
    assertEquals(0.05, frozenAfterOneStep.learningRate());
    try (LatentGanEstimator constant = LatentGanEstimator.builder().generator(TrainedGan::generator).seed(2)
            .params(params().build()).build();
        LatentGanEstimator scheduled = LatentGanEstimator.builder().generator(TrainedGan::generator).seed(2)
            .params(frozenAfterOneStep).build()) {
      double[] c = constant.fit(targets, 10).lossCurves()[0];
      double[] s = scheduled.fit(targets, 10).lossCurves()[0];
      assertEquals(c[0], s[0], "same seed, same start");
      assertEquals(c[1], s[1], "same first step at rate 0.05");
      // Adam moves each code by about the rate per step: 1e-12 leaves the loss unchanged in float32.
      assertEquals(s[1], s[10], 1e-6, Arrays.toString(s));
      assertTrue(Math.abs(c[10] - c[1]) > 1e-3, "the constant rate keeps moving: " + Arrays.toString(c));
    }
    LatentGanParams bad = params().learningRate(step -> step < 3 ? 0.1 : -1.0).build();
    try (LatentGanEstimator e = LatentGanEstimator.builder().generator(TrainedGan::generator).params(bad).build()) {
      IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.fit(targets, 5));
      assertEquals("`learningRate` schedule must give a positive, finite rate, got -1.0 at step 3", ex.getMessage());
    }
  }

  @Test
  void warmStartIsOptionalAndMayRestoreSomeVariablesOnly() {
    Path checkpoint = dir.resolve("ckpt");
    try (ModelContext ctx = ModelContext.withSeed(99)) {
      TrainedGan.generator(ctx.scope("Gen"), ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(BATCH, TrainedGan.Z))));
      Checkpoints.save(ctx, checkpoint);
    }
    CheckpointReader saved = CheckpointReader.open(checkpoint);
    try (LatentGanEstimator none = LatentGanEstimator.builder().generator(TrainedGan::generator).seed(2)
            .params(params().build()).build();
        LatentGanEstimator some = LatentGanEstimator.builder().generator(TrainedGan::generator).seed(2)
            .params(params().build()).warmStart(WarmStart.from(checkpoint).onlyVariables("Gen/dense/.*")).build()) {
      for (Variable<?> v : some.frozenVariables()) {
        @SuppressWarnings("unchecked")
        float[] now = some.context().eval((Variable<TFloat32>) v).data();
        boolean restored = Arrays.equals(saved.floats(v.name()), now);
        if (v.name().startsWith("Gen/dense/")) {
          assertTrue(restored, v.name() + " matches the expression");
        } else if (v.name().endsWith("kernel")) {
          // Biases start at zero in both, so only kernels tell a restored variable from a new one.
          assertFalse(restored, v.name() + " does not match the expression");
        }
      }
      @SuppressWarnings("unchecked")
      Variable<TFloat32> kernel = (Variable<TFloat32>) none.frozenVariables().get(0);
      assertFalse(Arrays.equals(saved.floats(kernel.name()), none.context().eval(kernel).data()),
          "without a warm start the networks keep their initial values");
      assertTrue(none.toString().contains("warmStart=none"), none.toString());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LatentGanEstimator.builder().generator(TrainedGan::generator).params(params().build())
            .warmStart(WarmStart.from(checkpoint).onlyVariables("Disc/.*")).build());
    assertTrue(e.getMessage().contains("Disc/.*") && e.getMessage().contains("Gen/dense/kernel"), e.getMessage());
  }
}
