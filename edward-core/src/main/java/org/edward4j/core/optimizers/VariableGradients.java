package org.edward4j.core.optimizers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.edward4j.core.Variable;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients of a scalar loss with respect to resource variables, taken at their handles so every
 * read of a variable contributes (a gradient at one {@code ReadVariableOp} silently misses the
 * others).
 */
public final class VariableGradients {

  private VariableGradients() {}

  /**
   * {@code d loss / d v} for each variable.
   *
   * @param tf where to place the gradient ops
   * @param loss a scalar float tensor
   * @param variables the variables, in order
   * @return one gradient per variable, of the variable's shape; zeros for a variable the loss does
   *     not depend on
   * @throws IllegalArgumentException if the loss is not a scalar or the list is empty
   */
  @SuppressWarnings("unchecked")
  public static List<Operand<? extends TNumber>> of(
      Ops tf, Operand<? extends TNumber> loss, List<? extends Variable<?>> variables) {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(variables, "variables");
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("`variables` must not be empty");
    }
    if (loss.shape().numDimensions() > 0) {
      throw new IllegalArgumentException("`loss` must be a scalar, got shape " + loss.shape());
    }
    // The runtime refuses a gradient at a handle the loss cannot reach ("unreachable from the
    // output node"), so only reachable handles are differentiated and the others get zeros.
    List<Boolean> connected = connected(loss, variables);
    List<Operand<?>> handles = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      if (connected.get(i)) {
        handles.add(variables.get(i).handle());
      }
    }
    Gradients grads = handles.isEmpty() ? null : tf.gradients(loss, handles);
    List<Operand<? extends TNumber>> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < variables.size(); i++) {
      Output<?> g = connected.get(i) ? grads.dy(next++) : null;
      Variable<?> v = variables.get(i);
      // A variable reached only through StopGradient gets a gradient output with no operation.
      if (g == null || isMissing(g)) {
        out.add(tf.zerosLike((Operand<TNumber>) v.value()));
      } else {
        out.add((Operand<? extends TNumber>) g);
      }
    }
    return out;
  }

  /**
   * Whether {@code loss} depends on each variable through data edges, the test TensorFlow applies
   * before differentiating.
   *
   * @param loss a graph tensor
   * @param variables the variables, in order
   * @return one flag per variable
   */
  public static List<Boolean> connected(Operand<?> loss, List<? extends Variable<?>> variables) {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(variables, "variables");
    Set<String> seen = new HashSet<>();
    Deque<GraphOperation> pending = new ArrayDeque<>();
    pending.push((GraphOperation) loss.op());
    seen.add(loss.op().name());
    while (!pending.isEmpty()) {
      GraphOperation op = pending.pop();
      for (int i = 0; i < op.numInputs(); i++) {
        GraphOperation in = (GraphOperation) op.input(i).op();
        if (seen.add(in.name())) {
          pending.push(in);
        }
      }
    }
    List<Boolean> out = new ArrayList<>();
    for (Variable<?> v : variables) {
      out.add(seen.contains(v.handle().op().name()));
    }
    return out;
  }

  /** Whether a gradient output stands for "no gradient" (TensorFlow's null operation). */
  private static boolean isMissing(Output<?> g) {
    return g.op() instanceof GraphOperation op
        && (op.getUnsafeNativeHandle() == null || op.getUnsafeNativeHandle().isNull());
  }
}
