package org.edward4j.core.checkpoints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class SaverTest {

  @TempDir Path dir;

  @Test
  void roundTripRestoresEveryValueAndDtypeExactly() {
    String saved;
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      a.setAll(3);
      saved = a.snapshot();
      assertEquals(dir.resolve("ckpt-1"), Checkpoints.save(a.ctx, dir));
    }
    try (CheckpointFixtures b = new CheckpointFixtures(2)) {
      assertNotEquals(saved, b.snapshot(), "a fresh model must differ, or the test proves nothing");
      CheckpointReader restored = Checkpoints.restore(b.ctx, dir);
      assertEquals(saved, b.snapshot());
      assertEquals(dir.resolve("ckpt-1"), restored.prefix());
    }
    CheckpointReader reader = CheckpointReader.open(dir);
    assertEquals(List.of("Disc/kernel float32 [3, 1]", "Disc/steps int64 [2]", "Gen/count int32 []",
        "Gen/dense/bias float64 [4]", "Gen/dense/kernel float32 [2, 3]"),
        reader.variables().stream().map(CheckpointEntry::toString).toList());
    assertArrayEquals(new float[] {3, 3.5f, -3, 3e-7f, 3, 3e6f}, reader.floats("Gen/dense/kernel"));
    assertArrayEquals(new long[] {Long.MAX_VALUE - 3, -3}, reader.longs("Disc/steps"));
    assertEquals(DataType.DT_DOUBLE, reader.entry("Gen/dense/bias").orElseThrow().dataType());
  }

  @Test
  void aScopeIsSavedAndRestoredAlone() {
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      a.setAll(5);
      Checkpoints.save(a.ctx, dir, "Gen");
    }
    assertEquals(List.of("Gen/count", "Gen/dense/bias", "Gen/dense/kernel"),
        CheckpointReader.open(dir).variables().stream().map(CheckpointEntry::name).toList());
    try (CheckpointFixtures b = new CheckpointFixtures(2); CheckpointFixtures reference = new CheckpointFixtures(1)) {
      reference.setAll(5);
      b.setAll(9);
      Checkpoints.restore(b.ctx, dir, "Gen");
      assertArrayEquals(reference.floats(reference.genKernel), b.floats(b.genKernel));
      assertEquals(35, b.intValue(b.genCount));
      assertArrayEquals(new float[] {9, -9, 0.25f}, b.floats(b.discKernel), "Disc must be left alone");
      CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class, () -> Checkpoints.restore(b.ctx, dir));
      assertEquals(List.of("Disc/steps", "Disc/kernel"), e.missing());
    }
  }

  @Test
  void tensorFlowsOwnSaverReadsTheCheckpoint() {
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      a.setAll(2);
      Checkpoints.save(a.ctx, dir);
    }
    // TF Java's Session.restore builds TensorFlow's standard RestoreV2 + Assign for ref variables by
    // name: nothing of ours is involved in reading the files.
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> kernel = tf.withSubScope("Gen").withSubScope("dense").withName("kernel").variable(Shape.of(2, 3), TFloat32.class);
      Variable<TInt64> steps = tf.withSubScope("Disc").withName("steps").variable(Shape.of(2), TInt64.class);
      s.restore(dir.resolve("ckpt-1").toString());
      try (Result r = s.runner().fetch(kernel).fetch(steps).run()) {
        assertEquals(2.5f, ((TFloat32) r.get(0)).getFloat(0, 1));
        assertEquals(-2L, ((TInt64) r.get(1)).getLong(1));
      }
    }
  }

  @Test
  void stateFileIsTensorFlowsTextFormatAndKeepsTheNewest() throws Exception {
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      Saver saver = Saver.builder(a.ctx).maxToKeep(2).build();
      for (int i = 1; i <= 3; i++) {
        a.setAll(i);
        saver.save(dir, 100L * i);
      }
      assertThrows(IllegalStateException.class, () -> saver.save(dir, 300));
    }
    assertEquals("model_checkpoint_path: \"ckpt-300\"\nall_model_checkpoint_paths: \"ckpt-200\"\n"
        + "all_model_checkpoint_paths: \"ckpt-300\"\n", Files.readString(dir.resolve("checkpoint")));
    assertTrue(Files.notExists(dir.resolve("ckpt-100.index")), "the oldest checkpoint must be deleted");
    assertTrue(Files.exists(dir.resolve("ckpt-200.data-00000-of-00001")));
    assertEquals(dir.resolve("ckpt-300"), Checkpoints.latest(dir).orElseThrow());
    assertArrayEquals(new long[] {Long.MAX_VALUE - 2, -2}, CheckpointReader.open(dir.resolve("ckpt-200")).longs("Disc/steps"));
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      assertEquals(dir.resolve("ckpt-301"), Checkpoints.save(a.ctx, dir), "unnumbered saves continue after the highest");
    }
  }

  @Test
  void randomStepIsSavedRestoredAndNotAdvancedBySaving() {
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      a.ctx.statelessSeed(a.ctx.tf(), a.ctx.nextOpSeed());
      a.ctx.setRandomStep(41);
      Saver saver = Saver.builder(a.ctx).build();
      saver.save(dir, 1, Map.of("batches_served", 17L));
      assertEquals(41, a.ctx.randomStep(), "saving must not consume a random step");
    }
    try (CheckpointFixtures b = new CheckpointFixtures(1)) {
      b.ctx.statelessSeed(b.ctx.tf(), b.ctx.nextOpSeed());
      CheckpointReader r = Checkpoints.restore(b.ctx, dir);
      assertEquals(41, b.ctx.randomStep());
      assertEquals(Map.of("batches_served", 17L, "random_step", 41L), r.metadata());
      b.ctx.setRandomStep(5);
      Checkpoints.restore(b.ctx, dir, "Gen");
      assertEquals(5, b.ctx.randomStep(), "a scope's restore is a warm start and keeps the step");
    }
  }

  @Test
  void repeatedSavesReuseTheirOps() {
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      Checkpoints.save(a.ctx, dir);
      Checkpoints.restore(a.ctx, dir);
      long ops = countOps(a.ctx.graph());
      for (int i = 0; i < 3; i++) {
        Checkpoints.save(a.ctx, dir);
        Checkpoints.restore(a.ctx, dir);
      }
      assertEquals(ops, countOps(a.ctx.graph()));
    }
  }

  @Test
  void mismatchedShapesAreNamed() {
    try (CheckpointFixtures a = new CheckpointFixtures(1)) {
      Checkpoints.save(a.ctx, dir);
    }
    try (org.edward4j.core.ModelContext ctx = org.edward4j.core.ModelContext.withSeed(1)) {
      ctx.scope("Gen").child("dense").getVariable("kernel", Shape.of(3, 3));
      ctx.scope("Gen").child("dense_1").getVariable("kernel", Shape.of(3, 3));
      CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class, () -> Checkpoints.restore(ctx, dir));
      assertEquals(List.of("Gen/dense_1/kernel"), e.missing());
      assertEquals(1, e.mismatched().size());
      assertTrue(e.getMessage().contains("Gen/dense/kernel: checkpoint has float32 [2, 3], the model has float32 [3, 3]"),
          e.getMessage());
    }
  }

  private static long countOps(Graph g) {
    long n = 0;
    for (var it = g.operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
