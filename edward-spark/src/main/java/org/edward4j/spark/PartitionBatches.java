package org.edward4j.spark;

import java.util.List;
import java.util.Random;

/**
 * The minibatches of one partition: its rows visited in a fresh shuffled order each epoch, the
 * order a pure function of the job's seed, the partition and the epoch. A task can therefore
 * start at any batch number (round times k) without state carried over from an earlier task,
 * and a retried task sees exactly the batches the failed one saw.
 */
final class PartitionBatches {

  private final float[][] rows;
  private final int width;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private long permutedEpoch = -1;
  private int[] permutation;

  /**
   * @param rows the partition's examples, all of one width; at least {@code batchSize}
   * @param batchSize examples per batch
   * @param shuffle whether each epoch visits the rows in a new random order, or in order
   * @param seed the job's seed mixed with the partition index
   */
  PartitionBatches(List<float[]> rows, int batchSize, boolean shuffle, long seed) {
    this.rows = rows.toArray(new float[0][]);
    this.width = this.rows[0].length;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    for (int i = 0; i < this.rows.length; i++) {
      if (this.rows[i].length != width) {
        throw new IllegalArgumentException("every example must have the same width; example " + i
            + " of this partition has " + this.rows[i].length + " floats, the first has " + width);
      }
    }
  }

  int width() {
    return width;
  }

  /** Fills {@code dest} ({@code batchSize * width} floats) with batch number {@code batch}. */
  void fill(long batch, float[] dest) {
    long first = batch * batchSize;
    for (int m = 0; m < batchSize; m++) {
      long i = first + m;
      int row = permutation(i / rows.length)[(int) (i % rows.length)];
      System.arraycopy(rows[row], 0, dest, m * width, width);
    }
  }

  private int[] permutation(long epoch) {
    if (epoch != permutedEpoch) {
      int[] p = new int[rows.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = i;
      }
      Random random = new Random(seed * 0x9E3779B97F4A7C15L + epoch);
      for (int i = p.length - 1; shuffle && i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = p[i];
        p[i] = p[j];
        p[j] = tmp;
      }
      permutation = p;
      permutedEpoch = epoch;
    }
    return permutation;
  }
}
