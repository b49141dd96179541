package org.edward4j.criticisms.diagnostics;

import java.util.Arrays;

/**
 * Checks and reshapes MCMC draws given as {@code double[chains][draws]}: rectangular, enough
 * draws, finite values; split halves of each chain (BDA3's split chains).
 */
final class Chains {

  private Chains() {}

  /**
   * Checks that {@code chains} is a non-empty rectangular array of finite values with at least
   * {@code minDraws} draws per chain.
   *
   * @throws IllegalArgumentException naming {@code argument}, the rule and the value found
   */
  static void check(String argument, double[][] chains, int minDraws) {
    if (chains == null) {
      throw new IllegalArgumentException("`" + argument + "` must not be null");
    }
    if (chains.length == 0) {
      throw new IllegalArgumentException("`" + argument + "` must hold at least one chain, got 0");
    }
    int n = -1;
    for (int m = 0; m < chains.length; m++) {
      double[] c = chains[m];
      if (c == null) {
        throw new IllegalArgumentException("`" + argument + "[" + m + "]` must not be null");
      }
      if (n < 0) {
        n = c.length;
      } else if (c.length != n) {
        throw new IllegalArgumentException("`" + argument + "` chains must all have " + n
            + " draws (the length of chain 0), got " + c.length + " in chain " + m);
      }
      for (int i = 0; i < c.length; i++) {
        if (!Double.isFinite(c[i])) {
          throw new IllegalArgumentException(
              "`" + argument + "` must hold finite draws, got " + c[i] + " at chain " + m + ", draw " + i);
        }
      }
    }
    if (n < minDraws) {
      throw new IllegalArgumentException(
          "`" + argument + "` must have at least " + minDraws + " draws per chain, got " + n);
    }
  }

  /**
   * Each chain cut into its first and second half (the middle draw dropped when the length is
   * odd), so a trend within a chain shows up as disagreement between chains.
   */
  static double[][] split(double[][] chains) {
    int half = chains[0].length / 2;
    int offset = chains[0].length - half;
    double[][] out = new double[2 * chains.length][];
    for (int m = 0; m < chains.length; m++) {
      out[2 * m] = Arrays.copyOfRange(chains[m], 0, half);
      out[2 * m + 1] = Arrays.copyOfRange(chains[m], offset, offset + half);
    }
    return out;
  }

  /** The mean of {@code x}. */
  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** The sample variance of {@code x} with denominator {@code n - 1}. */
  static double variance(double[] x) {
    double mu = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - mu) * (v - mu);
    }
    return s / (x.length - 1);
  }

  /** All draws of all chains in one array, chain after chain. */
  static double[] pooled(double[][] chains) {
    double[] out = new double[chains.length * chains[0].length];
    for (int m = 0; m < chains.length; m++) {
      System.arraycopy(chains[m], 0, out, m * chains[0].length, chains[m].length);
    }
    return out;
  }

  /** {@code pooled} cut back into {@code m} chains of equal length. */
  static double[][] unpooled(double[] pooled, int m) {
    int n = pooled.length / m;
    double[][] out = new double[m][];
    for (int i = 0; i < m; i++) {
      out[i] = Arrays.copyOfRange(pooled, i * n, (i + 1) * n);
    }
    return out;
  }
}
