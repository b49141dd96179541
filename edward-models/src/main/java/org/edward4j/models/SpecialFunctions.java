package org.edward4j.models;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Special functions written with ops that have C++ gradients in TensorFlow Java 1.1.0: {@code
 * Xlogy}, {@code Lbeta} and {@code LogSigmoid} have none there, so their equivalents are spelled
 * out here (the {@code where}-twice form keeps gradients finite where a branch is unused).
 */
final class SpecialFunctions {

  private SpecialFunctions() {}

  /** {@code x log y}, and 0 where {@code x == 0} (even for {@code y == 0}); broadcasting. */
  static Operand<TFloat32> xLogY(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y) {
    Operand<TFloat32> zeros = tf.zeros(tf.broadcastDynamicShape(tf.shape(x), tf.shape(y)), TFloat32.class);
    Operand<TFloat32> xB = tf.math.add(x, zeros);
    Operand<TFloat32> yB = tf.math.add(y, zeros);
    Operand<TBool> xIsZero = tf.math.equal(xB, zeros);
    Operand<TFloat32> safeY = tf.select(xIsZero, tf.onesLike(yB), yB);
    return tf.select(xIsZero, zeros, tf.math.mul(xB, tf.math.log(safeY)));
  }

  /** {@code x log(1 + y)}, and 0 where {@code x == 0} (even for {@code y == -1}); broadcasting. */
  static Operand<TFloat32> xLog1pY(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y) {
    Operand<TFloat32> zeros = tf.zeros(tf.broadcastDynamicShape(tf.shape(x), tf.shape(y)), TFloat32.class);
    Operand<TFloat32> xB = tf.math.add(x, zeros);
    Operand<TFloat32> yB = tf.math.add(y, zeros);
    Operand<TBool> xIsZero = tf.math.equal(xB, zeros);
    Operand<TFloat32> safeY = tf.select(xIsZero, zeros, yB);
    return tf.select(xIsZero, zeros, tf.math.mul(xB, tf.math.log1p(safeY)));
  }

  /** {@code log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b)}. */
  static Operand<TFloat32> logBeta(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    return tf.math.sub(tf.math.add(tf.math.lgamma(a), tf.math.lgamma(b)), tf.math.lgamma(tf.math.add(a, b)));
  }

  /** {@code log sigmoid(x) = -softplus(-x)}, stable for large {@code |x|}. */
  static Operand<TFloat32> logSigmoid(Ops tf, Operand<TFloat32> x) {
    return tf.math.neg(tf.math.softplus(tf.math.neg(x)));
  }

  /**
   * {@code inside ? value : -inf}, broadcasting both to a common shape first (so the {@code
   * SelectV2} gradient needs no broadcasting); the gradient is zero outside.
   */
  static Operand<TFloat32> orMinusInfinity(Ops tf, Operand<TBool> inside, Operand<TFloat32> value) {
    Operand<TInt32> shape = tf.broadcastDynamicShape(tf.shape(inside), tf.shape(value));
    Operand<TFloat32> valueB = tf.math.add(value, tf.zeros(shape, TFloat32.class));
    Operand<TFloat32> minusInf = tf.fill(shape, tf.constant(Float.NEGATIVE_INFINITY));
    return tf.select(tf.broadcastTo(inside, shape), valueB, minusInf);
  }
}
