package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edward4j.core.checkpoints.CheckpointEntry;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.datasets.Mnist;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper recipe's run resumes exactly: 6 updates straight and 3 + 3 across a checkpoint end in
 * byte-identical variables (weights, Adam slots, the generator's and encoder's batch-norm averages,
 * the global step the learning rate reads). A small recipe with the paper's structure (a short decay, so the rate moves during
 * the test) keeps it fast.
 */
class BiganPaperResumeTest {

  @TempDir Path dir;

  private static final BiganRecipe SMALL = new BiganRecipe("small", 8, -1, 1, 32, 2, 0.2, true, true, 0.02, 32, 2e-4, 0.5,
      2.5e-5, 0, 1, "test");

  /** As {@code --save-every 3 [--resume DIR]} plan them. */
  private static TrainingCheckpoints checkpoints(Path out, long iterations, Path resume) throws IOException {
    Files.createDirectories(out);
    return TrainingCheckpoints.plan(out, 3, resume, iterations, ShutdownSignal.none());
  }

  @Test
  @Tag("slow") // three short trainings: 15 s on a quiet 2-core machine
  void resumedRunEndsWhereTheStraightRunEnds() throws IOException {
    assertResumesExactly(0);
  }

  @Test
  @Tag("slow") // as above, with the weights averaged (--ema): the shadows and their count resume too
  void resumedAverageEndsWhereTheStraightAverageEnds() throws IOException {
    assertResumesExactly(0.9);
  }

  private void assertResumesExactly(double ema) throws IOException {
    Mnist mnist = TinyMnist.read(dir.resolve("mnist"), 256, 64);
    Path straight = dir.resolve("straight");
    Path split = dir.resolve("split");
    BiganPaperExample.run(SMALL, mnist, 6, 100, straight, 5, checkpoints(straight, 6, null), ema);
    BiganPaperExample.run(SMALL, mnist, 3, 100, split, 5, checkpoints(split, 3, null), ema);
    BiganPaperExample.run(SMALL, mnist, 6, 100, split, 5, checkpoints(split, 6, split.resolve("checkpoints")), ema);

    CheckpointReader a = CheckpointReader.open(straight.resolve("checkpoints/ckpt-6"));
    CheckpointReader b = CheckpointReader.open(split.resolve("checkpoints/ckpt-6"));
    List<CheckpointEntry> va = a.variables();
    List<CheckpointEntry> vb = b.variables();
    assertEquals(va.stream().map(CheckpointEntry::name).toList(), vb.stream().map(CheckpointEntry::name).toList());
    assertTrue(va.stream().anyMatch(e -> e.name().contains("moving_mean")), "batch-norm averages are saved");
    assertEquals(ema > 0, va.stream().anyMatch(e -> e.name().startsWith(DcganExample.AVERAGE_SCOPE + "/Gen/encoder/")),
        "the encoder's averaged weights are saved exactly when averaging");
    int compared = 0;
    for (int i = 0; i < va.size(); i++) {
      if (va.get(i).name().startsWith("Disc/") && va.get(i).name().contains("/moving_")) {
        // The discriminator runs twice per step (real and generated pairs), so its reused
        // batch-norm layer registers two moving-average updates of the same variable in one
        // Session.run, whose order TensorFlow leaves open: these averages differ even between two
        // straight runs. Training never reads them (the discriminator always normalizes with the
        // batch's statistics).
        continue;
      }
      compared++;
      // Same size and CRC-32C of the stored bytes: the same tensor.
      assertEquals(va.get(i).size(), vb.get(i).size(), va.get(i).name());
      assertEquals(va.get(i).crc32c(), vb.get(i).crc32c(), va.get(i).name() + " differs after resuming");
    }
    assertTrue(compared > 20, "weights, slots and averages compared: " + compared);
    assertEquals(a.metadata(), b.metadata());
    // The straight run moved: its first checkpoint differs from its last.
    CheckpointReader early = CheckpointReader.open(straight.resolve("checkpoints/ckpt-3"));
    assertTrue(early.variables().stream().anyMatch(e -> e.crc32c() != a.entry(e.name()).orElseThrow().crc32c()));
  }
}
