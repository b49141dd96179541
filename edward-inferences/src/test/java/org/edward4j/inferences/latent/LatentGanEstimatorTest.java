package org.edward4j.inferences.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.edward4j.core.Variable;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.types.TFloat32;

class LatentGanEstimatorTest {

  private static final int BATCH = 8;

  @TempDir static Path dir;
  private static TrainedGan gan;
  private static float[][] zStar;
  private static float[][] targets;

  @BeforeAll
  static void trainOnce() {
    gan = new TrainedGan(dir.resolve("gan"), 4);
    zStar = TrainedGan.codes(BATCH, 0.8, 104);
    targets = gan.generate(zStar);
  }

  @AfterAll
  static void close() {
    gan.close();
  }

  private static LatentGanEstimator.Builder estimator(int restarts) {
    return LatentGanEstimator.builder()
        .generator(TrainedGan::generator)
        .discriminator(TrainedGan::discriminator)
        .params(LatentGanParams.builder().batchSize(BATCH).zShape(TrainedGan.Z).learningRate(0.05).restarts(restarts).build())
        .warmStartFrom(gan.checkpoint)
        .seed(7);
  }

  @Test
  void recoversTheCodesOfImagesTheGeneratorMadeFromRandomStarts() {
    try (LatentGanEstimator e = estimator(2).build()) {
      LatentGanResult r = e.fit(targets, 300);
      // A random start is off by about 0.5 per component; in this generator a pixel error of
      // 1e-6 or less already pins each code component well inside 1e-2.
      for (int i = 0; i < BATCH; i++) {
        for (int j = 0; j < TrainedGan.Z; j++) {
          assertEquals(zStar[i][j], r.z()[i][j], 1e-2, "z[" + i + "][" + j + "]");
        }
        assertTrue(r.losses()[i] < 1e-6, "pixel MSE of example " + i + ": " + r.losses()[i]);
      }
      assertTrue(r.lossCurves()[0][0] > 1e-2, "the start must be far off, or the test proves nothing: " + r.lossCurves()[0][0]);
      for (float[] code : r.z()) {
        for (float c : code) {
          assertTrue(Math.abs(c) <= 1f, "codes stay within inputClip");
        }
      }
    }
  }

  @Test
  void anEncoderStartReachesAnErrorInFewerStepsThanARandomOne() {
    double level = 1e-5; // pixel MSE; random starts begin near 0.3, the encoder's near 3e-4
    try (LatentGanEstimator random = estimator(1).build();
        LatentGanEstimator encoded = estimator(1).encoder(TrainedGan::encoder).build()) {
      int fromRandom = random.fit(targets, 250).stepsToReach(0, level);
      int fromEncoder = encoded.fit(targets, 250).stepsToReach(0, level);
      assertTrue(fromEncoder >= 0 && fromRandom >= 0, "both must get there: " + fromEncoder + ", " + fromRandom);
      assertTrue(fromEncoder < fromRandom, "encoder start took " + fromEncoder + " steps, random " + fromRandom);
    }
  }

  @Test
  void theNetworksWeightsAreBitwiseUnchangedAndOnlyTheCodesMove() {
    CheckpointReader saved = CheckpointReader.open(gan.checkpoint);
    try (LatentGanEstimator e = estimator(1).encoder(TrainedGan::encoder).build()) {
      float[] before = e.context().eval(e.codeVariable()).data();
      e.fit(targets, 50);
      assertFalse(Arrays.equals(before, e.context().eval(e.codeVariable()).data()), "z must move");
      assertEquals(12, e.frozenVariables().size(), "6 of the generator, 4 of the discriminator, 2 of the encoder: "
          + e.frozenVariables());
      for (Variable<?> v : e.frozenVariables()) {
        @SuppressWarnings("unchecked")
        float[] now = e.context().eval((Variable<TFloat32>) v).data();
        assertArrayEquals(saved.floats(v.name()), now, v.name() + " must not change");
      }
    }
  }

  @Test
  void theWarmStartedGeneratorComputesExactlyWhatTheSavedOneDid() {
    float[][] z = TrainedGan.codes(BATCH, 1.0, 5);
    try (LatentGanEstimator e = estimator(1).build()) {
      float[][] inside = e.generate(z);
      float[][] saved = gan.generate(z);
      for (int i = 0; i < BATCH; i++) {
        assertArrayEquals(saved[i], inside[i], "example " + i); // bitwise: same kernels, same inputs
      }
    }
  }

  @Test
  void restartsKeepEachExamplesBestCode() {
    try (LatentGanEstimator one = estimator(1).build(); LatentGanEstimator three = estimator(3).build()) {
      LatentGanResult single = one.fit(targets, 15);
      LatentGanResult best = three.fit(targets, 15);
      assertEquals(3, best.lossCurves().length);
      // The first start draws the same codes in both (same seed, same runs before it), so the best
      // of three is never worse than it, example by example.
      assertArrayEquals(single.lossCurves()[0], best.lossCurves()[0]);
      boolean improved = false;
      for (int i = 0; i < BATCH; i++) {
        assertTrue(best.losses()[i] <= single.losses()[i], "example " + i);
        improved |= best.bestStart()[i] > 0;
      }
      assertTrue(improved, "after 15 steps some example should do better from another start");
    }
  }

  @Test
  void summariesGoToTheLogDirectory() throws Exception {
    Path logdir = dir.resolve("logs");
    try (LatentGanEstimator e = estimator(1).logdir(logdir)
        .params(LatentGanParams.builder().batchSize(BATCH).zShape(TrainedGan.Z).addSummaries(true).build()).build()) {
      e.fit(targets, 3);
      assertTrue(e.toString().contains("addSummaries=true"), e.toString());
    }
    try (var files = Files.list(logdir)) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("events.out.tfevents")));
    }
  }
}
