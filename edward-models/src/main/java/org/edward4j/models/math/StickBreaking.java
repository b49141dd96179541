package org.edward4j.models.math;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code ed.to_simplex}: real vectors of length {@code K-1} mapped onto the simplex of
 * dimension {@code K} by backward stick breaking.
 *
 * <p>With {@code z_k = sigmoid(x_k - log(K-1-k))} for {@code k = 0..K-2}, the result is {@code
 * pi_k = z_k prod_{j<k} (1 - z_j)} and {@code pi_{K-1} = prod_j (1 - z_j)}; the offsets make
 * {@code x = 0} the uniform point {@code 1/K}. It is computed in log space ({@code log z =
 * -softplus(-u)}, {@code log(1 - z) = -softplus(u)}, a cumulative sum for the products), so no
 * coordinate rounds to a negative value and gradients exist everywhere (TensorFlow's C++ runtime
 * has none for {@code Cumprod}). Edward's function takes 1-D or 2-D inputs; this one maps the last
 * axis of any rank. As in Edward, a NaN or infinite input fails the run with an error naming
 * {@code x}.
 *
 * <pre>{@code
 * Operand<TFloat32> pi = StickBreaking.toSimplex(tf, tf.constant(new float[] {0f, 0f, 0f})); // [1/4, 1/4, 1/4, 1/4]
 * }</pre>
 */
public final class StickBreaking {

  private StickBreaking() {}

  /**
   * The simplex point of each row of {@code x}.
   *
   * @param tf where to build the ops
   * @param x float32 of shape {@code [..., K-1]}, the last dimension known
   * @return float32 of shape {@code [..., K]}, non-negative, summing to 1 along the last axis
   * @throws IllegalArgumentException if {@code x} is null, not float32, of another graph, a scalar,
   *     or of unknown last dimension
   */
  public static Operand<TFloat32> toSimplex(Ops tf, Operand<TFloat32> x) {
    if (tf == null) {
      throw new IllegalArgumentException("`tf` must be an Ops, got null");
    }
    Operand<TFloat32> xs = TensorChecks.float32(tf, x, "x");
    Shape s = xs.shape();
    if (s.numDimensions() < 1 || s.get(s.numDimensions() - 1) < 0) {
      throw new IllegalArgumentException(
          "`x` must have shape [..., K-1] with K-1 known, got " + TensorChecks.format(s));
    }
    int kMinusOne = (int) s.get(s.numDimensions() - 1);
    float[] offsets = new float[kMinusOne];
    for (int k = 0; k < kMinusOne; k++) {
      offsets[k] = (float) -Math.log(kMinusOne - k);
    }
    Ops sb = tf.withSubScope("to_simplex");
    Operand<TFloat32> u = sb.math.add(TensorChecks.finite(sb, xs, "x"), sb.constant(offsets));
    Operand<TFloat32> logZ = sb.math.neg(sb.math.softplus(sb.math.neg(u)));
    Operand<TFloat32> logOneMinusZ = sb.math.neg(sb.math.softplus(u));
    Operand<TFloat32> logStickLeft = sb.math.cumsum(logOneMinusZ, sb.constant(-1), Cumsum.exclusive(true));
    Operand<TFloat32> logLast = sb.reduceSum(logOneMinusZ, sb.constant(-1), ReduceSum.keepDims(true));
    Operand<TFloat32> logPi = sb.concat(List.of(sb.math.add(logStickLeft, logZ), logLast), sb.constant(-1));
    return sb.math.exp(logPi);
  }
}
