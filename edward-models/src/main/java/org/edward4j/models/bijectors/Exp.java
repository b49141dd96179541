package org.edward4j.models.bijectors;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@code y = exp(x)}; see {@link Bijectors#exp()}. */
final class Exp implements Bijector {

  @Override
  public String name() {
    return "Exp";
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
    return tf.math.exp(x);
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y) {
    return tf.math.log(y);
  }

  @Override
  public Operand<TFloat32> forwardLogDetJacobian(Ops tf, Operand<TFloat32> x) {
    return tf.identity(x);
  }

  /** {@code -log y}. */
  @Override
  public Operand<TFloat32> inverseLogDetJacobian(Ops tf, Operand<TFloat32> y) {
    return tf.math.neg(tf.math.log(y));
  }

  @Override
  public boolean isIncreasing() {
    return true;
  }

  @Override
  public String toString() {
    return "Exp()";
  }
}
