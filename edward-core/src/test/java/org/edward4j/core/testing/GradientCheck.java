package org.edward4j.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Finite-difference gradient checks for graph functions of one float32 placeholder.
 *
 * <p>The function must be deterministic across session runs (no stateful random ops between the
 * placeholder and the output). Central differences in float32 have error about {@code eps^2 f'''}
 * plus rounding {@code ulp(f) / eps}; with {@code eps = 1e-2} and values of order one, a relative
 * tolerance of {@code 1e-2} leaves room for both.
 */
public final class GradientCheck {

  private GradientCheck() {}

  /**
   * Asserts that TensorFlow's gradient of {@code sum(y)} with respect to {@code x} matches central
   * differences at {@code at}.
   *
   * @param ctx the context holding both tensors
   * @param x a float32 placeholder
   * @param y any float32 function of {@code x}; it is summed to a scalar
   * @param at where to evaluate, in {@code x}'s row-major layout
   * @param eps the finite-difference step
   * @param tol the allowed error relative to {@code max(1, |numeric|)}
   */
  public static void assertGradient(
      ModelContext ctx, Placeholder<TFloat32> x, Operand<TFloat32> y, float[] at, double eps, double tol) {
    Ops tf = ctx.tf();
    Operand<TFloat32> total = tf.reduceSum(y, tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
    Operand<TFloat32> grad = tf.gradients(total, List.of(x)).dy(0);
    Shape shape = shapeFor(x, at);
    float[] analytic = evalAt(ctx, x, grad, shape, at);
    assertEquals(at.length, analytic.length, "gradient size");
    for (int i = 0; i < at.length; i++) {
      float[] plus = at.clone();
      float[] minus = at.clone();
      plus[i] += (float) eps;
      minus[i] -= (float) eps;
      double numeric =
          (evalAt(ctx, x, total, shape, plus)[0] - evalAt(ctx, x, total, shape, minus)[0])
              / (plus[i] - minus[i]);
      double err = Math.abs(analytic[i] - numeric) / Math.max(1.0, Math.abs(numeric));
      if (!(err <= tol)) {
        fail("gradient mismatch at index " + i + ": analytic " + analytic[i] + ", numeric " + numeric
            + " (relative error " + err + " > " + tol + ")");
      }
    }
  }

  private static Shape shapeFor(Placeholder<TFloat32> x, float[] at) {
    Shape s = x.shape();
    if (s.isUnknown() || s.hasUnknownDimension()) {
      return Shape.of(at.length);
    }
    if (s.size() != at.length) {
      throw new IllegalArgumentException("`at` must have " + s.size() + " values for " + s + ", got " + at.length);
    }
    return s;
  }

  private static float[] evalAt(
      ModelContext ctx, Placeholder<TFloat32> x, Operand<TFloat32> out, Shape shape, float[] at) {
    try (TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(at, true, false))) {
      return ctx.eval(out, Map.of(x, t)).data();
    }
  }
}
