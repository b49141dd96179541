package org.edward4j.core;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * A penalty on a variable's value; the variable store adds it to {@code REGULARIZATION_LOSSES},
 * which Edward's inferences add to their losses. {@link Regularizers} has L2 and L1.
 */
public interface Regularizer {

  /**
   * Builds the scalar penalty.
   *
   * @param tf where to place the ops
   * @param weights the variable's value
   * @param <T> element type
   * @return a scalar tensor
   */
  <T extends TNumber> Operand<T> penalty(Ops tf, Operand<T> weights);
}
