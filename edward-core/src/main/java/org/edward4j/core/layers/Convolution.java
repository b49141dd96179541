package org.edward4j.core.layers;

import java.util.List;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** {@link Layers#conv2d} and {@link Layers#conv2dTranspose}, NHWC. */
final class Convolution {

  private Convolution() {}

  static Operand<TFloat32> conv2d(
      VariableScope scope, Operand<TFloat32> x, int filters, int kernelSize, ConvOptions options) {
    long in = checkImage(x, filters, kernelSize, "conv2d");
    Shape shape = x.shape();
    if (options.padding() == Padding.VALID) {
      for (int axis = 1; axis <= 2; axis++) {
        if (shape.get(axis) != Shape.UNKNOWN_SIZE && shape.get(axis) < kernelSize) {
          throw new IllegalArgumentException(
              "`x` must be at least " + kernelSize + " wide in height and width for a VALID " + kernelSize
                  + "x" + kernelSize + " convolution, got shape " + shape);
        }
      }
    }
    LayerVariables layer = LayerVariables.enter(scope, options.name(), "conv2d", shape);
    Variable<TFloat32> kernel =
        layer.get("kernel", Shape.of(kernelSize, kernelSize, in, filters), options.kernelInitializer(),
            options.kernelRegularizer(), true);
    Variable<TFloat32> bias = bias(layer, filters, options);
    Ops tf = layer.tf();
    Operand<TFloat32> y = tf.nn.conv2d(x, kernel, strides(options), options.padding().name());
    return finish(tf, y, bias, options);
  }

  static Operand<TFloat32> conv2dTranspose(
      VariableScope scope, Operand<TFloat32> x, int filters, int kernelSize, ConvOptions options) {
    long in = checkImage(x, filters, kernelSize, "conv2dTranspose");
    Shape shape = x.shape();
    if (shape.get(1) == Shape.UNKNOWN_SIZE || shape.get(2) == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          "`x` must have known height and width for conv2dTranspose (only the batch may vary), got " + shape);
    }
    long s = options.strides();
    long outH = options.padding().transposeOutput(shape.get(1), kernelSize, s);
    long outW = options.padding().transposeOutput(shape.get(2), kernelSize, s);
    LayerVariables layer = LayerVariables.enter(scope, options.name(), "conv2d_transpose", shape);
    // tf.layers.conv2d_transpose's kernel is [h, w, out, in]: the forward convolution's, transposed.
    Variable<TFloat32> kernel =
        layer.get("kernel", Shape.of(kernelSize, kernelSize, filters, in), options.kernelInitializer(),
            options.kernelRegularizer(), true);
    Variable<TFloat32> bias = bias(layer, filters, options);
    Ops tf = layer.tf();
    Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> outputShape =
        tf.concat(List.of(batch, tf.constant(new int[] {(int) outH, (int) outW, filters})), tf.constant(0));
    Operand<TFloat32> y =
        tf.nn.conv2dBackpropInput(outputShape, kernel, x, strides(options), options.padding().name());
    // The batch comes from a tensor, so shape inference may lose the static dimensions: restore them.
    y = tf.reshape(y, tf.constant(new long[] {-1, outH, outW, filters}));
    return finish(tf, y, bias, options);
  }

  private static long checkImage(Operand<TFloat32> x, int filters, int kernelSize, String layer) {
    Shape shape = x.shape();
    if (shape.isUnknown() || shape.numDimensions() != 4) {
      throw new IllegalArgumentException(
          "`x` must have rank 4 [batch, height, width, channels] for " + layer + ", got shape " + shape);
    }
    if (shape.get(3) == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException("`x` must have a known channel dimension for " + layer + ", got " + shape);
    }
    if (filters <= 0) {
      throw new IllegalArgumentException("`filters` must be positive, got " + filters);
    }
    if (kernelSize <= 0) {
      throw new IllegalArgumentException("`kernelSize` must be positive, got " + kernelSize);
    }
    return shape.get(3);
  }

  private static Variable<TFloat32> bias(LayerVariables layer, int filters, ConvOptions options) {
    return options.useBias() ? layer.get("bias", Shape.of(filters), options.biasInitializer(), null, true) : null;
  }

  private static List<Long> strides(ConvOptions options) {
    long s = options.strides();
    return List.of(1L, s, s, 1L);
  }

  private static Operand<TFloat32> finish(Ops tf, Operand<TFloat32> y, Variable<TFloat32> bias, ConvOptions options) {
    Operand<TFloat32> out = bias == null ? y : tf.nn.biasAdd(y, bias);
    return options.activation().apply(tf, out);
  }
}
