package org.edward4j.examples.variational;

/**
 * The adjusted Rand index of two clusterings (Hubert and Arabie, 1985), scikit-learn's {@code
 * adjusted_rand_score}: the Rand index corrected for chance, {@code (index - expected) / (max -
 * expected)} over pairs of items, with {@code index = sum_ij C(n_ij, 2)} on the contingency table,
 * {@code expected = sum_i C(a_i, 2) sum_j C(b_j, 2) / C(n, 2)} and {@code max = (sum_i C(a_i, 2) +
 * sum_j C(b_j, 2)) / 2}. It is 1 for identical partitions (whatever the label names), about 0 for
 * unrelated ones, and symmetric.
 */
final class AdjustedRandIndex {

  private AdjustedRandIndex() {}

  /**
   * The index of two labelings of the same items.
   *
   * @param a labels in {@code [0, ka)}
   * @param b labels in {@code [0, kb)}, as many as {@code a}
   * @return the adjusted Rand index; 1 when both put every item in one cluster
   * @throws IllegalArgumentException for labelings of different lengths or negative labels
   */
  static double of(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("labelings must have the same length, got " + a.length + " and " + b.length);
    }
    int ka = 1 + max(a);
    int kb = 1 + max(b);
    long[][] table = new long[ka][kb];
    for (int i = 0; i < a.length; i++) {
      table[a[i]][b[i]]++;
    }
    double index = 0;
    double sumA = 0;
    double sumB = 0;
    for (int i = 0; i < ka; i++) {
      long row = 0;
      for (int j = 0; j < kb; j++) {
        index += pairs(table[i][j]);
        row += table[i][j];
      }
      sumA += pairs(row);
    }
    for (int j = 0; j < kb; j++) {
      long column = 0;
      for (int i = 0; i < ka; i++) {
        column += table[i][j];
      }
      sumB += pairs(column);
    }
    double expected = sumA * sumB / pairs(a.length);
    double max = (sumA + sumB) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }

  private static int max(int[] labels) {
    int m = 0;
    for (int v : labels) {
      if (v < 0) {
        throw new IllegalArgumentException("labels must be 0 or more, got " + v);
      }
      m = Math.max(m, v);
    }
    return m;
  }
}
