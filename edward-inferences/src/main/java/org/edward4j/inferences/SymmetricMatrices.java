package org.edward4j.inferences;

/**
 * Cholesky factors and inverses of small symmetric positive-definite matrices in double precision:
 * {@link Laplace} turns a Hessian into a covariance in Java, which keeps float32 rounding and
 * TensorFlow's missing {@code Cholesky} gradient out of the way.
 */
final class SymmetricMatrices {

  private SymmetricMatrices() {}

  /**
   * The lower-triangular {@code L} with {@code L L^T = a}.
   *
   * @param what the latent variable's name, for messages
   * @throws IllegalStateException if {@code a} is not positive definite
   */
  static double[][] cholesky(double[][] a, String what) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double diag = a[j][j];
      for (int k = 0; k < j; k++) {
        diag -= l[j][k] * l[j][k];
      }
      if (!(diag > 0)) {
        throw new IllegalStateException("the Hessian of -log p(x, z) for " + what + " is not positive definite "
            + "(pivot " + j + " is " + diag + "): the locations are not at a strict mode (train longer?)");
      }
      l[j][j] = Math.sqrt(diag);
      for (int i = j + 1; i < n; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / l[j][j];
      }
    }
    return l;
  }

  /**
   * {@code a^-1} through the Cholesky factor of {@code a}.
   *
   * @throws IllegalStateException if {@code a} is not positive definite
   */
  static double[][] inverse(double[][] a, String what) {
    int n = a.length;
    double[][] l = cholesky(a, what);
    double[][] out = new double[n][n];
    for (int c = 0; c < n; c++) {
      // Solve L y = e_c, then L^T x = y.
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double s = i == c ? 1 : 0;
        for (int k = 0; k < i; k++) {
          s -= l[i][k] * y[k];
        }
        y[i] = s / l[i][i];
      }
      for (int i = n - 1; i >= 0; i--) {
        double s = y[i];
        for (int k = i + 1; k < n; k++) {
          s -= l[k][i] * out[k][c];
        }
        out[i][c] = s / l[i][i];
      }
    }
    return out;
  }
}
