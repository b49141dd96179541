package org.edward4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code skip(n)} leaves a stream exactly where {@code n} calls of {@code next} would. */
class MinibatchesSkipTest {

  /** 2x2 images of varied intensities whose label is their index. */
  private static MnistSplit split(int size) {
    byte[] pixels = new byte[size * 4];
    int[] labels = new int[size];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 37);
    }
    for (int i = 0; i < size; i++) {
      labels[i] = i;
    }
    return MnistSplit.of("varied", 2, 2, pixels, labels);
  }

  @ParameterizedTest(name = "{0}, skip {1}")
  @CsvSource({"plain, 0", "plain, 7", "shuffled, 5", "shuffled, 23", "stochastic, 4", "stochastic, 19", "threshold, 11"})
  void skippingServesWhatNextWouldHaveServed(String kind, int skipped) {
    Supplier<Minibatches> make = () -> {
      Minibatches.Builder b = Minibatches.over(split(10), 3);
      switch (kind) {
        case "shuffled" -> b.shuffleEachEpoch(5);
        case "stochastic" -> b.shuffleEachEpoch(5).binarization(Binarization.stochastic(9));
        case "threshold" -> b.binarization(Binarization.threshold(0.5f));
        default -> { }
      }
      return b.build();
    };
    Minibatches walked = make.get();
    Minibatches jumped = make.get();
    float[] x = walked.newImageBuffer();
    int[] y = walked.newLabelBuffer();
    for (int i = 0; i < skipped; i++) {
      walked.next(x, y);
    }
    jumped.skip(skipped);
    assertEquals(walked.toString(), jumped.toString(), "epoch and batch count");
    float[] x2 = jumped.newImageBuffer();
    int[] y2 = jumped.newLabelBuffer();
    // Several batches on, so a wrap (and its reshuffle) falls inside the comparison.
    for (int i = 0; i < 5; i++) {
      walked.next(x, y);
      jumped.next(x2, y2);
      assertArrayEquals(y, y2, "labels of batch " + i + " after the skip");
      assertArrayEquals(x, x2, "pixels of batch " + i + " after the skip");
    }
    assertThrows(IllegalArgumentException.class, () -> jumped.skip(-1));
  }
}
