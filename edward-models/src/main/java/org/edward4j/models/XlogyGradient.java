package org.edward4j.models;

import java.util.List;
import org.edward4j.core.gradients.MissingGradients;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.BroadcastGradientArgs;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The gradient of TensorFlow's {@code Xlogy(x, y)} ({@code x log y}, and 0 where {@code x == 0}),
 * which the C++ runtime of TensorFlow Java 1.1.0 lacks, as TensorFlow's Python {@code math_grad.py}
 * defines it: {@code d/dx = xlogy(x != 0, y)} (so {@code log y}, and 0 where {@code x == 0}) and
 * {@code d/dy = xdivy(x, y)} ({@code x / y}, and 0 where {@code x == 0}), each summed over the axes
 * its input was broadcast along.
 *
 * <p>The native op is one fused kernel, where the {@code select} form of {@link
 * SpecialFunctions#xLogY} takes six passes over the data; the Dirichlet's log density uses it.
 * Registered through {@link MissingGradients#register}, which shares one native callback.
 */
final class XlogyGradient {

  private static boolean registered;

  private XlogyGradient() {}

  /** Registers the gradient once per JVM; a no-op if the runtime already has one. */
  static synchronized void register() {
    if (!registered) {
      registered = true;
      MissingGradients.register("Xlogy", XlogyGradient::gradient);
    }
  }

  /** {@code x log y} with the fused op, differentiable through the rule registered here. */
  static <T extends TNumber> Operand<T> xlogy(Ops tf, Operand<T> x, Operand<T> y) {
    register();
    return tf.math.xlogy(x, y);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> dy) {
    Operand<TNumber> x = (Operand) op.input(0);
    Operand<TNumber> y = (Operand) op.input(1);
    Operand<TNumber> grad = dy.isEmpty() || dy.get(0) == null ? tf.zerosLike((Operand) op.output(0)) : (Operand) dy.get(0);
    Operand<TNumber> nonZeroX = tf.dtypes.cast(tf.math.notEqual(x, tf.zerosLike(x)), x.type());
    Operand<TNumber> partialX = tf.math.xlogy(nonZeroX, y);
    Operand<TNumber> partialY = tf.math.xdivy(x, y);
    Operand<TInt32> sx = tf.shape(x);
    Operand<TInt32> sy = tf.shape(y);
    BroadcastGradientArgs<TInt32> axes = tf.broadcastGradientArgs(sx, sy);
    Operand<TNumber> gx = tf.reshape(tf.reduceSum(tf.math.mul(partialX, grad), axes.r0()), sx);
    Operand<TNumber> gy = tf.reshape(tf.reduceSum(tf.math.mul(partialY, grad), axes.r1()), sy);
    return List.of(gx, gy);
  }
}
