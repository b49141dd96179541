package org.edward4j.models.bijectors;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A bijector with forward and inverse swapped, event shapes and log-determinants with them; see
 * {@link Bijector#inverted()}.
 */
final class Inverted implements Bijector {

  private final Bijector inner;

  Inverted(Bijector inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return "Invert" + inner.name();
  }

  @Override
  public int eventRank() {
    return inner.eventRank();
  }

  @Override
  public Shape forwardEventShape(Shape xEvent) {
    return inner.inverseEventShape(xEvent);
  }

  @Override
  public Shape inverseEventShape(Shape yEvent) {
    return inner.forwardEventShape(yEvent);
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
