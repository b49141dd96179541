package org.edward4j.core;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * TF1's weight regularizers.
 *
 * <pre>{@code
 * VariableSpec.of("kernel", Shape.of(784, 128), TFloat32.class).withRegularizer(Regularizers.l2(1e-4));
 * }</pre>
 */
public final class Regularizers {

  private Regularizers() {}

  /**
   * {@code scale * sum(w^2) / 2}, as {@code tf.contrib.layers.l2_regularizer(scale)}.
   *
   * @param scale the weight; non-negative and finite
   * @return the regularizer
   */
  public static Regularizer l2(double scale) {
    checkScale(scale);
    return new Regularizer() {
      @Override
      public <T extends TNumber> Operand<T> penalty(Ops tf, Operand<T> weights) {
        return tf.math.mul(tf.nn.l2Loss(weights), tf.constant(weights.type(), scale));
      }

      @Override
      public String toString() {
        return "l2(" + scale + ")";
      }
    };
  }

  /**
   * {@code scale * sum(|w|)}, as {@code tf.contrib.layers.l1_regularizer(scale)}.
   *
   * @param scale the weight; non-negative and finite
   * @return the regularizer
   */
  public static Regularizer l1(double scale) {
    checkScale(scale);
    return new Regularizer() {
      @Override
      public <T extends TNumber> Operand<T> penalty(Ops tf, Operand<T> weights) {
        Operand<T> sum = tf.reduceSum(tf.math.abs(weights), allAxes(tf, weights));
        return tf.math.mul(sum, tf.constant(weights.type(), scale));
      }

      @Override
      public String toString() {
        return "l1(" + scale + ")";
      }
    };
  }

  private static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, Operand<?> x) {
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }

  private static void checkScale(double scale) {
    if (!(scale >= 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("`scale` must be non-negative and finite, got " + scale);
    }
  }
}
