package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/**
 * The Hessian of a scalar with respect to one tensor through TensorFlow's gradients of gradients,
 * {@code tf.hessians}: one gradient graph per element of the tensor.
 */
final class Hessians {

  private Hessians() {}

  /**
   * The {@code [d, d]} Hessian of {@code y} with respect to {@code x}'s {@code d} flattened elements.
   *
   * @param what the latent variable's name, for messages
   * @throws IllegalArgumentException if {@code x}'s shape is not fully known, or if some op between
   *     them has no (second) gradient: the model is not twice differentiable in {@code x}
   */
  static Operand<TFloat32> of(Ops tf, Operand<TFloat32> y, Operand<TFloat32> x, String what) {
    Shape shape = x.shape();
    if (shape.hasUnknownDimension()) {
      throw new IllegalArgumentException("the Hessian for " + what + " needs a fully known shape, got " + shape);
    }
    int d = (int) shape.size();
    Operand<TFloat32> flatGrad = tf.reshape(gradient(tf, y, x, what), tf.constant(new int[] {d}));
    List<Operand<TFloat32>> rows = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      Operand<TFloat32> gi = tf.squeeze(tf.slice(flatGrad, tf.constant(new int[] {i}), tf.constant(new int[] {1})));
      rows.add(tf.reshape(gradient(tf, gi, x, what), tf.constant(new int[] {d})));
    }
    return tf.stack(rows);
  }

  /** {@code dy/dx}, zeros where {@code y} does not depend on {@code x}. */
  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> gradient(Ops tf, Operand<TFloat32> y, Operand<TFloat32> x, String what) {
    Gradients g;
    try {
      g = tf.gradients(y, List.of(x));
    } catch (RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("No gradient defined")) {
        throw new IllegalArgumentException("Laplace needs the second derivatives of log p(x, z) with respect to " + what
            + ", but the model is not twice differentiable there: " + m
            + " (a rule can be added with MissingGradients.register)", e);
      }
      throw e;
    }
    Output<?> dy = g.dy(0);
    if (dy.op() instanceof GraphOperation op && (op.getUnsafeNativeHandle() == null || op.getUnsafeNativeHandle().isNull())) {
      return tf.zerosLike(x);
    }
    return (Operand<TFloat32>) dy;
  }
}
