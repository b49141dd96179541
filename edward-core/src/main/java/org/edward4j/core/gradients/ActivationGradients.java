package org.edward4j.core.gradients;

import static org.edward4j.core.gradients.MissingGradients.constant;
import static org.edward4j.core.gradients.MissingGradients.grad;
import static org.edward4j.core.gradients.MissingGradients.in;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients of the activation gradients ({@code ReluGrad}, {@code SigmoidGrad}, {@code TanhGrad},
 * {@code SoftplusGrad}, {@code EluGrad}), of {@code BiasAddGrad} and of the {@code OnesLike} that
 * seeds every gradient: what a gradient penalty differentiates in a dense or convolutional critic.
 * Each rule is the one in TensorFlow's Python registry ({@code nn_grad.py}, {@code math_grad.py}).
 */
final class ActivationGradients {

  private ActivationGradients() {}

  static void register() {
    MissingGradients.register("OnesLike", (tf, op, dy) -> List.of(tf.zerosLike(in(op, 0))));
    // ReluGrad(g, x) = g * (x > 0): linear in g, piecewise constant in x.
    MissingGradients.register(
        "ReluGrad",
        (tf, op, dy) -> List.of(tf.nn.reluGrad(grad(tf, op, dy), in(op, 1)), tf.zerosLike(in(op, 1))));
    // SigmoidGrad(y, g) = g * y * (1 - y).
    MissingGradients.register(
        "SigmoidGrad",
        (tf, op, dy) -> {
          Operand<TNumber> y = in(op, 0);
          Operand<TNumber> g = in(op, 1);
          Operand<TNumber> d = grad(tf, op, dy);
          Operand<TNumber> dg = tf.math.mul(d, g);
          return List.of(
              tf.math.sub(dg, tf.math.mul(constant(tf, 2, y), tf.math.mul(dg, y))), tf.math.sigmoidGrad(y, d));
        });
    // TanhGrad(y, g) = g * (1 - y^2).
    MissingGradients.register(
        "TanhGrad",
        (tf, op, dy) -> {
          Operand<TNumber> y = in(op, 0);
          Operand<TNumber> g = in(op, 1);
          Operand<TNumber> d = grad(tf, op, dy);
          return List.of(
              tf.math.mul(constant(tf, -2, y), tf.math.mul(tf.math.mul(d, g), y)), tf.math.tanhGrad(y, d));
        });
    // SoftplusGrad(g, x) = g * sigmoid(x).
    MissingGradients.register(
        "SoftplusGrad",
        (tf, op, dy) -> {
          Operand<TNumber> g = in(op, 0);
          Operand<TNumber> x = in(op, 1);
          Operand<TNumber> d = grad(tf, op, dy);
          Operand<TNumber> s = tf.math.sigmoid(x);
          Operand<TNumber> one = tf.onesLike(s);
          return List.of(
              tf.math.softplusGrad(d, x), tf.math.mul(tf.math.mul(d, g), tf.math.mul(s, tf.math.sub(one, s))));
        });
    // EluGrad(g, y) = g * (y < 0 ? y + 1 : 1), with y = elu(x).
    MissingGradients.register(
        "EluGrad",
        (tf, op, dy) -> {
          Operand<TNumber> g = in(op, 0);
          Operand<TNumber> y = in(op, 1);
          Operand<TNumber> d = grad(tf, op, dy);
          Operand<TNumber> zeros = tf.zerosLike(y);
          return List.of(tf.nn.eluGrad(d, y), tf.select(tf.math.less(y, zeros), tf.math.mul(d, g), zeros));
        });
    // BiasAddGrad(g) sums g over every axis but the last (NHWC): its gradient broadcasts back.
    MissingGradients.register(
        "BiasAddGrad", (tf, op, dy) -> List.of(tf.math.add(tf.zerosLike(in(op, 0)), grad(tf, op, dy))));
  }
}
