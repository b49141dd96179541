package org.edward4j.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.edward4j.inferences.latent.LatentGanEstimator;
import org.edward4j.inferences.latent.LatentGanResult;
import org.edward4j.spark.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latent inversion on Spark of images made by a known tiny generator from known codes, the
 * generator restored from a checkpoint by every task.
 */
class LatentInversionTest {

  private static final int STEPS = 300;
  private static final TinyGenerator MODEL = new TinyGenerator(4, 0.05, 2);

  @TempDir Path dir;

  private static float[][] codes(int n) {
    Random random = new Random(3);
    float[][] z = new float[n][TinyGenerator.CODES];
    for (float[] row : z) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) (1.6 * random.nextDouble() - 0.8);
      }
    }
    return z;
  }

  @Test
  void invertsKnownCodesAndEqualsTheSingleProcessSearch() throws IOException {
    Path checkpoints = dir.resolve("checkpoints");
    TinyGenerator.saveCheckpoint(checkpoints);
    float[][] z = codes(10);
    List<float[]> images = new ArrayList<>();
    for (float[] code : z) {
      images.add(TinyGenerator.image(code));
    }
    InversionOptions options = new InversionOptions(checkpoints, STEPS, 5);
    // 10 images over 3 partitions (3, 3, 4) in batches of 4: every partition holds part of a batch.
    JavaRDD<InvertedImage> rows = LatentInversion.of(MODEL, options).invert(LocalSpark.get().parallelize(images, 3)).cache();
    List<InvertedImage> parallel = new ArrayList<>(rows.collect());
    parallel.sort(Comparator.comparingLong(InvertedImage::index));
    assertEquals(10, parallel.size());
    double meanError = 0;
    for (InvertedImage r : parallel) {
      meanError += r.reconstructionError() / parallel.size();
      // pixelL2's loss is the same mean squared error, computed in float32 by the graph.
      assertEquals(r.reconstructionError(), r.loss(), 1e-6 + 1e-5 * r.loss(), "image " + r.index());
    }
    System.out.println("mean reconstruction error " + meanError + "\n" + parallel);
    // Zero codes would give a mean squared error of about 0.3 on these images (pixels of size ~0.5);
    // the search must get three orders of magnitude below that, and find the generating codes
    // (G is injective on the clip box: W has rank 2).
    assertTrue(meanError < 3e-4, "mean reconstruction error " + meanError);
    for (InvertedImage r : parallel) {
      assertArrayEquals(z[(int) r.index()], r.code(), 0.05f, "code of image " + r.index());
    }

    // The single-process search, batch by batch, padded with zeros instead of copies: the same numbers.
    List<InvertedImage> single = new ArrayList<>();
    try (LatentGanEstimator estimator = MODEL.configure(LatentGanEstimator.builder()).warmStartFrom(checkpoints).seed(5).build()) {
      for (int start = 0; start < images.size(); start += 4) {
        float[][] batch = new float[4][];
        for (int p = 0; p < 4; p++) {
          batch[p] = start + p < images.size() ? images.get(start + p) : new float[TinyGenerator.PIXELS];
        }
        estimator.context().setRandomStep(start / 4 * LatentInversion.InversionTask.searchRuns(2, STEPS));
        LatentGanResult result = estimator.fit(batch, STEPS);
        for (int p = 0; p < 4 && start + p < images.size(); p++) {
          single.add(new InvertedImage(start + p, result.z()[p], result.losses()[p], 0));
        }
      }
    }
    for (int i = 0; i < 10; i++) {
      assertArrayEquals(single.get(i).code(), parallel.get(i).code(), 0f, "code of image " + i);
      assertEquals(single.get(i).loss(), parallel.get(i).loss(), 0.0, "loss of image " + i);
    }

    List<Path> files = LatentInversion.writeCsv(rows, dir.resolve("codes"));
    assertEquals(3, files.size());
    long lines = 0;
    for (Path f : files) {
      List<String> content = Files.readAllLines(f);
      assertEquals("index,loss,reconstruction_error,z0,z1", content.get(0));
      lines += content.size() - 1;
    }
    assertEquals(10, lines);
    try (var listing = Files.list(dir.resolve("codes"))) {
      assertEquals(3, listing.count(), "no temporary files left");
    }
  }

  @Test
  void badInputIsRejectedOnTheDriver() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InversionOptions(empty, 10, 0));
    assertEquals("`checkpoint` must be a checkpoint directory or prefix, but " + empty + " holds no checkpoint", e.getMessage());
    Path checkpoints = dir.resolve("ckpt");
    TinyGenerator.saveCheckpoint(checkpoints);
    e = assertThrows(IllegalArgumentException.class, () -> new InversionOptions(checkpoints, -1, 0));
    assertEquals("`steps` must be 0 or more, got -1", e.getMessage());
    Object notSerializable = new Object();
    InversionModel capturing = builder -> {
      throw new AssertionError(notSerializable);
    };
    e = assertThrows(IllegalArgumentException.class, () -> LatentInversion.of(capturing, new InversionOptions(checkpoints, 1, 0)));
    assertTrue(e.getMessage().startsWith("`model` must be serializable"), e.getMessage());
    assertTrue(Arrays.asList(e.getMessage().split(" ")).contains("java.lang.Object,"), e.getMessage());
  }
}
