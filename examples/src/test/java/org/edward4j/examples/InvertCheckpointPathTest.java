package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.edward4j.core.ModelContext;
import org.edward4j.core.checkpoints.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;

/** {@code bin/edward invert --checkpoint} takes a run's output directory or its checkpoints folder. */
class InvertCheckpointPathTest {

  @TempDir Path out;

  @Test
  void aRunDirectoryAndItsCheckpointsFolderBothWork() {
    Path checkpoints = out.resolve("checkpoints");
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      ctx.scope("Gen").getVariable("w", Shape.of(2));
      Path prefix = Checkpoints.save(ctx, checkpoints);
      assertEquals(checkpoints, InvertExample.resolveCheckpoint(out));
      assertEquals(checkpoints, InvertExample.resolveCheckpoint(checkpoints));
      assertEquals(prefix, InvertExample.resolveCheckpoint(prefix), "a checkpoint prefix is kept");
    }
    Path empty = out.resolve("nothing-here");
    assertEquals(empty, InvertExample.resolveCheckpoint(empty), "missing paths are left for the restore to report");
  }
}
