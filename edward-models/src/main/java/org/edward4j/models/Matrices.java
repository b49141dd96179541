package org.edward4j.models;

/**
 * Java-side checks of matrix parameters given as numbers or small constants, run before any op is
 * built: square shape, positive diagonal, symmetry and positive definiteness (by a Cholesky
 * factorization in double precision).
 */
final class Matrices {

  private Matrices() {}

  /** Row-major copy of a square matrix; fails naming {@code name} if it is null, empty or ragged. */
  static float[] flattenSquare(String name, float[][] m) {
    if (m == null || m.length == 0) {
      throw new IllegalArgumentException("`" + name + "` must be a non-empty square matrix, got "
          + (m == null ? "null" : "no rows"));
    }
    int k = m.length;
    float[] flat = new float[k * k];
    for (int i = 0; i < k; i++) {
      if (m[i] == null || m[i].length != k) {
        throw new IllegalArgumentException("`" + name + "` must be a square matrix of " + k + " rows of " + k
            + " values, got row " + i + " of length " + (m[i] == null ? "null" : m[i].length));
      }
      System.arraycopy(m[i], 0, flat, i * k, k);
    }
    return flat;
  }

  /** Fails unless every known {@code k x k} matrix has a positive diagonal. */
  static void checkPositiveDiagonal(String name, float[] values, long k) {
    if (values == null) {
      return;
    }
    int kk = (int) k;
    for (int b = 0; b < values.length / (kk * kk); b++) {
      for (int i = 0; i < kk; i++) {
        float d = values[b * kk * kk + i * kk + i];
        if (!(d > 0)) {
          throw new IllegalArgumentException("`" + name + "` must have a positive diagonal (a Cholesky factor), got "
              + d + " at [" + i + ", " + i + "]" + (values.length > kk * kk ? " of matrix " + b : ""));
        }
      }
    }
  }

  /**
   * Fails unless every known {@code k x k} matrix is symmetric (within float32 rounding, relative
   * {@code 1e-5}) and positive definite (its Cholesky factorization has positive pivots).
   */
  static void checkPositiveDefinite(String name, float[] values, long k) {
    if (values == null) {
      return;
    }
    int kk = (int) k;
    for (int b = 0; b < values.length / (kk * kk); b++) {
      int off = b * kk * kk;
      String which = values.length > kk * kk ? " of matrix " + b : "";
      for (int i = 0; i < kk; i++) {
        for (int j = 0; j < i; j++) {
          float a = values[off + i * kk + j];
          float c = values[off + j * kk + i];
          if (Math.abs(a - c) > 1e-5 * Math.max(1, Math.max(Math.abs(a), Math.abs(c)))) {
            throw new IllegalArgumentException("`" + name + "` must be symmetric, got " + a + " at [" + i + ", " + j
                + "] and " + c + " at [" + j + ", " + i + "]" + which);
          }
        }
      }
      double[] l = new double[kk * kk];
      for (int j = 0; j < kk; j++) {
        double pivot = values[off + j * kk + j];
        for (int p = 0; p < j; p++) {
          pivot -= l[j * kk + p] * l[j * kk + p];
        }
        if (!(pivot > 0)) {
          throw new IllegalArgumentException("`" + name + "` must be positive definite, got a Cholesky pivot of "
              + (float) pivot + " at row " + j + which);
        }
        l[j * kk + j] = Math.sqrt(pivot);
        for (int i = j + 1; i < kk; i++) {
          double s = values[off + i * kk + j];
          for (int p = 0; p < j; p++) {
            s -= l[i * kk + p] * l[j * kk + p];
          }
          l[i * kk + j] = s / l[j * kk + j];
        }
      }
    }
  }
}
