package org.edward4j.criticisms;

import java.util.function.DoubleBinaryOperator;

/**
 * Edward's regression metrics over {@link Realization}s, in double precision. The four errors
 * reduce along the second-to-last axis and then average as {@link Averaging} says.
 */
final class RegressionMetrics {

  private RegressionMetrics() {}

  static double[] meanSquaredError(Realization t, Realization p, Averaging a) {
    return columnwise(t, p, a, (y, q) -> (q - y) * (q - y));
  }

  static double[] meanAbsoluteError(Realization t, Realization p, Averaging a) {
    return columnwise(t, p, a, (y, q) -> Math.abs(q - y));
  }

  static double[] meanAbsolutePercentageError(Realization t, Realization p, Averaging a) {
    return columnwise(t, p, a, (y, q) -> 100.0 * Math.abs(y - q) / Math.max(Math.abs(y), 1e-8));
  }

  static double[] meanSquaredLogarithmicError(Realization t, Realization p, Averaging a) {
    return columnwise(t, p, a, (y, q) -> {
      double d = Math.log(Math.max(q, 1e-8) + 1) - Math.log(Math.max(y, 1e-8) + 1);
      return d * d;
    });
  }

  /** {@code sum(y_pred - y_true log(y_pred + 1e-8))}. */
  static double poisson(Realization t, Realization p) {
    double[] q = p.broadcastTo(t.shape(), "y_pred").data();
    double total = 0;
    for (int i = 0; i < q.length; i++) {
      total += q[i] - t.data()[i] * Math.log(q[i] + 1e-8);
    }
    return total;
  }

  /** {@code sum(normalize(y_true) * normalize(y_pred))}, each normalized over the last axis. */
  static double cosineProximity(Realization t, Realization p) {
    double[] q = p.broadcastTo(t.shape(), "y_pred").data();
    int k = t.lastDim();
    double total = 0;
    for (int r = 0; r < q.length / k; r++) {
      double nt = 0;
      double nq = 0;
      double dot = 0;
      for (int j = r * k; j < (r + 1) * k; j++) {
        nt += t.data()[j] * t.data()[j];
        nq += q[j] * q[j];
        dot += t.data()[j] * q[j];
      }
      // tf.nn.l2_normalize divides by sqrt(max(sum x^2, 1e-12)).
      total += dot / (Math.sqrt(Math.max(nt, 1e-12)) * Math.sqrt(Math.max(nq, 1e-12)));
    }
    return total;
  }

  /**
   * Edward's {@code with_binary_averaging}: rank-1 data become one row; the error is averaged
   * over the second-to-last axis, giving one value per column (per leading index and last-axis
   * entry); {@code MACRO} averages those, {@code MICRO} flattens everything into one row first.
   */
  private static double[] columnwise(Realization t, Realization p, Averaging a, DoubleBinaryOperator error) {
    Realization y = t.rank() < 2 ? new Realization(new long[] {1, Realization.size(t.shape())}, t.data()) : t;
    double[] q = p.broadcastTo(t.shape(), "y_pred").data();
    if (a == Averaging.MICRO) {
      y = new Realization(new long[] {1, y.data().length}, y.data());
    }
    int cols = y.lastDim();
    int rows = (int) y.shape()[y.rank() - 2];
    int blocks = y.data().length / (rows * cols);
    double[] perColumn = new double[blocks * cols];
    for (int b = 0; b < blocks; b++) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int i = (b * rows + r) * cols + c;
          perColumn[b * cols + c] += error.applyAsDouble(y.data()[i], q[i]) / rows;
        }
      }
    }
    if (a == Averaging.NONE) {
      return perColumn;
    }
    double mean = 0;
    for (double v : perColumn) {
      mean += v / perColumn.length;
    }
    return new double[] {mean};
  }
}
