package org.edward4j.core;

import org.edward4j.core.ModelContext.OpSeed;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * Builds a variable's initial value. {@link Initializers} has the usual ones (zeros, constant,
 * truncated normal, Glorot uniform, ...).
 */
public interface Initializer {

  /**
   * Builds the initial value op.
   *
   * @param tf where to place the ops (an init scope)
   * @param shape the variable's fully defined shape
   * @param dtype the variable's element type
   * @param seed seeds for random initializers
   * @param <T> element type
   * @return a tensor of {@code shape} and {@code dtype}
   */
  <T extends TNumber> Operand<T> initialValue(Ops tf, Shape shape, Class<T> dtype, OpSeed seed);
}
