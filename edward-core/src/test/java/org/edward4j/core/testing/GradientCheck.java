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
 * placeholder and the output). The five-point stencil {@code (-f(x+2h) + 8f(x+h) - 8f(x-h) +
 * f(x-2h)) / 12h} has truncation error about {@code h^4 f^(5) / 30} and rounding error about
 * {@code ulp(y_j) / h} per element (differences are taken element by element in double precision);
 * with {@code h = 1e-2} and values of order one, a relative tolerance of {@code 1e-2} leaves room
 * for both. The error is measured relative to {@code
 * max(0.1, |numeric|)}: a floor of 1 would accept any gradient smaller than the tolerance.
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
   * @param tol the allowed error relative to {@code max(0.1, |numeric|)}
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
      float[] p2 = valueAt(ctx, x, y, shape, at, i, 2 * eps);
      float[] p1 = valueAt(ctx, x, y, shape, at, i, eps);
      float[] m1 = valueAt(ctx, x, y, shape, at, i, -eps);
      float[] m2 = valueAt(ctx, x, y, shape, at, i, -2 * eps);
      // Differences are taken element by element in double precision before summing, so rounding
      // is that of each element of y, not of their float32 sum.
      double numeric = 0;
      for (int j = 0; j < p1.length; j++) {
        numeric += ((double) m2[j] - p2[j] + 8.0 * ((double) p1[j] - m1[j])) / (12 * eps);
      }
      double err = Math.abs(analytic[i] - numeric) / Math.max(0.1, Math.abs(numeric));
      if (!(err <= tol)) {
        fail("gradient mismatch at index " + i + ": analytic " + analytic[i] + ", numeric " + numeric
            + " (relative error " + err + " > " + tol + ")");
      }
    }
  }

  /** {@code y} with coordinate {@code i} moved by {@code h}, element by element. */
  private static float[] valueAt(
      ModelContext ctx, Placeholder<TFloat32> x, Operand<TFloat32> y, Shape shape, float[] at, int i, double h) {
    float[] moved = at.clone();
    moved[i] += (float) h;
    return evalAt(ctx, x, y, shape, moved);
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
