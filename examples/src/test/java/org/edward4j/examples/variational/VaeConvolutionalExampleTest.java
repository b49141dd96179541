package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.edward4j.datasets.MnistSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Edward's vae_convolutional.py at a small size (batch 8, d = 2, 3 epochs of 25 updates) on 28x28
 * synthetic images: an 8x8 square of intensity {@link #ON} at one of two places on a background of
 * intensity {@link #OFF}, binarized afresh each batch as the script does.
 */
class VaeConvolutionalExampleTest {

  private static final double ON = 0.9;
  private static final double OFF = 0.05;

  @TempDir Path dir;

  static MnistSplit squares(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] pixels = new byte[n * 784];
    for (int i = 0; i < n; i++) {
      int left = r.nextBoolean() ? 2 : 18;
      for (int row = 0; row < 28; row++) {
        for (int col = 0; col < 28; col++) {
          boolean on = row >= 10 && row < 18 && col >= left && col < left + 8;
          pixels[i * 784 + row * 28 + col] = (byte) Math.round((on ? ON : OFF) * 255);
        }
      }
    }
    return MnistSplit.of("squares", 28, 28, pixels, new int[n]);
  }

  private static double h(double p) {
    return -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
  }

  @Test
  void boundFallsFromLogitsAtZeroTowardsTheDataEntropy() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    VaeConvolutionalExample.Settings s = new VaeConvolutionalExample.Settings(8, 2, 3, 25, 1e-3, 42);
    VaeConvolutionalExample.Result r =
        VaeConvolutionalExample.run(s, squares(200, 1), dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("Epoch: 3") && printed.contains("-log p(x) <= "), printed);
    String figure = Arrays.toString(r.bound());
    // Three reference points in nats per image. Logits at 0 cost 784 log 2 = 543.4. The best model
    // with independent pixels costs sum_j H(mean intensity_j): 128 square pixels at (0.9 + 0.05) / 2
    // and 656 at 0.05, 218.8. The data's own entropy, log 2 + 64 H(0.9) + 720 H(0.05) = 164.5, is a
    // floor for the bound -ELBO >= -log p(x) in expectation.
    double zero = 784 * Math.log(2);
    double independent = 128 * h((ON + OFF) / 2) + 656 * h(OFF);
    double entropy = Math.log(2) + 64 * h(ON) + 720 * h(OFF);
    // An epoch's figure averages 25 x 8 = 200 images whose bound spreads by at most ~30 nats (the
    // binarization alone: sqrt(784 Var) with per-pixel log-odds of at most log(0.95/0.05) = 2.9 and
    // variance 0.25 gives 41, reached only by a model at the extremes): Monte Carlo error below
    // 41 / sqrt(200) = 2.9. The bound must fall by more than 10 such errors over the three epochs
    // (seed 42: see the message), end nearer the independent-pixel model than logits at zero, and
    // not beat the entropy floor by more than 5 errors (a wrong sign of the KL would).
    double se = 41 / Math.sqrt(200);
    assertTrue(r.bound()[2] < r.bound()[0] - 10 * se, figure);
    assertTrue(r.bound()[2] < (zero + independent) / 2, figure);
    assertTrue(r.bound()[2] > entropy - 5 * se, figure);
    for (Path grid : r.grids()) {
      BufferedImage image = ImageIO.read(grid.toFile());
      // 8 images of 28x28 in one row at scale 2.
      assertTrue(image.getWidth() >= 8 * 56 && image.getHeight() >= 56, grid + " " + image.getWidth() + "x" + image.getHeight());
    }
    assertTrue(Files.readString(dir.resolve("vae-convolutional.json")).contains("\"epochs_completed\""));
  }

  @Test
  void badFlagsAreUsageErrorsBeforeAnyWork() {
    for (String[] args : new String[][] {{"--batch", "0"}, {"--latent", "-1"}, {"--epochs", "0"}}) {
      StringWriter err = new StringWriter();
      int code = new CommandLine(new VaeConvolutionalCommand()).setErr(new PrintWriter(err))
          .execute(args[0], args[1], "--out", dir.resolve("never").toString());
      assertEquals(2, code, String.join(" ", args));
      assertTrue(err.toString().contains(args[0] + " must be at least 1, got " + args[1]), err.toString());
      assertFalse(Files.exists(dir.resolve("never")), "nothing created for a bad flag");
    }
    StringWriter err = new StringWriter();
    assertEquals(2, new CommandLine(new VaeConvolutionalCommand()).setErr(new PrintWriter(err))
        .execute("--learning-rate", "-0.1", "--out", dir.resolve("never").toString()));
    assertTrue(err.toString().contains("--learning-rate must be a finite number above 0, got -0.1"), err.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new VaeConvolutionalExample.Settings(8, 2, 1, 0, 1e-3, 1));
    assertEquals("`iterationsPerEpoch` must be at least 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> VaeConvolutionalExample.run(
        new VaeConvolutionalExample.Settings(8, 2, 1, 1, 1e-3, 1), squares(4, 1), dir, System.out));
    assertEquals("`train` must hold at least one batch of 8 images, got 4", e.getMessage());
  }
}
