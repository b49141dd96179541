package org.edward4j.models.bijectors;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@code y = log(1 + exp(x))}; see {@link Bijectors#softplus()}. */
final class Softplus implements Bijector {

  @Override
  public String name() {
    return "Softplus";
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
    return Support.POSITIVE;
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> x) {
    return tf.math.softplus(x);
  }

  /** {@code log(exp(y) - 1) = y + log(-expm1(-y))}, stable for large and small {@code y}. */
  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y) {
    return tf.math.add(y, tf.math.log(tf.math.neg(tf.math.expm1(tf.math.neg(y)))));
  }

  /** {@code log sigmoid(x) = -softplus(-x)}. */
  @Override
  public Operand<TFloat32> forwardLogDetJacobian(Ops tf, Operand<TFloat32> x) {
    return tf.math.neg(tf.math.softplus(tf.math.neg(x)));
  }

  @Override
  public boolean isIncreasing() {
    return true;
  }

  @Override
  public String toString() {
    return "Softplus()";
  }
}
