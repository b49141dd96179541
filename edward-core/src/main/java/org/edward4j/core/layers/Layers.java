package org.edward4j.core.layers;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * TF1's {@code tf.layers} over a {@link VariableScope}: each call enters a child scope named after
 * the layer ({@code dense}, {@code dense_1}, ... per scope entry, or an explicit name) and gets or
 * creates its variables there, honouring the scope's reuse mode.
 *
 * <p>Edward's GAN discriminator is a function called twice, once to create and once to reuse:
 *
 * <pre>{@code
 * static Operand<TFloat32> discriminator(VariableScope disc, Operand<TFloat32> x) {
 *   Operand<TFloat32> h = Layers.dense(disc, x, 128, DenseOptions.builder().activation(Activation.relu()).build());
 *   return Layers.dense(disc, h, 1);
 * }
 * Operand<TFloat32> real = discriminator(ctx.scope("Disc"), xReal);
 * Operand<TFloat32> fake = discriminator(ctx.scope("Disc", Reuse.REUSE), xFake); // same weights
 * }</pre>
 *
 * <p>Inputs are float32, images NHWC. Shapes are checked before any op is built; a reused layer
 * given an input of another width fails naming {@code x}. Every entry point throws {@link
 * IllegalStateException} naming the context when the scope's context is closed.
 */
public final class Layers {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");

  private Layers() {}

  /**
   * A fully connected layer with TF1's defaults (no activation, a bias).
   *
   * @param scope the enclosing scope entry
   * @param x input of rank 2 or more with a known last dimension
   * @param units output features; positive
   * @return {@code x W + b}, of {@code x}'s shape with the last dimension {@code units}
   * @see #dense(VariableScope, Operand, int, DenseOptions)
   */
  public static Operand<TFloat32> dense(VariableScope scope, Operand<TFloat32> x, int units) {
    return dense(scope, x, units, DenseOptions.defaults());
  }

  /**
   * A fully connected layer, {@code activation(x W + b)}, as {@code tf.layers.dense}: variables
   * {@code <scope>/dense/kernel} of shape {@code [in, units]} and {@code <scope>/dense/bias}.
   *
   * @param scope the enclosing scope entry
   * @param x input of rank 2 or more with a known last dimension; higher ranks multiply the last axis
   * @param units output features; positive
   * @param options activation, bias, initializers, regularizer, name
   * @return the output, of {@code x}'s shape with the last dimension {@code units}
   * @throws IllegalArgumentException for a rank-1 input, an unknown last dimension, or an input that
   *     does not fit a reused kernel
   */
  public static Operand<TFloat32> dense(VariableScope scope, Operand<TFloat32> x, int units, DenseOptions options) {
    check(scope, x, options);
    return Dense.apply(scope, x, units, options);
  }

  /**
   * A 2-D convolution with TF1's defaults (stride 1, VALID, no activation, a bias).
   *
   * @param scope the enclosing scope entry
   * @param x an NHWC image batch with a known channel count, at least {@code kernelSize} high and
   *     wide
   * @param filters output channels; positive
   * @param kernelSize the square window's side; positive
   * @return the feature maps {@code [batch, h - k + 1, w - k + 1, filters]}
   * @see #conv2d(VariableScope, Operand, int, int, ConvOptions)
   */
  public static Operand<TFloat32> conv2d(VariableScope scope, Operand<TFloat32> x, int filters, int kernelSize) {
    return conv2d(scope, x, filters, kernelSize, ConvOptions.defaults());
  }

  /**
   * A 2-D convolution, {@code activation(conv(x, K) + b)}, as {@code tf.layers.conv2d}: kernel
   * {@code [k, k, in, filters]}; output {@code ceil(in / s)} (SAME) or {@code ceil((in - k + 1) /
   * s)} (VALID) per spatial axis.
   *
   * @param scope the enclosing scope entry
   * @param x an NHWC image batch with a known channel count
   * @param filters output channels; positive
   * @param kernelSize the square window's side; positive
   * @param options strides, padding, activation, bias, initializers, regularizer, name
   * @return the feature maps {@code [batch, h', w', filters]}
   * @throws IllegalArgumentException if {@code x} is not rank 4 with known channels, is smaller
   *     than the window under VALID padding, or does not fit a reused kernel
   */
  public static Operand<TFloat32> conv2d(
      VariableScope scope, Operand<TFloat32> x, int filters, int kernelSize, ConvOptions options) {
    check(scope, x, options);
    return Convolution.conv2d(scope, x, filters, kernelSize, options);
  }

  /**
   * A transposed convolution with TF1's defaults (stride 1, VALID, no activation, a bias).
   *
   * @param scope the enclosing scope entry
   * @param x an NHWC image batch with known height, width and channels
   * @param filters output channels; positive
   * @param kernelSize the square window's side; positive
   * @return the maps {@code [batch, h + k - 1, w + k - 1, filters]}
   * @see #conv2dTranspose(VariableScope, Operand, int, int, ConvOptions)
   */
  public static Operand<TFloat32> conv2dTranspose(
      VariableScope scope, Operand<TFloat32> x, int filters, int kernelSize) {
    return conv2dTranspose(scope, x, filters, kernelSize, ConvOptions.defaults());
  }

  /**
   * A transposed convolution (the adjoint of {@link #conv2d}, a DCGAN generator's upsampling), as
   * {@code tf.layers.conv2d_transpose}: kernel {@code [k, k, filters, in]}; output {@code in * s}
   * (SAME) or {@code in * s + max(k - s, 0)} (VALID) per spatial axis. The batch may vary.
   *
   * @param scope the enclosing scope entry
   * @param x an NHWC image batch with known height, width and channels
   * @param filters output channels; positive
   * @param kernelSize the square window's side; positive
   * @param options strides, padding, activation, bias, initializers, regularizer, name
   * @return the upsampled maps {@code [batch, h', w', filters]}
   * @throws IllegalArgumentException if {@code x} is not rank 4 with known height, width and
   *     channels, or does not fit a reused kernel
   */
  public static Operand<TFloat32> conv2dTranspose(
      VariableScope scope, Operand<TFloat32> x, int filters, int kernelSize, ConvOptions options) {
    check(scope, x, options);
    return Convolution.conv2dTranspose(scope, x, filters, kernelSize, options);
  }

  /**
   * Batch normalization with TF1's defaults and the mode fixed when the graph is built.
   *
   * @param scope the enclosing scope entry
   * @param x rank 2 or more with a known last dimension
   * @param training {@code true} to normalize with the batch's statistics and register the
   *     moving-average updates in {@code UPDATE_OPS}; {@code false} to use the moving averages
   * @return the normalized tensor, of {@code x}'s shape
   * @see #batchNormalization(VariableScope, Operand, Operand, BatchNormOptions)
   */
  public static Operand<TFloat32> batchNormalization(VariableScope scope, Operand<TFloat32> x, boolean training) {
    return batchNormalization(scope, x, training, BatchNormOptions.defaults());
  }

  /**
   * Batch normalization with the mode fixed when the graph is built.
   *
   * @param scope the enclosing scope entry
   * @param x rank 2 or more with a known last dimension (rank 4 for the fused kernel)
   * @param training {@code true} to normalize with the batch's statistics and register the
   *     moving-average updates in {@code UPDATE_OPS}; {@code false} to use the moving averages
   * @param options momentum, epsilon, center, scale, fused, name
   * @return the normalized tensor, of {@code x}'s shape
   * @see #batchNormalization(VariableScope, Operand, Operand, BatchNormOptions)
   */
  public static Operand<TFloat32> batchNormalization(
      VariableScope scope, Operand<TFloat32> x, boolean training, BatchNormOptions options) {
    check(scope, x, options);
    return BatchNormalization.apply(scope, x, training, null, options);
  }

  /**
   * Batch normalization: Ioffe and Szegedy (2015), "Batch Normalization: Accelerating Deep Network
   * Training by Reducing Internal Covariate Shift", as {@code tf.layers.batch_normalization}.
   *
   * <p>{@code y = gamma (x - mean) / sqrt(var + epsilon) + beta}, per channel (last axis), with
   * the batch's statistics when training and the moving averages otherwise. Variables {@code
   * gamma}, {@code beta} (trainable), {@code moving_mean}, {@code moving_variance}
   * (non-trainable). When training, the moving-average updates are registered in {@code
   * UPDATE_OPS} under the layer's scope: pass {@code ctx.collections().updateOps("Gen")} to {@code
   * TrainOptions.withUpdateOps} so each step runs them. The fused kernel feeds the moving variance
   * the Bessel-corrected batch variance, the unfused one the plain one, as TF1 does.
   *
   * @param scope the enclosing scope entry
   * @param x rank 2 or more with a known last dimension (rank 4 for the fused kernel)
   * @param training a boolean scalar chosen at run time (both paths are built)
   * @param options momentum, epsilon, center, scale, fused, name
   * @return the normalized tensor, of {@code x}'s shape
   */
  public static Operand<TFloat32> batchNormalization(
      VariableScope scope, Operand<TFloat32> x, Operand<TBool> training, BatchNormOptions options) {
    check(scope, x, options);
    Objects.requireNonNull(training, "training");
    return BatchNormalization.apply(scope, x, false, training, options);
  }

  /**
   * Max pooling over square windows, as {@code tf.layers.max_pooling2d}.
   *
   * @param scope the enclosing scope entry (ops only: no variables)
   * @param x an NHWC image batch
   * @param poolSize the window's side; positive
   * @param strides the stride; positive
   * @param padding SAME or VALID
   * @return the pooled maps
   */
  public static Operand<TFloat32> maxPooling2d(
      VariableScope scope, Operand<TFloat32> x, int poolSize, int strides, Padding padding) {
    check(scope, x, padding);
    if (x.shape().isUnknown() || x.shape().numDimensions() != 4) {
      throw new IllegalArgumentException("`x` must have rank 4 [batch, height, width, channels], got " + x.shape());
    }
    if (poolSize <= 0 || strides <= 0) {
      throw new IllegalArgumentException(
          "`poolSize` and `strides` must be positive, got " + poolSize + " and " + strides);
    }
    Ops tf = LayerVariables.enter(scope, null, "max_pooling2d", x.shape()).tf();
    return tf.nn.maxPool(x, tf.constant(new int[] {1, poolSize, poolSize, 1}),
        tf.constant(new int[] {1, strides, strides, 1}), padding.name());
  }

  /**
   * Flattens every axis but the first, as {@code tf.layers.flatten}.
   *
   * @param scope the enclosing scope entry (ops only: no variables)
   * @param x rank 2 or more
   * @return {@code [batch, product of the other dimensions]}
   */
  public static Operand<TFloat32> flatten(VariableScope scope, Operand<TFloat32> x) {
    check(scope, x, "");
    Shape shape = x.shape();
    if (shape.isUnknown() || shape.numDimensions() < 2) {
      throw new IllegalArgumentException("`x` must have rank 2 or more to flatten, got shape " + shape);
    }
    Ops tf = LayerVariables.enter(scope, null, "flatten", shape).tf();
    long features = 1;
    for (int i = 1; i < shape.numDimensions(); i++) {
      features = shape.get(i) == Shape.UNKNOWN_SIZE || features == Shape.UNKNOWN_SIZE
          ? Shape.UNKNOWN_SIZE : features * shape.get(i);
    }
    if (features != Shape.UNKNOWN_SIZE) {
      return tf.reshape(x, tf.constant(new long[] {-1, features}));
    }
    Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    return tf.reshape(x, tf.concat(List.of(batch, tf.constant(new int[] {-1})), tf.constant(0)));
  }

  /** Checks an explicit layer name: a scope name without slashes, or {@code null}. */
  static void checkLayerName(String name) {
    if (name != null && !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("`name` must match " + NAME.pattern() + " (no slashes), got " + name);
    }
  }

  private static void check(VariableScope scope, Operand<TFloat32> x, Object options) {
    Objects.requireNonNull(scope, "scope");
    // Before anything reads x's shape: on a closed context's graph that native call fails with
    // TensorFlow's "close() has been called on the Graph", which names nothing of ours.
    scope.context().checkOpen();
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(options, "options");
  }
}
