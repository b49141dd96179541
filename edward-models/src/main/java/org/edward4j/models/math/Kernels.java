package org.edward4j.models.math;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Covariance kernels over the rows of data matrices, as Gaussian-process models use them.
 *
 * <p>{@link #rbf} is Edward's {@code ed.rbf}, the radial basis function (squared exponential)
 * kernel {@code k(x, x') = variance * exp(-1/2 sum_d (x_d - x'_d)^2 / lengthscale_d^2)} over all
 * pairs of rows. It is computed as Edward does, from {@code |x|^2 + |x'|^2 - 2 x.x'} on the inputs
 * divided by the lengthscale, with the squared distance clamped at 0 so that rounding cannot push a
 * kernel value above {@code variance}.
 *
 * <pre>{@code
 * Operand<TFloat32> x = tf.constant(new float[][] {{0f}, {1f}, {3f}});
 * Operand<TFloat32> k = Kernels.rbf(tf, x);                   // [3, 3], k[0][1] = exp(-1/2)
 * Operand<TFloat32> kx = Kernels.rbf(tf, x, tf.constant(new float[][] {{2f}}), 2.0, 1.5); // [3, 1]
 * }</pre>
 */
public final class Kernels {

  private Kernels() {}

  /**
   * The kernel over all pairs of rows of {@code x}, lengthscale and variance 1.
   *
   * @param tf where to build the ops
   * @param x an {@code [N, D]} matrix, one data point per row
   * @return the {@code [N, N]} kernel matrix
   */
  public static Operand<TFloat32> rbf(Ops tf, Operand<TFloat32> x) {
    return rbf(tf, x, null, 1.0, 1.0);
  }

  /**
   * The kernel between the rows of {@code x} and those of {@code x2}, lengthscale and variance 1.
   *
   * @param tf where to build the ops
   * @param x an {@code [N, D]} matrix
   * @param x2 an {@code [M, D]} matrix, or null for {@code x} itself
   * @return the {@code [N, M]} kernel matrix
   */
  public static Operand<TFloat32> rbf(Ops tf, Operand<TFloat32> x, Operand<TFloat32> x2) {
    return rbf(tf, x, x2, 1.0, 1.0);
  }

  /**
   * The kernel with a scalar lengthscale and variance given as numbers, checked in Java.
   *
   * @param tf where to build the ops
   * @param x an {@code [N, D]} matrix
   * @param x2 an {@code [M, D]} matrix, or null for {@code x} itself
   * @param lengthscale positive
   * @param variance the output variance {@code sigma^2}, positive
   * @return the {@code [N, M]} kernel matrix
   * @throws IllegalArgumentException if {@code lengthscale} or {@code variance} is not positive and
   *     finite, or a shape is wrong (see {@link #rbf(Ops, Operand, Operand, Operand, Operand)})
   */
  public static Operand<TFloat32> rbf(Ops tf, Operand<TFloat32> x, Operand<TFloat32> x2, double lengthscale,
      double variance) {
    float l = TensorChecks.positive(lengthscale, "lengthscale");
    float v = TensorChecks.positive(variance, "variance");
    checkData(tf, x, x2);
    return build(tf, x, x2, tf.constant(l), tf.constant(v), false);
  }

  /**
   * The kernel with tensor parameters, checked positive at run time (as Edward's assertions do).
   *
   * @param tf where to build the ops
   * @param x an {@code [N, D]} matrix
   * @param x2 an {@code [M, D]} matrix, or null for {@code x} itself
   * @param lengthscale a scalar, or a {@code D}-vector (one lengthscale per feature); positive
   * @param variance a scalar, positive
   * @return the {@code [N, M]} kernel matrix; running it fails if a parameter is not positive
   * @throws IllegalArgumentException if an argument is null (but {@code x2}), not float32, of
   *     another graph, {@code x} or {@code x2} not a matrix, their column counts differ, {@code
   *     lengthscale} is neither a scalar nor a vector of {@code D}, or {@code variance} is not a
   *     scalar
   */
  public static Operand<TFloat32> rbf(Ops tf, Operand<TFloat32> x, Operand<TFloat32> x2, Operand<TFloat32> lengthscale,
      Operand<TFloat32> variance) {
    long d = checkData(tf, x, x2);
    Operand<TFloat32> l = TensorChecks.float32(tf, lengthscale, "lengthscale");
    Operand<TFloat32> v = TensorChecks.float32(tf, variance, "variance");
    Shape ls = l.shape();
    boolean lengthscaleOk = ls.numDimensions() == 0
        || (ls.numDimensions() == 1 && (ls.get(0) < 0 || d < 0 || ls.get(0) == d));
    if (!lengthscaleOk) {
      throw new IllegalArgumentException("`lengthscale` must be a scalar or have shape [" + (d < 0 ? "D" : d)
          + "] to match the columns of `x`, got " + TensorChecks.format(ls));
    }
    if (v.shape().numDimensions() != 0) {
      throw new IllegalArgumentException("`variance` must be a scalar, got shape " + TensorChecks.format(v.shape()));
    }
    return build(tf, x, x2, l, v, true);
  }

  /** Checks {@code x} and {@code x2}; returns the column count, or -1 if unknown. */
  private static long checkData(Ops tf, Operand<TFloat32> x, Operand<TFloat32> x2) {
    if (tf == null) {
      throw new IllegalArgumentException("`tf` must be an Ops, got null");
    }
    Shape sx = TensorChecks.float32(tf, x, "x").shape();
    if (sx.numDimensions() != 2) {
      throw new IllegalArgumentException("`x` must be a matrix [N, D], got shape " + TensorChecks.format(sx));
    }
    long d = sx.get(1);
    if (x2 != null) {
      Shape s2 = TensorChecks.float32(tf, x2, "x2").shape();
      if (s2.numDimensions() != 2 || (d >= 0 && s2.get(1) >= 0 && s2.get(1) != d)) {
        throw new IllegalArgumentException("`x2` must have shape [M, " + (d < 0 ? "D" : d) + "] to match `x` of shape "
            + TensorChecks.format(sx) + ", got " + TensorChecks.format(s2));
      }
      d = d >= 0 ? d : s2.get(1);
    }
    return d;
  }

  private static Operand<TFloat32> build(Ops tf, Operand<TFloat32> x, Operand<TFloat32> x2, Operand<TFloat32> l,
      Operand<TFloat32> v, boolean checkAtRunTime) {
    Ops k = tf.withSubScope("rbf");
    Operand<TFloat32> lengthscale = checkAtRunTime ? TensorChecks.positive(k, l, "lengthscale") : l;
    Operand<TFloat32> variance = checkAtRunTime ? TensorChecks.positive(k, v, "variance") : v;
    Operand<TFloat32> a = k.math.div(x, lengthscale);
    Operand<TFloat32> aSq = k.reduceSum(k.math.square(a), k.constant(1));
    Operand<TFloat32> b = a;
    Operand<TFloat32> bSq = aSq;
    if (x2 != null) {
      b = k.math.div(x2, lengthscale);
      bSq = k.reduceSum(k.math.square(b), k.constant(1));
    }
    Operand<TFloat32> cross = k.linalg.matMul(a, b, MatMul.transposeB(true));
    Operand<TFloat32> sq = k.math.sub(
        k.math.add(k.reshape(aSq, k.constant(new int[] {-1, 1})), k.reshape(bSq, k.constant(new int[] {1, -1}))),
        k.math.mul(k.constant(2f), cross));
    Operand<TFloat32> clamped = k.math.maximum(sq, k.constant(0f));
    return k.math.mul(variance, k.math.exp(k.math.mul(k.constant(-0.5f), clamped)));
  }
}
