package org.edward4j.criticisms;

import java.util.Arrays;

/** Edward's classification metrics over {@link Realization}s, in double precision. */
final class ClassificationMetrics {

  private ClassificationMetrics() {}

  /** {@code mean(y_true == y_pred)}, the prediction broadcast to the data's shape. */
  static double accuracy(Realization yTrue, Realization yPred) {
    double[] t = yTrue.data();
    double[] p = yPred.broadcastTo(yTrue.shape(), "y_pred").data();
    int equal = 0;
    for (int i = 0; i < t.length; i++) {
      equal += t[i] == p[i] ? 1 : 0;
    }
    return (double) equal / t.length;
  }

  /** {@code mean(argmax(y_true) == y_pred)} for one-hot data over the last axis. */
  static double categoricalAccuracy(Realization yTrue, Realization yPred) {
    if (yTrue.rank() < 1) {
      throw new IllegalArgumentException("categorical_accuracy needs one-hot data over a last axis, got a scalar");
    }
    return accuracy(yTrue.argmaxLastAxis(), yPred);
  }

  /**
   * Binary cross-entropy: from the averaged {@code P(y = 1)} of a Bernoulli output, else from the
   * prediction taken as logits ({@code max(x, 0) - x y + log1p(exp(-|x|))}).
   */
  static double binaryCrossentropy(Realization yTrue, PosteriorPredictive p) {
    double[] t = yTrue.data();
    double total = 0;
    if (p.kind() == PosteriorPredictive.OutputKind.BERNOULLI) {
      double[] q = p.probs().broadcastTo(yTrue.shape(), "probs").data();
      for (int i = 0; i < t.length; i++) {
        total -= xLogY(t[i], q[i]) + xLogY(1 - t[i], 1 - q[i]);
      }
    } else {
      double[] x = p.yPred().broadcastTo(yTrue.shape(), "y_pred").data();
      for (int i = 0; i < t.length; i++) {
        total += Math.max(x[i], 0) - x[i] * t[i] + Math.log1p(Math.exp(-Math.abs(x[i])));
      }
    }
    return total / t.length;
  }

  /** {@code -mean over rows of sum_k y_k log p_k}; y_true one-hot (or a distribution) per row. */
  static double categoricalCrossentropy(Realization yTrue, Realization logProbs) {
    Realization lp = logProbs.broadcastTo(yTrue.shape(), "log-probabilities");
    int k = yTrue.lastDim();
    double total = 0;
    for (int i = 0; i < yTrue.data().length; i++) {
      total -= yTrue.data()[i] == 0 ? 0 : yTrue.data()[i] * lp.data()[i];
    }
    return total / (yTrue.data().length / k);
  }

  /** {@code -mean log p[y]} for integer labels; {@code logProbs} has one more (last) axis. */
  static double sparseCategoricalCrossentropy(Realization yTrue, Realization logProbs) {
    int k = logProbs.lastDim();
    long[] target = Arrays.copyOf(yTrue.shape(), yTrue.rank() + 1);
    target[yTrue.rank()] = k;
    double[] lp = logProbs.broadcastTo(target, "log-probabilities").data();
    double total = 0;
    for (int i = 0; i < yTrue.data().length; i++) {
      double label = yTrue.data()[i];
      if (label != Math.rint(label) || label < 0 || label >= k) {
        throw new IllegalArgumentException(
            "sparse_categorical_crossentropy needs labels in 0.." + (k - 1) + ", got " + label + " at " + i);
      }
      total -= lp[i * k + (int) label];
    }
    return total / yTrue.data().length;
  }

  /** {@code sum y (log y - log p)} over entries with {@code y != 0}. */
  static double klDivergence(Realization yTrue, Realization probs) {
    double[] p = probs.broadcastTo(yTrue.shape(), "probs").data();
    double total = 0;
    for (int i = 0; i < p.length; i++) {
      double y = yTrue.data()[i];
      total += y == 0 ? 0 : y * (Math.log(y) - Math.log(p[i]));
    }
    return total;
  }

  /** {@code mean(max(1 - y_true y_pred, 0))}, squared when asked. */
  static double hinge(Realization yTrue, Realization yPred, boolean squared) {
    double[] p = yPred.broadcastTo(yTrue.shape(), "y_pred").data();
    double total = 0;
    for (int i = 0; i < p.length; i++) {
      double h = Math.max(1 - yTrue.data()[i] * p[i], 0);
      total += squared ? h * h : h;
    }
    return total / p.length;
  }

  /** {@code x log y} with {@code 0 log y = 0}. */
  private static double xLogY(double x, double y) {
    return x == 0 ? 0 : x * Math.log(y);
  }
}
