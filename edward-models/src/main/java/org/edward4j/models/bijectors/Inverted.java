package org.edward4j.models.bijectors;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** An elementwise bijector with forward and inverse swapped; see {@link Bijector#inverted()}. */
final class Inverted implements Bijector {

  private final Bijector inner;

  Inverted(Bijector inner) {
    if (inner.eventRank() != 0) {
      throw new UnsupportedOperationException(
          "only elementwise bijectors can be inverted, got " + inner.name() + " of event rank " + inner.eventRank());
    }
    this.inner = inner;
  }

  @Override
  public String name() {
    return "Invert" + inner.name();
  }

  @Override
  public int eventRank() {
    return 0;
  }

  @Override
  public Support domain() {
    return inner.codomain();
  }

  @Override
  public Support codomain() {
    return inner.domain();
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> x) {
    return inner.inverse(tf, x);
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y) {
    return inner.forward(tf, y);
  }

  @Override
  public Operand<TFloat32> forwardLogDetJacobian(Ops tf, Operand<TFloat32> x) {
    return inner.inverseLogDetJacobian(tf, x);
  }

  @Override
  public Operand<TFloat32> inverseLogDetJacobian(Ops tf, Operand<TFloat32> y) {
    return inner.forwardLogDetJacobian(tf, y);
  }

  @Override
  public boolean isIncreasing() {
    return inner.isIncreasing();
  }

  @Override
  public Bijector inverted() {
    return inner;
  }

  @Override
  public String toString() {
    return "Invert(" + inner + ")";
  }
}
