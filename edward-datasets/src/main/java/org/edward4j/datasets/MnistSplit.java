package org.edward4j.datasets;

import java.util.Arrays;
import java.util.Objects;

/**
 * One split of an image dataset (MNIST's train or test): {@code size()} grayscale images of
 * {@code height() x width()} pixels with one integer label each.
 *
 * <p>Pixels are kept as the file's unsigned bytes (47 MB for the 60,000 training images rather
 * than 188 MB as floats) and scaled to [0, 1] as {@code byte / 255} when read. Images come out
 * row-major, flattened, as Edward's {@code x_train} rows do. Instances are immutable.
 *
 * <pre>{@code
 * MnistSplit train = Mnist.load().train();
 * float[] first = train.image(0);           // 784 floats in [0, 1]
 * float[] eval = train.firstImages(1000);   // 1000 * 784 floats, row-major
 * }</pre>
 */
public final class MnistSplit {

  /** Exact scaling table: {@code SCALE[b] == b / 255f} for every unsigned byte. */
  private static final float[] SCALE = new float[256];

  static {
    for (int b = 0; b < 256; b++) {
      SCALE[b] = b / 255f;
    }
  }

  private final String name;
  private final int height;
  private final int width;
  private final byte[] pixels;
  private final int[] labels;

  /** Takes ownership of the arrays without copying: the reader's 47 MB need not exist twice. */
  MnistSplit(String name, int height, int width, byte[] pixels, int[] labels) {
    this.name = name;
    this.height = height;
    this.width = width;
    this.pixels = pixels;
    this.labels = labels;
  }

  /**
   * Creates a split from unsigned-byte pixels, for tests and for datasets built in memory.
   *
   * @param name the split's name, shown in {@code toString()}
   * @param height image height in pixels, positive
   * @param width image width in pixels, positive
   * @param pixels {@code labels.length * height * width} bytes, row-major, 0 = black, 255 = white;
   *     copied
   * @param labels one label per image, copied
   * @return the split
   * @throws IllegalArgumentException when a size is not positive or the lengths disagree
   */
  public static MnistSplit of(String name, int height, int width, byte[] pixels, int[] labels) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(labels, "labels");
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "`height` and `width` must be positive, got " + height + "x" + width);
    }
    if ((long) labels.length * height * width != pixels.length) {
      throw new IllegalArgumentException(
          "`pixels` must have " + labels.length + " * " + height + " * " + width + " = "
              + (long) labels.length * height * width + " bytes to match `labels`, got "
              + pixels.length);
    }
    return new MnistSplit(name, height, width, pixels.clone(), labels.clone());
  }

  /**
   * Returns the split's name, for example {@code "train"}.
   *
   * @return the name given when the split was made, used in messages
   */
  public String name() {
    return name;
  }

  /**
   * Returns the number of images.
   *
   * @return the number of images and of labels
   */
  public int size() {
    return labels.length;
  }

  /**
   * Returns the image height in pixels (28 for MNIST).
   *
   * @return the number of rows, positive
   */
  public int height() {
    return height;
  }

  /**
   * Returns the image width in pixels (28 for MNIST).
   *
   * @return the number of columns, positive
   */
  public int width() {
    return width;
  }

  /**
   * Returns {@code height() * width()}, the length of one flattened image (784 for MNIST).
   *
   * @return the pixel count of one image
   */
  public int pixelsPerImage() {
    return height * width;
  }

  /**
   * Returns one label.
   *
   * @param index image index in {@code [0, size())}
   * @return the label (0 to 9 for MNIST)
   */
  public int label(int index) {
    Objects.checkIndex(index, labels.length);
    return labels[index];
  }

  /**
   * Returns a copy of all labels.
   *
   * @return a new array of {@link #size()} labels, in image order
   */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * Returns one pixel's intensity.
   *
   * @param index image index in {@code [0, size())}
   * @param row row in {@code [0, height())}, 0 at the top
   * @param col column in {@code [0, width())}
   * @return the intensity in [0, 1]
   */
  public float pixel(int index, int row, int col) {
    Objects.checkIndex(index, labels.length);
    Objects.checkIndex(row, height);
    Objects.checkIndex(col, width);
    return SCALE[pixels[(index * height + row) * width + col] & 0xFF];
  }

  /**
   * Returns one image as a new array.
   *
   * @param index image index in {@code [0, size())}
   * @return {@code pixelsPerImage()} intensities in [0, 1], row-major
   */
  public float[] image(int index) {
    float[] out = new float[pixelsPerImage()];
    copyImage(index, out, 0);
    return out;
  }

  /**
   * Copies one image into a caller's buffer, so loops need not allocate.
   *
   * @param index image index in {@code [0, size())}
   * @param destination the buffer
   * @param offset where the image's first pixel goes; {@code pixelsPerImage()} floats are written
   */
  public void copyImage(int index, float[] destination, int offset) {
    Objects.checkIndex(index, labels.length);
    Objects.checkFromIndexSize(offset, pixelsPerImage(), destination.length);
    int n = pixelsPerImage();
    int from = index * n;
    for (int i = 0; i < n; i++) {
      destination[offset + i] = SCALE[pixels[from + i] & 0xFF];
    }
  }

  /**
   * Returns the first {@code count} images, for evaluation on a fixed subset.
   *
   * @param count number of images in {@code [0, size()]}
   * @return {@code count * pixelsPerImage()} intensities, row-major, image after image
   */
  public float[] firstImages(int count) {
    checkCount(count);
    float[] out = new float[count * pixelsPerImage()];
    for (int i = 0; i < count; i++) {
      copyImage(i, out, i * pixelsPerImage());
    }
    return out;
  }

  /**
   * Returns the labels of the first {@code count} images.
   *
   * @param count number of labels in {@code [0, size()]}
   * @return a new array
   */
  public int[] firstLabels(int count) {
    checkCount(count);
    return Arrays.copyOf(labels, count);
  }

  /** Returns the raw unsigned byte of a flattened pixel, for binarizing without a float pass. */
  int rawPixel(int flatIndex) {
    return pixels[flatIndex] & 0xFF;
  }

  private void checkCount(int count) {
    if (count < 0 || count > labels.length) {
      throw new IllegalArgumentException(
          "`count` must be in [0, " + labels.length + "] for split " + name + ", got " + count);
    }
  }

  @Override
  public String toString() {
    String labelRange =
        labels.length == 0
            ? "no labels"
            : "labels " + Arrays.stream(labels).min().getAsInt() + "-"
                + Arrays.stream(labels).max().getAsInt();
    return "MnistSplit[" + name + ": " + size() + " images of " + height + "x" + width
        + ", pixels in [0, 1], " + labelRange + "]";
  }
}
