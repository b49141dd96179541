package org.edward4j.models;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Class probabilities over a last axis, given as {@code probs} or {@code logits}, for the families
 * whose event is a vector of counts or indicators (Multinomial, OneHotCategorical, the relaxed
 * families): the Java-side check that constant {@code probs} sum to 1, and the graph-side
 * normalized log-probabilities.
 */
final class ProbabilityVectors {

  private ProbabilityVectors() {}

  /**
   * Fails unless each row of {@code k} known probabilities sums to 1 within float32 tolerance
   * ({@code 1e-5 k + 1e-6}: the rounding of {@code k} float32 values, with room for decimals
   * written by hand).
   *
   * @param values row-major probabilities, or null when not known in Java (nothing is checked)
   * @throws IllegalArgumentException "`probs` must sum to 1 over the last axis, got 0.9 in row 0"
   */
  static void checkSumsToOne(String name, float[] values, long k) {
    if (values == null || k < 1) {
      return;
    }
    double tolerance = 1e-5 * k + 1e-6;
    for (int row = 0; row < values.length / k; row++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += values[(int) (row * k + j)];
      }
      if (Math.abs(sum - 1) > tolerance) {
        throw new IllegalArgumentException("`" + name + "` must sum to 1 over the last axis, got " + (float) sum
            + " in row " + row);
      }
    }
  }

  /** {@code logits - logsumexp(logits)} over the last axis (see Categorical: LogSoftmax's gradient is wrong). */
  static Operand<TFloat32> logSoftmax(Ops tf, Operand<TFloat32> logits) {
    return tf.math.sub(logits, logSumExp(tf, logits, true));
  }

  /** {@code log sum exp(x)} over the last axis, stable, with a correct gradient. */
  static Operand<TFloat32> logSumExp(Ops tf, Operand<TFloat32> x, boolean keepDims) {
    Operand<TFloat32> max = tf.stopGradient(tf.reduceMax(x, tf.constant(-1), ReduceMax.keepDims(true)));
    // An all -inf row would give inf - inf = NaN: shift it by 0 instead.
    Operand<TFloat32> safeMax = tf.select(tf.math.isFinite(max), max, tf.zerosLike(max));
    Operand<TFloat32> sum = tf.reduceSum(tf.math.exp(tf.math.sub(x, safeMax)), tf.constant(-1), ReduceSum.keepDims(true));
    Operand<TFloat32> lse = tf.math.add(tf.math.log(sum), safeMax);
    return keepDims ? lse : tf.squeeze(lse, org.tensorflow.op.core.Squeeze.axis(java.util.List.of(-1L)));
  }

  /** {@code log p} where {@code p > 0}, {@code -inf} (with a zero gradient) where {@code p == 0}. */
  static Operand<TFloat32> safeLog(Ops tf, Operand<TFloat32> p) {
    Operand<TBool> positive = tf.math.greater(p, tf.zerosLike(p));
    Operand<TFloat32> logP = tf.math.log(tf.select(positive, p, tf.onesLike(p)));
    return tf.select(positive, logP, tf.fill(tf.shape(p), tf.constant(Float.NEGATIVE_INFINITY)));
  }

  /** {@code softmax(logits)} over the last axis. */
  static Operand<TFloat32> softmax(Ops tf, Operand<TFloat32> logits) {
    return tf.math.exp(logSoftmax(tf, logits));
  }
}
