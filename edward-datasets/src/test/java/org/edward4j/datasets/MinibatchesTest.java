package org.edward4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinibatchesTest {

  /** A split of 1x1 images whose label is the image's own index, so batches show their order. */
  private static MnistSplit indexed(int size) {
    byte[] pixels = new byte[size];
    int[] labels = new int[size];
    for (int i = 0; i < size; i++) {
      pixels[i] = (byte) i;
      labels[i] = i;
    }
    return MnistSplit.of("indexed", 1, 1, pixels, labels);
  }

  /** Edward's generator, transcribed from edward/util (starts, stop, diff) for one array. */
  private static List<int[]> edwardGenerator(int size, int batchSize, int batches) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int b = 0; b < batches; b++) {
      int stop = start + batchSize;
      int diff = stop - size;
      int[] batch = new int[batchSize];
      if (diff <= 0) {
        for (int i = 0; i < batchSize; i++) {
          batch[i] = start + i;
        }
        start += batchSize;
      } else {
        int k = 0;
        for (int i = start; i < size; i++) {
          batch[k++] = i;
        }
        for (int i = 0; i < diff; i++) {
          batch[k++] = i;
        }
        start = diff;
      }
      out.add(batch);
    }
    return out;
  }

  @ParameterizedTest(name = "size {0}, batch {1}")
  @CsvSource({"5, 2", "4, 2", "7, 7", "7, 3", "10, 1"})
  void unshuffledOrderMatchesEdwardsGenerator(int size, int batchSize) {
    Minibatches batches = Minibatches.over(indexed(size), batchSize).build();
    float[] images = batches.newImageBuffer();
    int[] labels = batches.newLabelBuffer();

    for (int[] expected : edwardGenerator(size, batchSize, 3 * size)) {
      batches.next(images, labels);
      assertArrayEquals(expected, labels);
      for (int i = 0; i < batchSize; i++) {
        assertEquals(expected[i] / 255f, images[i]);
      }
    }
  }

  @Test
  void shuffledEpochsArePermutationsThatDifferAndRepeatWithTheSeed() {
    int size = 12;
    int[] first = drawLabels(Minibatches.over(indexed(size), 5).shuffleEachEpoch(3).build(), 12);
    int[] again = drawLabels(Minibatches.over(indexed(size), 5).shuffleEachEpoch(3).build(), 12);
    int[] other = drawLabels(Minibatches.over(indexed(size), 5).shuffleEachEpoch(4).build(), 12);

    assertArrayEquals(first, again);
    // Two seeds give the same 60 draws with probability (1/12!)^5: never.
    assertFalse(Arrays.equals(first, other));
    int[] identity = java.util.stream.IntStream.range(0, size).toArray();
    List<int[]> epochs = new ArrayList<>();
    for (int e = 0; e < 5; e++) {
      int[] epoch = Arrays.copyOfRange(first, e * size, (e + 1) * size);
      int[] sorted = epoch.clone();
      Arrays.sort(sorted);
      assertArrayEquals(identity, sorted, "epoch " + e + " must visit every image once");
      epochs.add(epoch);
    }
    assertFalse(Arrays.equals(identity, epochs.get(0)), "shuffling must shuffle");
    assertFalse(Arrays.equals(epochs.get(0), epochs.get(1)), "each epoch gets a new order");
  }

  @Test
  void thresholdBinarizationCutsAtTheThreshold() {
    MnistSplit split =
        MnistSplit.of("mid", 1, 4, new byte[] {0, 127, (byte) 128, (byte) 255}, new int[] {0});
    Minibatches batches =
        Minibatches.over(split, 1).binarization(Binarization.threshold(0.5f)).build();
    float[] images = batches.newImageBuffer();

    batches.next(images);

    // 127/255 = 0.498 and 128/255 = 0.502 lie on either side of 0.5.
    assertArrayEquals(new float[] {0f, 0f, 1f, 1f}, images);
  }

  @Test
  void stochasticBinarizationHasTheIntensityAsMeanAndRepeatsWithItsSeed() {
    int pixels = 10_000;
    byte[] values = new byte[3 * pixels];
    Arrays.fill(values, 0, pixels, (byte) 0);
    Arrays.fill(values, pixels, 2 * pixels, (byte) 51);
    Arrays.fill(values, 2 * pixels, 3 * pixels, (byte) 255);
    MnistSplit split = MnistSplit.of("flat", 100, 100, values, new int[] {0, 1, 2});
    Minibatches batches =
        Minibatches.over(split, 3).binarization(Binarization.stochastic(11)).build();
    float[] images = batches.newImageBuffer();

    batches.next(images);

    assertEquals(0.0, mean(images, 0, pixels));
    assertEquals(1.0, mean(images, 2 * pixels, pixels));
    // Bernoulli(0.2) mean of 10,000 draws: sd 0.004; 6 sd gives a false-failure rate near 2e-9.
    assertEquals(0.2, mean(images, pixels, pixels), 0.024);
    float[] again = new float[images.length];
    Minibatches.over(split, 3).binarization(Binarization.stochastic(11)).build().next(again);
    assertArrayEquals(images, again);
  }

  @Test
  void badBuffersAndBatchSizesNameTheArgument() {
    Minibatches batches = Minibatches.over(indexed(5), 2).build();
    IllegalArgumentException images =
        assertThrows(IllegalArgumentException.class, () -> batches.next(new float[3]));
    assertTrue(images.getMessage().startsWith("`images` must have length 2 * 1 = 2"),
        images.getMessage());
    IllegalArgumentException labels =
        assertThrows(IllegalArgumentException.class, () -> batches.next(new float[2], new int[3]));
    assertTrue(labels.getMessage().startsWith("`labels`"), labels.getMessage());
    IllegalArgumentException size =
        assertThrows(IllegalArgumentException.class, () -> Minibatches.over(indexed(5), 6));
    assertTrue(size.getMessage().startsWith("`batchSize` must be in [1, 5]"), size.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Binarization.threshold(1f));
  }

  @Test
  void countersAndToStringTrackProgressAndSeeds() {
    Minibatches batches =
        Minibatches.over(indexed(5), 2)
            .shuffleEachEpoch(42)
            .binarization(Binarization.stochastic(7))
            .build();
    float[] images = batches.newImageBuffer();
    for (int i = 0; i < 3; i++) {
      batches.next(images);
    }
    assertEquals(3, batches.batchesServed());
    assertEquals(1, batches.epoch());
    assertEquals(
        "Minibatches[split=indexed, batchSize=2, shuffle=each epoch (seed=42), "
            + "binarization=stochastic(seed=7), epoch=1, batchesServed=3]",
        batches.toString());
    assertNotEquals(batches.toString(), Minibatches.over(indexed(5), 2).build().toString());
  }

  private static int[] drawLabels(Minibatches batches, int count) {
    int[] all = new int[count * batches.batchSize()];
    float[] images = batches.newImageBuffer();
    int[] labels = batches.newLabelBuffer();
    for (int b = 0; b < count; b++) {
      batches.next(images, labels);
      System.arraycopy(labels, 0, all, b * labels.length, labels.length);
    }
    return all;
  }

  private static double mean(float[] values, int from, int count) {
    double sum = 0;
    for (int i = from; i < from + count; i++) {
      sum += values[i];
    }
    return sum / count;
  }
}
