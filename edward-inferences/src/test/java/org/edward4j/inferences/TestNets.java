package org.edward4j.inferences;

import java.util.function.UnaryOperator;
import org.edward4j.core.Initializers;
import org.edward4j.core.Regularizer;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Small networks for inference tests, built through a scope so reuse shares their weights. */
final class TestNets {

  private TestNets() {}

  /** {@code act(x W + b)} with variables {@code scope/dense[_n]/kernel} and {@code bias}. */
  static Operand<TFloat32> dense(
      VariableScope scope, Operand<TFloat32> x, int units, UnaryOperator<Operand<TFloat32>> act) {
    return dense(scope, x, units, act, null);
  }

  static Operand<TFloat32> dense(
      VariableScope scope, Operand<TFloat32> x, int units, UnaryOperator<Operand<TFloat32>> act, Regularizer reg) {
    VariableScope layer = scope.uniqueChild("dense");
    long in = x.shape().get(x.shape().numDimensions() - 1);
    Variable<TFloat32> w =
        layer.getVariable(VariableSpec.of("kernel", Shape.of(in, units), TFloat32.class).withRegularizer(reg));
    Variable<TFloat32> b = layer.getVariable("bias", Shape.of(units), Initializers.zeros());
    Ops tf = layer.tf();
    return act.apply(tf.math.add(tf.linalg.matMul(x, w), b));
  }

  /** A two-hidden-layer tanh discriminator producing one logit per example. */
  static Operand<TFloat32> mlp(VariableScope scope, Operand<TFloat32> x, int hidden) {
    Ops tf = scope.tf();
    Operand<TFloat32> h = dense(scope, x, hidden, tf.math::tanh);
    h = dense(scope, h, hidden, tf.math::tanh);
    return dense(scope, h, 1, UnaryOperator.identity());
  }
}
