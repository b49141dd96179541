package org.edward4j.inferences;

import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Finds the variable behind a random variable's parameter, so that an inference can write the
 * parameter ({@link Laplace} writes the scale): the parameter must be a read of the variable,
 * through identities only, since a transform such as {@code softplus} cannot be inverted in general.
 */
final class WritableParameter {

  private WritableParameter() {}

  /**
   * The float32 variable that {@code rv}'s parameter {@code name} reads.
   *
   * @throws IllegalArgumentException if the parameter is not a plain read of a variable of the context
   */
  @SuppressWarnings("unchecked")
  static Variable<TFloat32> variableOf(ModelContext ctx, RandomVariable<?> rv, String name) {
    Operand<TFloat32> p = rv.parameters().get(name);
    GraphOperation op = (GraphOperation) p.op();
    while ("Identity".equals(op.type()) && op.numInputs() == 1) {
      op = (GraphOperation) op.input(0).op();
    }
    if ("ReadVariableOp".equals(op.type())) {
      String handle = op.input(0).op().name();
      for (Variable<?> v : ctx.collections().globalVariables(null)) {
        if (v.handle().op().name().equals(handle) && v.dtype() == TFloat32.class) {
          return (Variable<TFloat32>) v;
        }
      }
    }
    throw new IllegalArgumentException("`" + name + "` of " + rv.name() + " must be a float32 variable read directly "
        + "(Laplace writes the covariance into it), got the " + op.type() + " op " + op.name()
        + "; build the approximation with " + name + "(variable)");
  }
}
