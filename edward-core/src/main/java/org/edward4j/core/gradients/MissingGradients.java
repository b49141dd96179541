package org.edward4j.core.gradients;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.RawCustomGradient;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients that TensorFlow's C++ runtime (which TF Java differentiates with) does not define,
 * registered once per JVM.
 *
 * <p>Most are the gradients of gradient ops, needed for second derivatives: WGAN-GP's penalty
 * differentiates the critic's input gradient, which contains {@code ReluGrad}, {@code
 * BiasAddGrad}, {@code SigmoidGrad} and the {@code OnesLike} that seeds every gradient. {@code
 * Digamma}'s gradient is needed by the entropies of the Gamma and Beta distributions. Each rule is
 * the one in TensorFlow's Python gradient registry; the tests check them by finite differences.
 */
public final class MissingGradients {

  private static boolean registered;

  private MissingGradients() {}

  /** Registers every gradient below that the runtime lacks; safe to call repeatedly. */
  public static synchronized void registerAll() {
    if (registered) {
      return;
    }
    registered = true;
    register("OnesLike", (tf, op, dy) -> List.of(tf.zerosLike(in(op, 0))));
    // ReluGrad(g, x) = g * (x > 0): linear in g, piecewise constant in x.
    register(
        "ReluGrad",
        (tf, op, dy) -> List.of(tf.nn.reluGrad(grad(tf, op, dy), in(op, 1)), tf.zerosLike(in(op, 1))));
    // SigmoidGrad(y, g) = g * y * (1 - y).
    register(
        "SigmoidGrad",
        (tf, op, dy) -> {
          Operand<TNumber> y = in(op, 0);
          Operand<TNumber> g = in(op, 1);
          Operand<TNumber> d = grad(tf, op, dy);
          Operand<TNumber> dg = tf.math.mul(d, g);
          Operand<TNumber> two = tf.dtypes.cast(tf.constant(2f), y.type());
          return List.of(tf.math.sub(dg, tf.math.mul(two, tf.math.mul(dg, y))), tf.math.sigmoidGrad(y, d));
        });
    // TanhGrad(y, g) = g * (1 - y^2).
    register(
        "TanhGrad",
        (tf, op, dy) -> {
          Operand<TNumber> y = in(op, 0);
          Operand<TNumber> g = in(op, 1);
          Operand<TNumber> d = grad(tf, op, dy);
          Operand<TNumber> minusTwo = tf.dtypes.cast(tf.constant(-2f), y.type());
          return List.of(tf.math.mul(minusTwo, tf.math.mul(tf.math.mul(d, g), y)), tf.math.tanhGrad(y, d));
        });
    // SoftplusGrad(g, x) = g * sigmoid(x).
    register(
        "SoftplusGrad",
        (tf, op, dy) -> {
          Operand<TNumber> g = in(op, 0);
          Operand<TNumber> x = in(op, 1);
          Operand<TNumber> d = grad(tf, op, dy);
          Operand<TNumber> s = tf.math.sigmoid(x);
          Operand<TNumber> one = tf.onesLike(s);
          return List.of(
              tf.math.softplusGrad(d, x),
              tf.math.mul(tf.math.mul(d, g), tf.math.mul(s, tf.math.sub(one, s))));
        });
    // BiasAddGrad(g) sums g over every axis but the last (NHWC): its gradient broadcasts back.
    register(
        "BiasAddGrad",
        (tf, op, dy) -> List.of(tf.math.add(tf.zerosLike(in(op, 0)), grad(tf, op, dy))));
    // d digamma(x) = polygamma(1, x).
    register(
        "Digamma",
        (tf, op, dy) -> {
          Operand<TNumber> x = in(op, 0);
          return List.of(tf.math.mul(grad(tf, op, dy), tf.math.polygamma(tf.onesLike(x), x)));
        });
  }

  private static void register(String opType, RawCustomGradient gradient) {
    TensorFlow.registerCustomGradient(opType, gradient);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TNumber> in(GraphOperation op, int index) {
    return (Operand<TNumber>) op.input(index);
  }

  /** The incoming gradient of the op's first output, zeros when none flows. */
  @SuppressWarnings("unchecked")
  private static Operand<TNumber> grad(Ops tf, GraphOperation op, List<Output<?>> dy) {
    Output<?> d = dy.isEmpty() ? null : dy.get(0);
    if (d == null) {
      return tf.zerosLike(MissingGradients.<TNumber>out(op));
    }
    return (Operand<TNumber>) d;
  }

  @SuppressWarnings("unchecked")
  private static <T extends TNumber> Operand<T> out(GraphOperation op) {
    return (Operand<T>) (Operand<?>) op.output(0);
  }

  /** The op types this class adds gradients for. */
  public static List<String> opTypes() {
    return new ArrayList<>(
        List.of("OnesLike", "ReluGrad", "SigmoidGrad", "TanhGrad", "SoftplusGrad", "BiasAddGrad", "Digamma"));
  }
}
