package org.edward4j.examples;

/**
 * Summary of a batch of BiGAN codes for the progress line: do the encoder's codes fill the prior's
 * box as {@code U(low, high)} draws do ({@code |z|} mean 0.5 and per-dimension spread 0.577 for
 * {@code U(-1, 1)}), or do they leave it or shrink to a point?
 *
 * @param meanAbs the mean of {@code |z|} over all entries
 * @param meanSpread the per-dimension standard deviation over the batch, averaged over dimensions
 * @param outside the fraction of entries outside {@code [priorLow, priorHigh]}
 */
record CodeStatistics(double meanAbs, double meanSpread, double outside) {

  /**
   * Summarizes a batch.
   *
   * @param codes {@code [batch, latentDim]} row-major
   * @param r the recipe (its code width and prior box)
   * @return the statistics
   * @throws IllegalArgumentException if {@code codes} is not a whole number of rows
   */
  static CodeStatistics of(float[] codes, BiganRecipe r) {
    int d = r.latentDim();
    if (codes.length == 0 || codes.length % d != 0) {
      throw new IllegalArgumentException("`codes` must hold whole rows of " + d + ", got " + codes.length + " values");
    }
    int n = codes.length / d;
    double abs = 0;
    long out = 0;
    for (float c : codes) {
      abs += Math.abs(c);
      if (c < r.priorLow() || c > r.priorHigh()) {
        out++;
      }
    }
    double spread = 0;
    for (int j = 0; j < d; j++) {
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        double v = codes[i * d + j];
        sum += v;
        sumSq += v * v;
      }
      double mean = sum / n;
      spread += Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }
    return new CodeStatistics(abs / codes.length, spread / d, out / (double) codes.length);
  }

  @Override
  public String toString() {
    return String.format("codes |z| %.3f, spread %.3f, outside the box %.1f%%", meanAbs, meanSpread, 100 * outside);
  }
}
