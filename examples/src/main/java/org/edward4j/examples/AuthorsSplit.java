package org.edward4j.examples;

import java.util.Random;

/**
 * The BiGAN authors' evaluation split of MNIST's training images (Donahue et al., 2017; {@code
 * jeffdonahue/bigan}, {@code load.py}'s {@code mnist_with_valid_set}, which {@code train_mnist.sh}
 * uses): the 60,000 training images shuffled, the last 10,000 held out as validation queries and the
 * first 50,000 kept as references, and their {@code NNC_e} 1-NN accuracy queries the validation
 * codes against the reference codes. The authors shuffle with NumPy's generator; this split shuffles
 * with {@link Random} of the given seed, so its 10,000 images are a different random tenth.
 *
 * <p>Unlike the authors' models, ours train on all 60,000 training images, so the queries here have
 * been seen (without labels) in training: the split reproduces the sizes and the draw of the
 * authors' protocol, not its held-out-ness.
 *
 * @param references indices of the reference images, in shuffled order
 * @param queries indices of the query images, in shuffled order, disjoint from {@code references}
 */
record AuthorsSplit(int[] references, int[] queries) {

  /** The authors' number of validation images. */
  static final int VALIDATION = 10_000;

  /**
   * Shuffles {@code 0 .. n - 1} (Fisher-Yates) and holds out the last {@code held}.
   *
   * @param n images in all
   * @param held images held out as queries, in {@code [1, n)}
   * @param seed the shuffle's seed
   * @return the split
   * @throws IllegalArgumentException if {@code held} is not in {@code [1, n)}
   */
  static AuthorsSplit of(int n, int held, long seed) {
    if (held < 1 || held >= n) {
      throw new IllegalArgumentException("`held` must be in [1, " + n + "), got " + held);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random rng = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] references = java.util.Arrays.copyOfRange(order, 0, n - held);
    int[] queries = java.util.Arrays.copyOfRange(order, n - held, n);
    return new AuthorsSplit(references, queries);
  }

  /**
   * The rows {@code which} of a row-major matrix.
   *
   * @param matrix {@code rows * dimension} values
   * @param dimension the row length
   * @param which row indices
   * @return {@code which.length * dimension} values
   */
  static float[] rows(float[] matrix, int dimension, int[] which) {
    float[] out = new float[which.length * dimension];
    for (int i = 0; i < which.length; i++) {
      System.arraycopy(matrix, which[i] * dimension, out, i * dimension, dimension);
    }
    return out;
  }

  /**
   * The labels {@code which}.
   *
   * @param labels all labels
   * @param which indices
   * @return {@code labels[which[i]]}
   */
  static int[] labels(int[] labels, int[] which) {
    int[] out = new int[which.length];
    for (int i = 0; i < which.length; i++) {
      out[i] = labels[which[i]];
    }
    return out;
  }
}
