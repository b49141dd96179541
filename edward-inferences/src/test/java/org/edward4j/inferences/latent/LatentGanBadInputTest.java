package org.edward4j.inferences.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.checkpoints.CheckpointMismatchException;
import org.edward4j.core.checkpoints.CheckpointNotFoundException;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.layers.Layers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class LatentGanBadInputTest {

  @TempDir static Path dir;
  private static TrainedGan gan;

  @BeforeAll
  static void trainOnce() {
    gan = new TrainedGan(dir.resolve("gan"), 4);
  }

  @AfterAll
  static void close() {
    gan.close();
  }

  private static LatentGanEstimator.Builder estimator() {
    return LatentGanEstimator.builder().generator(TrainedGan::generator)
        .params(LatentGanParams.builder().batchSize(4).zShape(TrainedGan.Z).build()).warmStartFrom(gan.checkpoint);
  }

  @Test
  void targetsOfAnotherShapeThanTheGeneratorsOutputAreRejected() {
    try (LatentGanEstimator e = estimator().build()) {
      IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> e.fit(new float[4][13], 5));
      assertTrue(wide.getMessage().contains("`targets` must have shape [4, 12]") && wide.getMessage().contains("got [4, 13]"),
          wide.getMessage());
      IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> e.fit(new float[3][12], 5));
      assertTrue(few.getMessage().contains("got [3, 12]"), few.getMessage());
      float[][] ragged = {new float[12], new float[12], new float[11], new float[12]};
      assertTrue(assertThrows(IllegalArgumentException.class, () -> e.fit(ragged, 5)).getMessage().contains("row 2 has 11 values"));
      assertThrows(IllegalArgumentException.class, () -> e.generate(new float[4][2]));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
  void inputClipMustBePositiveAndFinite(double clip) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LatentGanParams.builder().batchSize(4).zShape(3).inputClip(clip).build());
    assertTrue(e.getMessage().contains("`inputClip` must be positive and finite"), e.getMessage());
  }

  @Test
  void otherParamsAreCheckedBeforeAnyGraphIsBuilt() {
    assertThrows(IllegalArgumentException.class, () -> LatentGanParams.builder().batchSize(0).zShape(3).build());
    assertThrows(IllegalArgumentException.class, () -> LatentGanParams.builder().batchSize(4).build());
    assertThrows(IllegalArgumentException.class, () -> LatentGanParams.builder().batchSize(4).zShape(3, 0).build());
    assertThrows(IllegalArgumentException.class, () -> LatentGanParams.builder().batchSize(4).zShape(3).learningRate(0).build());
    assertThrows(IllegalArgumentException.class, () -> LatentGanParams.builder().batchSize(4).zShape(3).restarts(0).build());
    assertThrows(IllegalArgumentException.class, () -> LatentGanEstimator.builder().generator(TrainedGan::generator).build());
    IllegalArgumentException option = assertThrows(IllegalArgumentException.class, () -> estimator()
        .params(LatentGanParams.builder().batchSize(4).zShape(3).optimizerOption("beta3", 0.5).build()).build());
    assertTrue(option.getMessage().contains("[beta1, beta2, epsilon]"), option.getMessage());
  }

  @Test
  void aCheckpointLackingTheGeneratorsVariablesNamesThem() {
    Path discOnly = dir.resolve("disc-only");
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      TrainedGan.discriminator(ctx.scope("Disc"), ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 12))));
      Checkpoints.save(ctx, discOnly);
    }
    CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
        () -> estimator().warmStartFrom(discOnly).build());
    assertEquals(List.of("Gen/dense/kernel", "Gen/dense/bias", "Gen/dense_1/kernel", "Gen/dense_1/bias",
        "Gen/dense_2/kernel", "Gen/dense_2/bias"), e.missing());
    assertTrue(e.getMessage().contains("Gen/dense_2/kernel"), e.getMessage());
    CheckpointMismatchException wider = assertThrows(CheckpointMismatchException.class,
        () -> estimator().generator((s, z) -> Layers.dense(s, Layers.dense(s, z, 64), 12)).build());
    assertTrue(wider.getMessage().contains("Gen/dense/kernel: checkpoint has float32 [3, 32], the model has float32 [3, 64]"),
        wider.getMessage());
    assertThrows(CheckpointNotFoundException.class, () -> estimator().warmStartFrom(dir.resolve("nowhere")).build());
  }

  @Test
  void networksOrLossesThatDoNotFitAreRejected() {
    IllegalArgumentException realism = assertThrows(IllegalArgumentException.class,
        () -> estimator().loss(LatentLosses.realism()).build());
    assertTrue(realism.getMessage().contains("give the estimator a discriminator"), realism.getMessage());
    IllegalArgumentException perPixel = assertThrows(IllegalArgumentException.class,
        () -> estimator().loss((tf, m) -> m.generated()).build());
    assertTrue(perPixel.getMessage().contains("one loss per example, shape [4]"), perPixel.getMessage());
    IllegalArgumentException codes = assertThrows(IllegalArgumentException.class,
        () -> estimator().encoder((s, x) -> Layers.dense(s.child("encoder"), x, 2)).build());
    assertTrue(codes.getMessage().contains("`encoder` must return codes of shape [4, 3]"), codes.getMessage());
  }
}
