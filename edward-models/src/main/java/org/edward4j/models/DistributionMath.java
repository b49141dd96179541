package org.edward4j.models;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Formulas the catalogue's continuous families share: the standard normal CDF, uniform draws on
 * the open interval {@code (0, 1)} for inverse-CDF samplers whose inverse is infinite at 0, and
 * TensorFlow's {@code allow_nan_stats} convention of NaN where a moment is undefined (a Cauchy's
 * mean, a Student-t's variance for {@code df <= 1}).
 */
final class DistributionMath {

  /** The smallest normal float32, so that {@code log(u)} and {@code log(1 - u)} stay finite. */
  static final float TINY = Float.MIN_NORMAL;

  private DistributionMath() {}

  /** {@code Phi(z) = erfc(-z / sqrt 2) / 2}, accurate in both tails (Erfc's gradient is registered in core). */
  static Operand<TFloat32> ndtr(Ops tf, Operand<TFloat32> z) {
    Operand<TFloat32> arg = tf.math.mul(z, tf.constant((float) (-1 / Math.sqrt(2))));
    return tf.math.mul(tf.constant(0.5f), tf.math.erfc(arg));
  }

  /**
   * Uniform draws on {@code [TINY, 1 - 2^-24]}: {@code StatelessRandomUniform} can return 0, where
   * {@code log u} is infinite.
   */
  static Operand<TFloat32> openUniform(Ops tf, Operand<TInt32> shape, Operand<TInt64> seed) {
    Operand<TFloat32> u = StandardDraws.uniform(tf, shape, seed);
    return tf.math.maximum(u, tf.constant(TINY));
  }

  /** {@code defined ? value : NaN}, broadcasting both; the gradient is zero where undefined. */
  static Operand<TFloat32> nanUnless(Ops tf, Operand<TBool> defined, Operand<TFloat32> value) {
    Operand<TInt32> shape = tf.broadcastDynamicShape(tf.shape(defined), tf.shape(value));
    Operand<TFloat32> valueB = tf.math.add(value, tf.zeros(shape, TFloat32.class));
    Operand<TFloat32> nan = tf.fill(shape, tf.constant(Float.NaN));
    return tf.select(tf.broadcastTo(defined, shape), valueB, nan);
  }

  /** {@code value} where {@code condition}, else {@code otherwise}, broadcasting all three. */
  static Operand<TFloat32> where(Ops tf, Operand<TBool> condition, Operand<TFloat32> value, Operand<TFloat32> otherwise) {
    Operand<TInt32> shape = tf.broadcastDynamicShape(
        tf.broadcastDynamicShape(tf.shape(condition), tf.shape(value)), tf.shape(otherwise));
    Operand<TFloat32> zeros = tf.zeros(shape, TFloat32.class);
    return tf.select(tf.broadcastTo(condition, shape), tf.math.add(value, zeros), tf.math.add(otherwise, zeros));
  }

  /** A constant NaN broadcast to {@code like}'s shape, for a moment that never exists. */
  static Operand<TFloat32> nanLike(Ops tf, Operand<TFloat32> like) {
    return tf.fill(tf.shape(like), tf.constant(Float.NaN));
  }
}
