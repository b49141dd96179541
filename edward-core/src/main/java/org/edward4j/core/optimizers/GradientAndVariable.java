package org.edward4j.core.optimizers;

import java.util.Objects;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TNumber;

/**
 * A gradient and the variable it updates: one element of TF1's {@code grads_and_vars}, as {@link
 * Optimizer#computeGradients} returns and {@link Optimizer#applyGradients} takes.
 *
 * <pre>{@code
 * List<GradientAndVariable> pairs = adam.computeGradients(loss, vars);
 * Op train = adam.applyGradients(pairs);
 * }</pre>
 *
 * @param gradient a tensor of the variable's shape and dtype
 * @param variable the variable to update
 */
public record GradientAndVariable(Operand<? extends TNumber> gradient, Variable<?> variable) {

  /**
   * Checks that both are present and that the gradient has the variable's dtype and shape.
   *
   * @param gradient a tensor of the variable's dtype and a shape compatible with the variable's;
   *     not null
   * @param variable the variable to update; not null
   * @throws IllegalArgumentException if the dtypes differ or the shapes are incompatible
   */
  public GradientAndVariable {
    Objects.requireNonNull(gradient, "gradient");
    Objects.requireNonNull(variable, "variable");
    if (!gradient.type().equals(variable.dtype())) {
      throw new IllegalArgumentException(
          "`gradient` must have dtype " + variable.dtype().getSimpleName() + " to match variable "
              + variable.name() + ", got " + gradient.type().getSimpleName());
    }
    if (!gradient.shape().isCompatibleWith(variable.shape())) {
      throw new IllegalArgumentException(
          "`gradient` must have shape " + variable.shape() + " to match variable " + variable.name()
              + ", got " + gradient.shape());
    }
  }

  @Override
  public String toString() {
    return "(" + gradient.op().name() + ", " + variable.name() + ")";
  }
}
