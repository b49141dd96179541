package org.edward4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.edward4j.core.ModelContext;
import org.edward4j.core.checkpoints.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Session;

/**
 * Issue 16: the in-graph input path serves the same batches as the Java feed path, in the same
 * order, and a run restored from a checkpoint continues where it stopped.
 */
class GraphMinibatchesTest {

  /** Ten 2x3 images with distinct intensities, so a batch identifies its rows. */
  private static MnistSplit split() {
    int n = 10;
    byte[] pixels = new byte[n * 6];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) ((i * 37) % 256);
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
    }
    return MnistSplit.of("tiny", 2, 3, pixels, labels);
  }

  private static void initialize(ModelContext ctx) {
    Session.Runner r = ctx.session().runner();
    ctx.variables().all().forEach(v -> r.addTarget(v.initializer()));
    ctx.run(r).close();
  }

  @Test
  void greyBatchesEqualTheFeedPathsInOrderAcrossTheWrap() {
    MnistSplit split = split();
    // batch 4 over 10 images: the third batch is images 8, 9, 0, 1 (Edward's generator wraps).
    Minibatches java = Minibatches.over(split, 4).build();
    float[] expected = java.newImageBuffer();
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      GraphMinibatches graph = GraphMinibatches.over(ctx.scope("data"), split, 4, false);
      initialize(ctx);
      for (int b = 0; b < 7; b++) {
        java.next(expected);
        assertArrayEquals(expected, ctx.eval(graph.images()).data(), "batch " + b);
      }
      assertEquals(28L, ctx.eval(graph.position()).longs()[0], "seven batches of four served");
    }
  }

  @Test
  void aRestoredRunContinuesWithTheNextBatchAndTheSameDraws(@TempDir Path dir) {
    MnistSplit split = split();
    float[][] uninterrupted = new float[6][];
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      GraphMinibatches graph = GraphMinibatches.over(ctx.scope("data"), split, 3, true);
      initialize(ctx);
      for (int b = 0; b < 6; b++) {
        uninterrupted[b] = ctx.eval(graph.images()).data();
      }
    }
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      GraphMinibatches graph = GraphMinibatches.over(ctx.scope("data"), split, 3, true);
      initialize(ctx);
      for (int b = 0; b < 4; b++) {
        ctx.eval(graph.images());
      }
      Checkpoints.save(ctx, dir);
    }
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      GraphMinibatches graph = GraphMinibatches.over(ctx.scope("data"), split, 3, true);
      initialize(ctx);
      Checkpoints.restore(ctx, dir);
      assertArrayEquals(uninterrupted[4], ctx.eval(graph.images()).data(), "batch 4 after restoring");
      assertArrayEquals(uninterrupted[5], ctx.eval(graph.images()).data(), "batch 5 after restoring");
    }
  }

  @Test
  void binarizedPixelsAreBernoulliOfTheirIntensity() {
    MnistSplit split = split();
    int runs = 2000;
    // Batch = the whole split, so every run draws every pixel once.
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      GraphMinibatches graph = GraphMinibatches.over(ctx.scope("data"), split, 10, true);
      initialize(ctx);
      double[] ones = new double[60];
      boolean changed = false;
      float[] first = null;
      for (int r = 0; r < runs; r++) {
        float[] x = ctx.eval(graph.images()).data();
        for (int i = 0; i < x.length; i++) {
          assertTrue(x[i] == 0f || x[i] == 1f, "binary pixels");
          ones[i] += x[i];
        }
        if (first == null) {
          first = x;
        } else if (!java.util.Arrays.equals(first, x)) {
          changed = true;
        }
      }
      assertTrue(changed, "each run draws anew");
      for (int i = 0; i < ones.length; i++) {
        double p = ((i * 37) % 256) / 255.0;
        // Binomial(runs, p): 4.5 standard deviations over 60 pixels keeps the false-alarm rate
        // below 1e-3 for the whole test; the +0.5/runs absorbs p at 0 or 1 exactly.
        double sd = Math.sqrt(p * (1 - p) / runs);
        assertEquals(p, ones[i] / runs, 4.5 * sd + 0.5 / runs, "pixel " + i + " intensity " + p);
      }
      assertFalse(ones[0] > 0, "intensity 0 is never 1");
    }
  }

  @Test
  void badBatchSizesAreRefusedBeforeBuilding() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> GraphMinibatches.over(ctx.scope("data"), split(), 0, false));
      assertTrue(e.getMessage().contains("`batchSize` must be in [1, 10]"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> GraphMinibatches.over(ctx.scope("data"), split(), 11, false));
      assertTrue(e.getMessage().contains("got 11"), e.getMessage());
    }
  }
}
