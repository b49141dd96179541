package org.edward4j.examples.classifier;

import java.util.Random;
import org.edward4j.datasets.MnistSplit;

/**
 * 28x28 images of ten easily told apart "digits": class {@code c} is a bright 8x8 square at one of
 * ten positions, on a dim noisy background. A classifier that learns anything separates them.
 */
final class SyntheticDigits {

  private SyntheticDigits() {}

  static MnistSplit split(String name, int n, long seed) {
    Random rng = new Random(seed);
    byte[] pixels = new byte[n * 784];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(10);
      labels[i] = c;
      int top = 2 + 9 * (c / 5);
      int left = 1 + 5 * (c % 5);
      for (int r = 0; r < 28; r++) {
        for (int col = 0; col < 28; col++) {
          boolean on = r >= top && r < top + 8 && col >= left && col < left + 8;
          int v = on ? 200 + rng.nextInt(56) : rng.nextInt(40);
          pixels[i * 784 + r * 28 + col] = (byte) v;
        }
      }
    }
    return MnistSplit.of(name, 28, 28, pixels, labels);
  }
}
