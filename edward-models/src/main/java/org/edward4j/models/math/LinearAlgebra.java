package org.edward4j.models.math;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code ed.dot}: the product of a matrix and a vector, in either order, as one vector.
 *
 * <p>{@code dot(x, y)} with {@code x} an {@code [M, N]} matrix and {@code y} an {@code N}-vector is
 * {@code x y}, of length {@code M}; with {@code x} an {@code M}-vector and {@code y} an {@code [M,
 * N]} matrix it is {@code x^T y}, of length {@code N}. Shapes are checked in Java; as in Edward,
 * both inputs are also checked at run time, and a NaN or infinite element fails the run with an
 * error naming the argument.
 *
 * <pre>{@code
 * Operand<TFloat32> w = tf.constant(new float[][] {{1f, 2f}, {3f, 4f}, {5f, 6f}});
 * Operand<TFloat32> wx = LinearAlgebra.dot(tf, w, tf.constant(new float[] {1f, -1f}));   // [-1, -1, -1]
 * Operand<TFloat32> vw = LinearAlgebra.dot(tf, tf.constant(new float[] {1f, 0f, 1f}), w); // [6, 8]
 * }</pre>
 */
public final class LinearAlgebra {

  private LinearAlgebra() {}

  /**
   * The matrix-vector or vector-matrix product.
   *
   * @param tf where to build the ops
   * @param x an {@code [M, N]} matrix, or an {@code M}-vector
   * @param y an {@code N}-vector (when {@code x} is a matrix), or an {@code [M, N]} matrix
   * @return a float32 vector: of length {@code M} for matrix-vector, {@code N} for vector-matrix
   * @throws IllegalArgumentException if an argument is null, not float32, of another graph, not
   *     one vector and one matrix, or of mismatched inner dimension
   */
  public static Operand<TFloat32> dot(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y) {
    if (tf == null) {
      throw new IllegalArgumentException("`tf` must be an Ops, got null");
    }
    Operand<TFloat32> xs = TensorChecks.float32(tf, x, "x");
    Operand<TFloat32> ys = TensorChecks.float32(tf, y, "y");
    Shape sx = xs.shape();
    Shape sy = ys.shape();
    Ops scoped = tf.withSubScope("dot");
    if (sx.numDimensions() == 1) {
      if (sy.numDimensions() != 2) {
        throw new IllegalArgumentException("`y` must be a matrix [" + dim(sx, 0) + ", N] when `x` is a vector of shape "
            + TensorChecks.format(sx) + ", got shape " + TensorChecks.format(sy));
      }
      checkInner(sx.get(0), sy.get(0), "[" + dim(sx, 0) + ", N]", "x", sx, sy);
      Operand<TFloat32> vec = scoped.expandDims(TensorChecks.finite(scoped, xs, "x"), scoped.constant(0));
      Operand<TFloat32> mat = TensorChecks.finite(scoped, ys, "y");
      return scoped.reshape(scoped.linalg.matMul(vec, mat), scoped.constant(new int[] {-1}));
    }
    if (sx.numDimensions() == 2) {
      if (sy.numDimensions() != 1) {
        throw new IllegalArgumentException("`y` must be a vector [" + dim(sx, 1) + "] when `x` is a matrix of shape "
            + TensorChecks.format(sx) + ", got shape " + TensorChecks.format(sy));
      }
      checkInner(sx.get(1), sy.get(0), "[" + dim(sx, 1) + "]", "x", sx, sy);
      Operand<TFloat32> mat = TensorChecks.finite(scoped, xs, "x");
      Operand<TFloat32> vec = scoped.expandDims(TensorChecks.finite(scoped, ys, "y"), scoped.constant(1));
      return scoped.reshape(scoped.linalg.matMul(mat, vec), scoped.constant(new int[] {-1}));
    }
    throw new IllegalArgumentException("`x` must be a vector or a matrix, got shape " + TensorChecks.format(sx));
  }

  private static String dim(Shape s, int i) {
    return s.get(i) < 0 ? "?" : Long.toString(s.get(i));
  }

  private static void checkInner(long a, long b, String expected, String other, Shape sx, Shape sy) {
    if (a >= 0 && b >= 0 && a != b) {
      throw new IllegalArgumentException("`y` must have shape " + expected + " to match `" + other + "` of shape "
          + TensorChecks.format(sx) + ", got " + TensorChecks.format(sy));
    }
  }
}
