package org.edward4j.models.bijectors;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@code y = sigmoid(x)}; see {@link Bijectors#sigmoid()}. */
final class Sigmoid implements Bijector {

  @Override
  public String name() {
    return "Sigmoid";
  }

  @Override
  public int eventRank() {
    return 0;
  }

  @Override
  public Support domain() {
    return Support.REAL;
  }

  @Override
  public Support codomain() {
    return Support.UNIT_INTERVAL;
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> x) {
    return tf.math.sigmoid(x);
  }

  /** {@code log y - log(1 - y)}. */
  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y) {
    return tf.math.sub(tf.math.log(y), tf.math.log1p(tf.math.neg(y)));
  }

  /** {@code -softplus(-x) - softplus(x)}. */
  @Override
  public Operand<TFloat32> forwardLogDetJacobian(Ops tf, Operand<TFloat32> x) {
    return tf.math.neg(tf.math.add(tf.math.softplus(tf.math.neg(x)), tf.math.softplus(x)));
  }

  /** {@code -log y - log(1 - y)}. */
  @Override
  public Operand<TFloat32> inverseLogDetJacobian(Ops tf, Operand<TFloat32> y) {
    return tf.math.neg(tf.math.add(tf.math.log(y), tf.math.log1p(tf.math.neg(y))));
  }

  @Override
  public boolean isIncreasing() {
    return true;
  }

  @Override
  public String toString() {
    return "Sigmoid()";
  }
}
