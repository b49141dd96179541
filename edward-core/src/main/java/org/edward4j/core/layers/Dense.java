package org.edward4j.core.layers;

import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** {@link Layers#dense}: {@code activation(x W + b)} over the last axis of {@code x}. */
final class Dense {

  private Dense() {}

  static Operand<TFloat32> apply(VariableScope scope, Operand<TFloat32> x, int units, DenseOptions options) {
    Shape shape = x.shape();
    if (shape.isUnknown() || shape.numDimensions() < 2) {
      throw new IllegalArgumentException(
          "`x` must have rank 2 or more ([batch, ..., features]) for a dense layer, got shape " + shape);
    }
    long in = shape.get(-1);
    if (in == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException("`x` must have a known last dimension for a dense layer, got " + shape);
    }
    if (units <= 0) {
      throw new IllegalArgumentException("`units` must be positive, got " + units);
    }
    LayerVariables layer = LayerVariables.enter(scope, options.name(), "dense", shape);
    Variable<TFloat32> kernel =
        layer.get("kernel", Shape.of(in, units), options.kernelInitializer(), options.kernelRegularizer(), true);
    Variable<TFloat32> bias =
        options.useBias() ? layer.get("bias", Shape.of(units), options.biasInitializer(), null, true) : null;
    Ops tf = layer.tf();
    Operand<TFloat32> y;
    if (shape.numDimensions() == 2) {
      y = tf.linalg.matMul(x, kernel);
    } else {
      // tf.layers.dense on [batch, ..., in]: multiply the last axis, keep the leading ones.
      Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, in}));
      Operand<TInt64> lead = tf.slice(tf.shape(x, TInt64.class), tf.constant(new long[] {0}),
          tf.constant(new long[] {shape.numDimensions() - 1}));
      Operand<TInt64> outShape = tf.concat(java.util.List.of(lead, tf.constant(new long[] {units})), tf.constant(0));
      y = tf.reshape(tf.linalg.matMul(flat, kernel), outShape);
    }
    if (bias != null) {
      y = tf.nn.biasAdd(y, bias);
    }
    return options.activation().apply(tf, y);
  }
}
