package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.MnistSplit;
import org.junit.jupiter.api.Test;

/**
 * The GAN tutorial's data handling: by default Edward's {@code generator(x_train, M)} followed by
 * {@code np.random.binomial(1, batch)}, i.e. batches in file order that wrap around, binarized
 * afresh every time they are served.
 */
class TutorialDataTest {

  /** Images of 4x4 pixels: 10 marker pixels spell the image's index in binary (0 or 255), 6 are grey. */
  private static final int N = 300;
  private static final int MARKERS = 10;
  private static final int PIXELS = 16;
  private static final int BATCH = 128;

  private static MnistSplit split() {
    byte[] pixels = new byte[N * PIXELS];
    int[] labels = new int[N];
    for (int i = 0; i < N; i++) {
      for (int b = 0; b < MARKERS; b++) {
        pixels[i * PIXELS + b] = (byte) (((i >> b) & 1) == 1 ? 255 : 0);
      }
      for (int g = MARKERS; g < PIXELS; g++) {
        // Grey levels spread over (0, 255): every image and pixel a different probability.
        pixels[i * PIXELS + g] = (byte) (1 + (i * 7 + g * 41) % 254);
      }
      labels[i] = i % 10;
    }
    return MnistSplit.of("synthetic", 4, 4, pixels, labels);
  }

  /** Reads the index an image spells with its marker pixels (0 and 255 binarize deterministically). */
  private static int index(float[] batch, int k) {
    int index = 0;
    for (int b = 0; b < MARKERS; b++) {
      float v = batch[k * PIXELS + b];
      assertTrue(v == 0f || v == 1f, "marker pixels are exactly 0 or 1, got " + v);
      index |= (v == 1f ? 1 : 0) << b;
    }
    return index;
  }

  /** {@code bin/edward gan}'s flags, parsed as picocli parses them (nothing runs). */
  private static GanCommand ganFlags(String... args) {
    GanCommand gan = new GanCommand();
    new picocli.CommandLine(gan).parseArgs(args);
    return gan;
  }

  @Test
  void defaultsAreEdwardsTutorial() {
    assertEquals(new TutorialData(true, false), TutorialData.edward());
    assertEquals(TutorialData.edward(), ganFlags().data.data());
    assertEquals(new TutorialData(false, true), ganFlags("--binarize", "false", "--shuffle", "true").data.data());
    assertEquals(new TutorialData(true, true), ganFlags("--shuffle").data.data(), "a flag alone means true");
  }

  @Test
  void batchesComeInFileOrderAndWrapAround() {
    MnistSplit train = split();
    // From TutorialData's Javadoc (with the batch size of this test's images):
    Minibatches batches = TutorialData.edward().batches(train, BATCH, 42);
    float[] x = batches.newImageBuffer();
    // Edward's generator: batch b holds images b*M, ..., b*M + M - 1 modulo N, across wraps.
    for (int b = 0; b < 10; b++) {
      batches.next(x);
      for (int k = 0; k < BATCH; k++) {
        assertEquals((b * BATCH + k) % N, index(x, k), "batch " + b + ", image " + k);
      }
    }
  }

  @Test
  void binarizedPixelsAreBernoulliDrawsOfTheGreyLevels() {
    MnistSplit split = split();
    Minibatches batches = TutorialData.edward().batches(split, BATCH, 7);
    float[] x = batches.newImageBuffer();
    int servings = 600; // batches: each image is served 256 times
    int bands = 4; // grey levels grouped by p in [0, 1/4), [1/4, 1/2), ...
    double[] draws = new double[bands];
    double[] sumP = new double[bands];
    double[] sumVar = new double[bands];
    double[] threshold = new double[bands];
    for (int b = 0; b < servings; b++) {
      batches.next(x);
      for (int k = 0; k < BATCH; k++) {
        int i = (b * BATCH + k) % N;
        for (int g = MARKERS; g < PIXELS; g++) {
          float v = x[k * PIXELS + g];
          assertTrue(v == 0f || v == 1f, "binarized pixels are 0 or 1, got " + v);
          double p = split.pixel(i, g / 4, g % 4);
          int band = Math.min(bands - 1, (int) (p * bands));
          draws[band] += v;
          sumP[band] += p;
          sumVar[band] += p * (1 - p);
          threshold[band] += p > 0.5 ? 1 : 0;
        }
      }
    }
    boolean thresholdRejected = false;
    for (int band = 0; band < bands; band++) {
      // The sum of independent Bernoulli(p_j) draws has mean sum p_j and variance sum p_j (1 - p_j);
      // with ~115,000 terms per band it is close to normal, so 5 standard deviations bound a false
      // failure by about 6e-7 per band.
      double bound = 5 * Math.sqrt(sumVar[band]);
      assertEquals(sumP[band], draws[band], bound, "band " + band + ": draws against the grey levels");
      thresholdRejected |= Math.abs(threshold[band] - sumP[band]) > bound;
    }
    // The same bound tells a fixed threshold at 0.5 (a wrong binarization) from Bernoulli draws.
    assertTrue(thresholdRejected, "the test must be able to tell a threshold from draws");
  }

  @Test
  void eachServingDrawsAfresh() {
    Minibatches batches = TutorialData.edward().batches(split(), BATCH, 3);
    float[] first = batches.newImageBuffer();
    float[] again = batches.newImageBuffer();
    batches.next(first);
    // N = 300 images at batch 128: the 75th batch starts at image 75 * 128 mod 300 = 0 again.
    for (int b = 1; b < 75; b++) {
      batches.next(again);
    }
    batches.next(again);
    assertEquals(0, index(again, 0));
    float[] greyFirst = new float[BATCH * (PIXELS - MARKERS)];
    float[] greyAgain = new float[greyFirst.length];
    for (int k = 0; k < BATCH; k++) {
      System.arraycopy(first, k * PIXELS + MARKERS, greyFirst, k * (PIXELS - MARKERS), PIXELS - MARKERS);
      System.arraycopy(again, k * PIXELS + MARKERS, greyAgain, k * (PIXELS - MARKERS), PIXELS - MARKERS);
    }
    // 768 grey pixels with p in (0, 1): identical draws twice would have probability far below 1e-100.
    assertFalse(Arrays.equals(greyFirst, greyAgain), "the same images served again get new draws");
  }

  @Test
  void greyLevelsAndShufflingWhenAsked() {
    MnistSplit split = split();
    Minibatches batches = new TutorialData(false, true).batches(split, BATCH, 11);
    float[] x = batches.newImageBuffer();
    batches.next(x);
    int inOrder = 0;
    for (int k = 0; k < BATCH; k++) {
      int i = index(x, k);
      inOrder += i == k ? 1 : 0;
      assertEquals(split.pixel(i, 2, 2), x[k * PIXELS + 10], "grey levels pass through");
    }
    // A uniform permutation of 300 puts on average 128/300 of these at their own place.
    assertNotEquals(BATCH, inOrder, "shuffled batches are not in file order");
    assertTrue(inOrder < 10, "shuffled batches are not in file order, " + inOrder + " in place");
  }
}
