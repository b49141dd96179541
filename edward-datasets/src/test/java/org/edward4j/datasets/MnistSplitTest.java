package org.edward4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MnistSplitTest {

  /** Three 1x2 images whose pixels are 0, 51, 102, 153, 204, 255: i * 0.2 after scaling. */
  private static final MnistSplit SPLIT =
      MnistSplit.of(
          "tiny", 1, 2, new byte[] {0, 51, 102, (byte) 153, (byte) 204, (byte) 255},
          new int[] {4, 0, 9});

  @Test
  void imagesAreRowMajorAndScaled() {
    assertArrayEquals(new float[] {102 / 255f, 153 / 255f}, SPLIT.image(1));
    assertEquals(2, SPLIT.pixelsPerImage());
  }

  @Test
  void firstImagesConcatenatesInOrder() {
    assertArrayEquals(
        new float[] {0f, 51 / 255f, 102 / 255f, 153 / 255f}, SPLIT.firstImages(2));
    assertArrayEquals(new int[] {4, 0}, SPLIT.firstLabels(2));
    assertEquals(0, SPLIT.firstImages(0).length);
  }

  @Test
  void copyImageWritesAtOffsetOnly() {
    float[] buffer = {-1, -1, -1, -1};
    SPLIT.copyImage(2, buffer, 1);
    assertArrayEquals(new float[] {-1, 204 / 255f, 1f, -1}, buffer);
  }

  @Test
  void ofCopiesItsArrays() {
    byte[] pixels = {1, 2};
    int[] labels = {5};
    MnistSplit split = MnistSplit.of("copy", 1, 2, pixels, labels);
    pixels[0] = 100;
    labels[0] = 6;
    assertEquals(1 / 255f, split.pixel(0, 0, 0));
    assertEquals(5, split.label(0));
  }

  @Test
  void badArgumentsNameTheArgument() {
    IllegalArgumentException length =
        assertThrows(
            IllegalArgumentException.class,
            () -> MnistSplit.of("bad", 2, 2, new byte[3], new int[1]));
    assertTrue(length.getMessage().contains("`pixels` must have 1 * 2 * 2 = 4"),
        length.getMessage());
    IllegalArgumentException count =
        assertThrows(IllegalArgumentException.class, () -> SPLIT.firstImages(4));
    assertTrue(count.getMessage().contains("`count` must be in [0, 3]"), count.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> SPLIT.label(3));
    assertThrows(IndexOutOfBoundsException.class, () -> SPLIT.pixel(0, 1, 0));
  }

  @Test
  void toStringShowsShapeAndLabelRange() {
    assertEquals(
        "MnistSplit[tiny: 3 images of 1x2, pixels in [0, 1], labels 0-9]", SPLIT.toString());
  }
}
