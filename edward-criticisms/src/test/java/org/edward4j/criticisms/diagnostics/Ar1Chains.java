package org.edward4j.criticisms.diagnostics;

import java.util.Random;

/** Draws of stationary Gaussian AR(1) chains and i.i.d. chains for the diagnostics' tests. */
final class Ar1Chains {

  private Ar1Chains() {}

  /**
   * {@code m} chains of {@code n} draws of {@code x_t = rho x_{t-1} + sqrt(1 - rho^2) e_t}, started
   * from the stationary N(0, 1), so every draw is N(0, 1) and {@code corr(x_t, x_{t+k}) = rho^k}.
   */
  static double[][] ar1(long seed, int m, int n, double rho) {
    Random random = new Random(seed);
    double innovation = Math.sqrt(1 - rho * rho);
    double[][] chains = new double[m][n];
    for (int c = 0; c < m; c++) {
      double x = random.nextGaussian();
      for (int i = 0; i < n; i++) {
        chains[c][i] = x;
        x = rho * x + innovation * random.nextGaussian();
      }
    }
    return chains;
  }

  /** {@code m} chains of {@code n} i.i.d. N(mean[c], sd[c]^2) draws. */
  static double[][] iid(long seed, int n, double[] mean, double[] sd) {
    Random random = new Random(seed);
    double[][] chains = new double[mean.length][n];
    for (int c = 0; c < mean.length; c++) {
      for (int i = 0; i < n; i++) {
        chains[c][i] = mean[c] + sd[c] * random.nextGaussian();
      }
    }
    return chains;
  }
}
