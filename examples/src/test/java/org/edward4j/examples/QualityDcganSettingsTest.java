package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.edward4j.core.ModelContext;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.spark.GanTutorialModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quality dcgan --checkpoint} rebuilds the generator at the width and noise the run trained with. */
class QualityDcganSettingsTest {

  @TempDir Path dir;

  @Test
  void widthAndNoiseAreReadBackFromTheCheckpoint() {
    // Width 0.75 is c = 48 channels, the first width the quality command could not measure before.
    for (double width : new double[] {0.25, 0.75}) {
      DcganExample.Settings trained = new DcganExample.Settings(8, 16, width, 1e-3, 2e-4);
      Path checkpoints = dir.resolve("w" + width);
      try (ModelContext ctx = ModelContext.withSeed(3)) {
        ctx.eval(DcganExample.sampler(ctx, trained));
        Checkpoints.save(ctx, checkpoints);
      }
      DcganExample.Settings read = QualityCommand.dcganSettingsOf(Checkpoints.latest(checkpoints).orElseThrow());
      assertEquals(trained.channels(), read.channels(), "channels at width " + width);
      assertEquals(16, read.noise(), "noise");
      try (ModelContext ctx = ModelContext.withSeed(3)) {
        DcganExample.sampler(ctx, read);
        Checkpoints.restore(ctx, Checkpoints.latest(checkpoints).orElseThrow(), "Gen"); // throws on any shape mismatch
      }
    }
  }

  @Test
  void anotherExamplesCheckpointGetsTheDefaults() {
    // The GAN tutorial's generator has a Gen/dense/kernel too, but no transposed convolution.
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      ctx.eval(GanTutorialModel.generator(ctx, 4));
      Checkpoints.save(ctx, dir);
    }
    assertEquals(DcganExample.Settings.defaults(), QualityCommand.dcganSettingsOf(Checkpoints.latest(dir).orElseThrow()));
  }
}
