package org.edward4j.plots;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Grayscale images laid out in a grid and saved as PNG, as Edward's GAN tutorial shows a 4x4
 * grid of 28x28 samples and its VAE examples show reconstructions.
 *
 * <p>Intensities are in [0, 1] (0 black, 1 white); values outside are clipped and a pixel's gray
 * level is {@code round(255 * v)}. Each image is upscaled by an integer factor (nearest
 * neighbour, so pixels stay sharp) and cells are framed by separator lines. NaN is rejected with
 * the argument and index named, because a NaN image means training diverged, not a dark pixel.
 *
 * <pre>{@code
 * float[] samples = new float[16 * 28 * 28];  // e.g. generator output, row-major
 * ImageGrid.of(samples, 28, 28).rows(4).cols(4).scale(3).build().writePng(Path.of("gan.png"));
 * float[] targets = new float[8 * 784];
 * float[] reconstructions = new float[8 * 784];
 * ImageGrid.pairs(targets, reconstructions, 28, 28).build().writePng(Path.of("recon.png"));
 * }</pre>
 */
public final class ImageGrid {

  static {
    PngOutput.ensureHeadless();
  }

  private final float[] pixels;
  private final int count;
  private final int height;
  private final int width;
  private final int rows;
  private final int cols;
  private final int scale;
  private final int separator;
  private final int separatorGray;

  private ImageGrid(Builder b, int rows, int cols) {
    this.pixels = b.pixels;
    this.count = b.count;
    this.height = b.height;
    this.width = b.width;
    this.rows = rows;
    this.cols = cols;
    this.scale = b.scale;
    this.separator = b.separator;
    this.separatorGray = Math.round(255 * b.separatorIntensity);
  }

  /**
   * Starts a grid of images stored back to back.
   *
   * @param images {@code count * height * width} intensities, row-major, image after image
   * @param height image height in pixels
   * @param width image width in pixels
   * @return a builder; rows and columns default to a near-square layout
   * @throws IllegalArgumentException when a size is not positive, the length is not a multiple
   *     of {@code height * width}, or a value is NaN
   */
  public static Builder of(float[] images, int height, int width) {
    return new Builder(Objects.requireNonNull(images, "images").clone(), height, width, "images");
  }

  /**
   * Starts a grid from one array per image.
   *
   * @param images each of length {@code height * width}, row-major
   * @param height image height in pixels
   * @param width image width in pixels
   * @return a builder
   * @throws IllegalArgumentException when an image has the wrong length or holds NaN
   */
  public static Builder of(float[][] images, int height, int width) {
    Objects.requireNonNull(images, "images");
    checkSizes(height, width);
    int n = height * width;
    float[] flat = new float[images.length * n];
    for (int i = 0; i < images.length; i++) {
      if (images[i] == null || images[i].length != n) {
        throw new IllegalArgumentException(
            "`images[" + i + "]` must have length " + n + " (height * width), got "
                + (images[i] == null ? "null" : images[i].length));
      }
      System.arraycopy(images[i], 0, flat, i * n, n);
    }
    return new Builder(flat, height, width, "images");
  }

  /**
   * Starts a two-row layout: targets in the top row, their reconstructions below.
   *
   * @param targets {@code count * height * width} intensities
   * @param reconstructions as many intensities as {@code targets}, in the same order
   * @param height image height in pixels
   * @param width image width in pixels
   * @return a builder with 2 rows and {@code count} columns
   * @throws IllegalArgumentException when the lengths differ or a value is NaN
   */
  public static Builder pairs(float[] targets, float[] reconstructions, int height, int width) {
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(reconstructions, "reconstructions");
    if (targets.length != reconstructions.length) {
      throw new IllegalArgumentException(
          "`reconstructions` must have length " + targets.length + " to match `targets`, got "
              + reconstructions.length);
    }
    int count = checkImages(targets, height, width, "targets");
    checkImages(reconstructions, height, width, "reconstructions");
    float[] both = new float[2 * targets.length];
    System.arraycopy(targets, 0, both, 0, targets.length);
    System.arraycopy(reconstructions, 0, both, targets.length, reconstructions.length);
    Builder builder = new Builder(both, height, width, "targets");
    return builder.rows(2).cols(Math.max(1, count));
  }

  /**
   * Renders the grid as an 8-bit grayscale image.
   *
   * @return a new {@code TYPE_BYTE_GRAY} image of {@link #widthPixels()} by {@link
   *     #heightPixels()}; empty cells have the separator's gray
   */
  public BufferedImage render() {
    BufferedImage image =
        new BufferedImage(widthPixels(), heightPixels(), BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = image.getRaster();
    int[] background = new int[widthPixels()];
    Arrays.fill(background, separatorGray);
    for (int y = 0; y < heightPixels(); y++) {
      raster.setSamples(0, y, widthPixels(), 1, 0, background);
    }
    for (int i = 0; i < count; i++) {
      int left = separator + (i % cols) * (width * scale + separator);
      int top = separator + (i / cols) * (height * scale + separator);
      for (int r = 0; r < height; r++) {
        for (int c = 0; c < width; c++) {
          float v = pixels[(i * height + r) * width + c];
          int gray = Math.round(255 * Math.min(1f, Math.max(0f, v)));
          for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
              raster.setSample(left + c * scale + dx, top + r * scale + dy, 0, gray);
            }
          }
        }
      }
    }
    return image;
  }

  /**
   * Writes the grid as a PNG, atomically.
   *
   * @param target the file to create or replace; parent directories are created
   * @return {@code target}
   * @throws IOException when writing fails; an existing target is then left untouched
   */
  public Path writePng(Path target) throws IOException {
    return PngOutput.write(target, render());
  }

  /**
   * Returns the picture's width in pixels.
   *
   * @return {@code cols * width * scale + (cols + 1) * separator}
   */
  public int widthPixels() {
    return cols * width * scale + (cols + 1) * separator;
  }

  /**
   * Returns the picture's height in pixels.
   *
   * @return {@code rows * height * scale + (rows + 1) * separator}
   */
  public int heightPixels() {
    return rows * height * scale + (rows + 1) * separator;
  }

  /**
   * Returns the number of images drawn.
   *
   * @return the number of images given (twice the targets for {@link #pairs})
   */
  public int count() {
    return count;
  }

  @Override
  public String toString() {
    return "ImageGrid[" + count + " images of " + height + "x" + width + " in " + rows + "x" + cols
        + ", scale " + scale + ", separator " + separator + " px, " + widthPixels() + "x"
        + heightPixels() + " px]";
  }

  private static void checkSizes(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "`height` and `width` must be positive, got " + height + "x" + width);
    }
  }

  /** Checks sizes, length and NaN; returns the number of images. */
  private static int checkImages(float[] values, int height, int width, String argument) {
    checkSizes(height, width);
    int n = height * width;
    if (values.length == 0 || values.length % n != 0) {
      throw new IllegalArgumentException(
          "`" + argument + "` must hold a positive whole number of " + height + "x" + width
              + " images (a multiple of " + n + " floats), got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (Float.isNaN(values[i])) {
        int pixel = i % n;
        throw new IllegalArgumentException(
            "`" + argument + "[" + i + "]` is NaN (image " + i / n + ", row " + pixel / width
                + ", col " + pixel % width + ")");
      }
    }
    return values.length / n;
  }

  /** Configures an {@link ImageGrid}. */
  public static final class Builder {
    /** Largest picture side accepted; larger grids are almost surely a mistaken scale. */
    private static final int MAX_SIDE = 16384;

    private final float[] pixels;
    private final int count;
    private final int height;
    private final int width;
    private int rows;
    private int cols;
    private int scale = 1;
    private int separator = 1;
    private float separatorIntensity = 1f;

    private Builder(float[] pixels, int height, int width, String argument) {
      this.count = checkImages(pixels, height, width, argument);
      this.pixels = pixels;
      this.height = height;
      this.width = width;
    }

    /**
     * Sets the number of rows; default enough for {@code cols}, or a near-square layout.
     *
     * @param rows positive; {@link #build()} checks that {@code rows * cols} holds every image
     * @return this builder
     * @throws IllegalArgumentException if {@code rows} is not positive
     */
    public Builder rows(int rows) {
      this.rows = positive(rows, "rows");
      return this;
    }

    /**
     * Sets the number of columns; default {@code ceil(sqrt(count))} or enough for {@code rows}.
     *
     * @param cols positive; {@link #build()} checks that {@code rows * cols} holds every image
     * @return this builder
     * @throws IllegalArgumentException if {@code cols} is not positive
     */
    public Builder cols(int cols) {
      this.cols = positive(cols, "cols");
      return this;
    }

    /**
     * Sets the integer upscale factor per image pixel, in [1, 64]; default 1.
     *
     * @param scale output pixels per image pixel along each side, in [1, 64]
     * @return this builder
     * @throws IllegalArgumentException if {@code scale} is out of range
     */
    public Builder scale(int scale) {
      if (scale < 1 || scale > 64) {
        throw new IllegalArgumentException("`scale` must be in [1, 64], got " + scale);
      }
      this.scale = scale;
      return this;
    }

    /**
     * Sets the separator line width around cells, in [0, 16] pixels; default 1.
     *
     * @param pixels the line width, in [0, 16]; 0 for cells side by side
     * @return this builder
     * @throws IllegalArgumentException if {@code pixels} is out of range
     */
    public Builder separator(int pixels) {
      if (pixels < 0 || pixels > 16) {
        throw new IllegalArgumentException("`separator` must be in [0, 16] pixels, got " + pixels);
      }
      this.separator = pixels;
      return this;
    }

    /**
     * Sets the separator's (and empty cells') gray level in [0, 1]; default 1, white.
     *
     * @param intensity in [0, 1], 0 black
     * @return this builder
     * @throws IllegalArgumentException if {@code intensity} is outside [0, 1] or NaN
     */
    public Builder separatorIntensity(float intensity) {
      if (!(intensity >= 0f && intensity <= 1f)) {
        throw new IllegalArgumentException(
            "`separatorIntensity` must be in [0, 1], got " + intensity);
      }
      this.separatorIntensity = intensity;
      return this;
    }

    /**
     * Returns the grid.
     *
     * @return the grid, ready to render; the builder may be reused
     * @throws IllegalArgumentException when {@code rows * cols < count} or the picture would
     *     exceed 16384 pixels a side
     */
    public ImageGrid build() {
      int c = cols > 0 ? cols : rows > 0 ? ceilDiv(count, rows) : (int) Math.ceil(Math.sqrt(count));
      int r = rows > 0 ? rows : ceilDiv(count, c);
      if ((long) r * c < count) {
        throw new IllegalArgumentException(
            "`rows` * `cols` (" + r + " * " + c + " = " + (long) r * c
                + ") must be at least the number of images, " + count);
      }
      long w = (long) c * width * scale + (long) (c + 1) * separator;
      long h = (long) r * height * scale + (long) (r + 1) * separator;
      if (w > MAX_SIDE || h > MAX_SIDE) {
        throw new IllegalArgumentException(
            "the grid would be " + w + "x" + h + " pixels; reduce `scale` or the image count");
      }
      return new ImageGrid(this, r, c);
    }

    private static int ceilDiv(int a, int b) {
      return (a + b - 1) / b;
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException("`" + name + "` must be positive, got " + value);
      }
      return value;
    }
  }
}
