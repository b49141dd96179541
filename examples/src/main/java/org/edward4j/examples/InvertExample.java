package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.savedmodel.ExportedFunction;
import org.edward4j.core.savedmodel.SavedModelExport;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.latent.LatentGanEstimator;
import org.edward4j.inferences.latent.LatentGanParams;
import org.edward4j.inferences.latent.LatentGanResult;
import org.edward4j.inferences.latent.LatentLoss;
import org.edward4j.inferences.latent.LatentLosses;
import org.edward4j.plots.ImageGrid;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * GAN inversion on MNIST test digits with the latent GAN estimator: for each digit, search the
 * trained {@code gan} or {@code bigan} generator's codes for the one whose image matches it best
 * (pixel L2, optionally plus the discriminator's realism term), starting from random codes or, for
 * BiGAN, from the encoder's. Writes a PNG in which each digit stands beside its reconstruction,
 * prints the mean reconstruction error (pixel MSE), and exports the generator (and encoder) as a
 * SavedModel, checking that the reloaded model reproduces the reconstructions.
 *
 * <p>{@code bin/edward invert --model gan} expects a checkpoint from {@code bin/edward gan} in
 * {@code out/gan/checkpoints} (or {@code --checkpoint DIR}).
 */
public final class InvertExample {

  private InvertExample() {}

  /**
   * Runs the example.
   *
   * @param argv {@code --model gan|bigan --checkpoint DIR --count N --steps N --restarts N --lr X
   *     --clip X --init random|encoder --realism W --out DIR --seed S}
   */
  public static void main(String[] argv) {
    Main.main(Main.withCommand("invert", argv));
  }

  /**
   * The checkpoint directory of {@code --checkpoint}: the path itself when it holds checkpoints (or
   * is a checkpoint prefix), else its {@code checkpoints} folder, so a run's output directory works.
   */
  static Path resolveCheckpoint(Path given) {
    if (Checkpoints.latest(given).isEmpty() && Files.isDirectory(given.resolve("checkpoints"))) {
      return given.resolve("checkpoints");
    }
    return given;
  }

  static LatentGanResult run(boolean bigan, Path checkpoint, int count, int steps, int restarts, double lr, double clip,
      boolean fromEncoder, double realism, Path out, long seed) throws IOException {
    Files.createDirectories(out);
    float[] digits = Mnist.load().test().firstImages(count);
    float[][] targets = new float[count][];
    for (int i = 0; i < count; i++) {
      targets[i] = java.util.Arrays.copyOfRange(digits, i * 784, (i + 1) * 784);
    }
    LatentLoss loss = realism > 0 ? LatentLosses.pixelL2().plus(LatentLosses.realism().times(realism)) : LatentLosses.pixelL2();
    LatentGanEstimator.Builder b = LatentGanEstimator.builder()
        .params(LatentGanParams.builder().batchSize(count).zShape(bigan ? BiganExample.D : GanExample.D)
            .learningRate(lr).inputClip(clip).restarts(restarts).build())
        .loss(loss).warmStartFrom(checkpoint).seed(seed);
    if (bigan) {
      b.generator((s, z) -> BiganExample.generator(s.child("generator"), z)).jointDiscriminator(BiganExample::discriminator);
      if (fromEncoder) {
        b.encoder((s, x) -> BiganExample.encoder(s.child("encoder"), x));
      }
    } else {
      b.generator(GanExample::generativeNetwork).discriminator(GanExample::discriminativeNetwork);
    }
    long start = System.nanoTime();
    LatentGanResult result;
    try (LatentGanEstimator estimator = b.build()) {
      System.out.println(estimator);
      result = estimator.fit(targets, steps);
    }
    String name = bigan ? "bigan" : "gan";
    double error = meanSquaredError(targets, result.generated());
    System.out.printf("%s: %d digits, %d steps x %d start(s) in %.1f s%n", name, count, steps, restarts, (System.nanoTime() - start) / 1e9);
    System.out.printf("mean %s at the start: %.5f (%s)%n",
        realism > 0 ? "objective (pixel MSE + realism term)" : "reconstruction error (pixel MSE)", result.lossCurves()[0][0],
        fromEncoder ? "encoder's codes" : "random codes");
    System.out.printf("mean reconstruction error (pixel MSE) after the search: %.5f%n", error);
    Path png = ImageGrid.of(besideEachOther(targets, result.generated()), 28, 28)
        .rows((count + 7) / 8).cols(16).scale(2).build().writePng(out.resolve("reconstructions_" + name + ".png"));
    System.out.println("digits beside their reconstructions: " + png.toAbsolutePath());
    exportAndCheck(bigan, checkpoint, out.resolve("saved_model_" + name), result);
    return result;
  }

  /** Exports the generator (and encoder) and checks the reloaded generator reproduces the images. */
  private static void exportAndCheck(boolean bigan, Path checkpoint, Path dir, LatentGanResult result) throws IOException {
    int d = bigan ? BiganExample.D : GanExample.D;
    SavedModelExport export = SavedModelExport.to(dir).weightsFrom(checkpoint);
    if (bigan) {
      export.function(ExportedFunction.of("generate", "Gen", (s, z) -> BiganExample.generator(s.child("generator"), z))
          .input("z", Shape.of(-1, d)).output("x"));
      export.function(ExportedFunction.of("encode", "Gen", (s, x) -> BiganExample.encoder(s.child("encoder"), x))
          .input("x", Shape.of(-1, 784)).output("z"));
    } else {
      export.function(ExportedFunction.of("generate", "Gen", GanExample::generativeNetwork).input("z", Shape.of(-1, d)).output("x"));
    }
    export.export();
    float[][] z = result.z();
    float[] flat = new float[z.length * d];
    for (int i = 0; i < z.length; i++) {
      System.arraycopy(z[i], 0, flat, i * d, d);
    }
    double maxDiff = 0;
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve");
        TFloat32 codes = TFloat32.tensorOf(Shape.of(z.length, d), DataBuffers.of(flat, true, false));
        Result images = bundle.function("generate").call(Map.of("z", (Tensor) codes))) {
      TFloat32 x = (TFloat32) images.get("x").orElseThrow();
      for (int i = 0; i < z.length; i++) {
        for (int j = 0; j < 784; j++) {
          maxDiff = Math.max(maxDiff, Math.abs(x.getFloat(i, j) - result.generated()[i][j]));
        }
      }
    }
    System.out.printf("SavedModel in %s; its generator reproduces the reconstructions to max |diff| = %.3g%n",
        dir.toAbsolutePath(), maxDiff);
  }

  static double meanSquaredError(float[][] a, float[][] b) {
    double sum = 0;
    long n = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        double diff = a[i][j] - b[i][j];
        sum += diff * diff;
        n++;
      }
    }
    return sum / n;
  }

  /** Rows of eight pairs: each digit followed by its reconstruction. */
  private static float[] besideEachOther(float[][] targets, float[][] reconstructions) {
    int rows = (targets.length + 7) / 8;
    float[] out = new float[rows * 16 * 784];
    for (int i = 0; i < targets.length; i++) {
      System.arraycopy(targets[i], 0, out, (2 * i) * 784, 784);
      System.arraycopy(reconstructions[i], 0, out, (2 * i + 1) * 784, 784);
    }
    return out;
  }
}
