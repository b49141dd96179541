package org.edward4j.core.gradients;

import static org.edward4j.core.gradients.MissingGradients.constant;
import static org.edward4j.core.gradients.MissingGradients.grad;
import static org.edward4j.core.gradients.MissingGradients.in;
import static org.edward4j.core.gradients.MissingGradients.out;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients of {@code Digamma} (needed by the Gamma and Beta entropies) and of the gradients of
 * {@code rsqrt}, {@code sqrt} and {@code reciprocal} (second derivatives through unfused batch
 * normalization and standard deviations), as TensorFlow's {@code math_grad.py} defines them.
 */
final class MathGradients {

  private MathGradients() {}

  static void register() {
    // d digamma(x) = polygamma(1, x).
    MissingGradients.register(
        "Digamma",
        (tf, op, dy) -> {
          Operand<TNumber> x = in(op, 0);
          return List.of(tf.math.mul(grad(tf, op, dy), tf.math.polygamma(tf.onesLike(x), x)));
        });
    // RsqrtGrad(y, g) = -g y^3 / 2, with y = x^(-1/2).
    MissingGradients.register(
        "RsqrtGrad",
        (tf, op, dy) -> {
          Operand<TNumber> y = in(op, 0);
          Operand<TNumber> g = in(op, 1);
          Operand<TNumber> d = grad(tf, op, dy);
          Operand<TNumber> dY = tf.math.mul(constant(tf, -1.5, y), tf.math.mul(tf.math.mul(d, g), tf.math.square(y)));
          return List.of(dY, tf.math.rsqrtGrad(y, d));
        });
    // SqrtGrad(y, g) = g / (2 y), with y = sqrt(x).
    MissingGradients.register(
        "SqrtGrad",
        (tf, op, dy) -> {
          Operand<TNumber> y = in(op, 0);
          Operand<TNumber> dOverY = tf.math.div(grad(tf, op, dy), y);
          return List.of(tf.math.neg(tf.math.mul(dOverY, out(op))), tf.math.mul(constant(tf, 0.5, y), dOverY));
        });
    // ReciprocalGrad(y, g) = -g y^2, with y = 1 / x.
    MissingGradients.register(
        "ReciprocalGrad",
        (tf, op, dy) -> {
          Operand<TNumber> y = in(op, 0);
          Operand<TNumber> g = in(op, 1);
          Operand<TNumber> d = grad(tf, op, dy);
          return List.of(
              tf.math.mul(constant(tf, -2, y), tf.math.mul(tf.math.mul(d, g), y)), tf.math.reciprocalGrad(y, d));
        });
  }
}
