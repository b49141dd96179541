package org.edward4j.datasets;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An endless stream of minibatches that wraps around like Edward's {@code generator(array,
 * batch_size)}: batches are consecutive, and the batch that reaches the end is the tail of the
 * data followed by its head, after which the next batch continues from there.
 *
 * <p>With {@link Builder#shuffleEachEpoch(long)} the order is a fresh seeded permutation at the
 * start and at every wrap, so a batch spanning the wrap holds the tail of one epoch's order and
 * the head of the next. Batches go into caller-supplied buffers so a training loop allocates
 * nothing per step. Not thread-safe: one stream per training loop.
 *
 * <pre>{@code
 * Minibatches batches = Minibatches.over(Mnist.load().train(), 100)
 *     .shuffleEachEpoch(42)
 *     .binarization(Binarization.stochastic(7))
 *     .build();
 * float[] x = batches.newImageBuffer();
 * int[] y = batches.newLabelBuffer();
 * for (int step = 0; step < 1000; step++) {
 *   batches.next(x, y);
 *   // feed x, y
 * }
 * }</pre>
 */
public final class Minibatches {

  private final MnistSplit split;
  private final int batchSize;
  private final Long shuffleSeed;
  private final Binarization binarization;
  private final SplittableRandom shuffleRandom;
  private final SplittableRandom pixelRandom;
  /** Index in the current order; equals size() only transiently, as in Edward's generator. */
  private int position;
  private final int[] order;
  private int epoch;
  private long batchesServed;

  private Minibatches(Builder b) {
    this.split = b.split;
    this.batchSize = b.batchSize;
    this.shuffleSeed = b.shuffleSeed;
    this.binarization = b.binarization;
    this.shuffleRandom = shuffleSeed == null ? null : new SplittableRandom(shuffleSeed);
    this.pixelRandom =
        binarization instanceof Binarization.Stochastic s ? new SplittableRandom(s.seed()) : null;
    if (shuffleRandom != null) {
      order = new int[split.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      shuffle();
    } else {
      order = null;
    }
  }

  /**
   * Starts a stream over a split.
   *
   * @param split the images to serve
   * @param batchSize images per batch, in {@code [1, split.size()]}
   * @return a builder; by default no shuffling (no Edward example shuffles) and no binarization,
   *     as the {@code generator(array, batch_size)} of Edward's batch-training tutorial; Edward's
   *     MNIST scripts (the GAN tutorial, {@code vae.py}, {@code bigan.py}, {@code
   *     gan_wasserstein.py}) also binarize every batch afresh: add {@link
   *     Builder#binarization} with {@link Binarization#stochastic(long)}
   * @throws IllegalArgumentException when {@code batchSize} is out of range
   */
  public static Builder over(MnistSplit split, int batchSize) {
    Objects.requireNonNull(split, "split");
    if (batchSize < 1 || batchSize > split.size()) {
      throw new IllegalArgumentException(
          "`batchSize` must be in [1, " + split.size() + "] (the size of split " + split.name()
              + "), got " + batchSize);
    }
    return new Builder(split, batchSize);
  }

  /**
   * Returns a buffer of {@code batchSize() * split().pixelsPerImage()} floats for next().
   *
   * @return a new zeroed array of the length {@link #next(float[], int[])} expects
   */
  public float[] newImageBuffer() {
    return new float[batchSize * split.pixelsPerImage()];
  }

  /**
   * Returns a buffer of {@code batchSize()} ints for {@link #next(float[], int[])}.
   *
   * @return a new zeroed array of length {@link #batchSize()}
   */
  public int[] newLabelBuffer() {
    return new int[batchSize];
  }

  /**
   * Writes the next batch of images into {@code images}.
   *
   * @param images {@code batchSize() * pixelsPerImage()} floats, overwritten row-major
   */
  public void next(float[] images) {
    next(images, null);
  }

  /**
   * Writes the next batch of images and their labels.
   *
   * @param images {@code batchSize() * pixelsPerImage()} floats, overwritten row-major
   * @param labels {@code batchSize()} ints, overwritten; {@code null} to skip labels
   * @throws IllegalArgumentException when a buffer has the wrong length
   */
  public void next(float[] images, int[] labels) {
    Objects.requireNonNull(images, "images");
    int perImage = split.pixelsPerImage();
    if (images.length != batchSize * perImage) {
      throw new IllegalArgumentException(
          "`images` must have length " + batchSize + " * " + perImage + " = "
              + batchSize * perImage + " (batchSize * pixelsPerImage), got " + images.length);
    }
    if (labels != null && labels.length != batchSize) {
      throw new IllegalArgumentException(
          "`labels` must have length " + batchSize + " (batchSize), got " + labels.length);
    }
    for (int k = 0; k < batchSize; k++) {
      if (position == split.size()) {
        position = 0;
        epoch++;
        if (order != null) {
          shuffle();
        }
      }
      int index = order == null ? position : order[position];
      position++;
      writeImage(index, images, k * perImage);
      if (labels != null) {
        labels[k] = split.label(index);
      }
    }
    batchesServed++;
  }

  /**
   * Advances the stream by {@code batches} batches without writing them, drawing the same shuffles
   * and binarization noise that {@link #next} would: after {@code skip(n)} the stream serves what
   * it would after {@code n} calls of {@code next}. A run resumed from a checkpoint skips the
   * batches it already trained on, and then sees the data an uninterrupted run would.
   *
   * @param batches how many batches to pass over, non-negative
   * @throws IllegalArgumentException when {@code batches} is negative
   */
  public void skip(long batches) {
    if (batches < 0) {
      throw new IllegalArgumentException("`batches` must be non-negative, got " + batches);
    }
    int perImage = split.pixelsPerImage();
    for (long b = 0; b < batches; b++) {
      for (int k = 0; k < batchSize; k++) {
        if (position == split.size()) {
          position = 0;
          epoch++;
          if (order != null) {
            shuffle();
          }
        }
        position++;
        if (pixelRandom != null && !(binarization instanceof Binarization.Threshold)) {
          for (int i = 0; i < perImage; i++) {
            pixelRandom.nextFloat();
          }
        }
      }
      batchesServed++;
    }
  }

  private void writeImage(int index, float[] images, int offset) {
    int perImage = split.pixelsPerImage();
    int from = index * perImage;
    if (binarization instanceof Binarization.Threshold t) {
      for (int i = 0; i < perImage; i++) {
        images[offset + i] = split.rawPixel(from + i) / 255f > t.threshold() ? 1f : 0f;
      }
    } else if (pixelRandom != null) {
      for (int i = 0; i < perImage; i++) {
        // nextFloat() is in [0, 1): intensity 1 always gives 1, intensity 0 never does.
        images[offset + i] = pixelRandom.nextFloat() < split.rawPixel(from + i) / 255f ? 1f : 0f;
      }
    } else {
      split.copyImage(index, images, offset);
    }
  }

  /** Fisher-Yates over the whole order, driven by the recorded seed. */
  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = shuffleRandom.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /**
   * Returns the split served.
   *
   * @return the split given to {@link #over}
   */
  public MnistSplit split() {
    return split;
  }

  /**
   * Returns the number of images per batch.
   *
   * @return the batch size, in {@code [1, split().size()]}
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Returns how many times the stream has wrapped past the end of the data.
   *
   * @return 0 during the first pass; it increases when the first image after the end is served
   */
  public int epoch() {
    return epoch;
  }

  /**
   * Returns how many batches {@link #next} has written or {@link #skip} has passed over.
   *
   * @return the number of batches the stream has advanced by since it was built
   */
  public long batchesServed() {
    return batchesServed;
  }

  @Override
  public String toString() {
    return "Minibatches[split=" + split.name() + ", batchSize=" + batchSize + ", shuffle="
        + (shuffleSeed == null ? "off" : "each epoch (seed=" + shuffleSeed + ")")
        + ", binarization=" + binarization + ", epoch=" + epoch + ", batchesServed="
        + batchesServed + "]";
  }

  /** Configures a {@link Minibatches} stream. */
  public static final class Builder {
    private final MnistSplit split;
    private final int batchSize;
    private Long shuffleSeed;
    private Binarization binarization = Binarization.none();

    private Builder(MnistSplit split, int batchSize) {
      this.split = split;
      this.batchSize = batchSize;
    }

    /**
     * Shuffles at the start and at every wrap, with permutations drawn from {@code seed}.
     *
     * @param seed seeds the permutations, so a run can be repeated; shown by {@code toString()}
     * @return this builder
     */
    public Builder shuffleEachEpoch(long seed) {
      this.shuffleSeed = seed;
      return this;
    }

    /**
     * Sets how intensities are binarized; default {@link Binarization#none()}.
     *
     * @param binarization none, a fixed threshold or stochastic draws; not null
     * @return this builder
     */
    public Builder binarization(Binarization binarization) {
      this.binarization = Objects.requireNonNull(binarization, "binarization");
      return this;
    }

    /**
     * Returns the stream, positioned at the first batch.
     *
     * @return a new stream; building twice gives two independent streams with the same seeds
     */
    public Minibatches build() {
      return new Minibatches(this);
    }
  }
}
