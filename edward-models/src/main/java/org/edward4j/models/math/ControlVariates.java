package org.edward4j.models.math;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code ed.get_control_variate_coef}: the coefficient that makes a control variate
 * reduce a Monte Carlo estimator's variance most.
 *
 * <p>If {@code m} estimates {@code mu} without bias and {@code t} estimates a known {@code tau},
 * then {@code m - c (t - tau)} is unbiased for any {@code c}, and its variance is least at {@code
 * c = Cov(m, t) / Var(t)}, the value returned (Edward's docstring writes the sum with {@code +},
 * whose best coefficient is the negative of this). Both moments are the sample ones over the paired
 * draws in {@code f} and {@code h}.
 *
 * <pre>{@code
 * Operand<TFloat32> c = ControlVariates.coefficient(tf,
 *     tf.constant(new float[] {1f, 2f, 3f, 4f}), tf.constant(new float[] {2f, 3f, 8f, 1f})); // 1/29
 * }</pre>
 */
public final class ControlVariates {

  private ControlVariates() {}

  /**
   * {@code Cov(f, h) / Var(h)} over paired draws.
   *
   * @param tf where to build the ops
   * @param f draws of the estimator, a vector of {@code n >= 2}
   * @param h the paired draws of the control variate, a vector of the same length
   * @return a float32 scalar; NaN when {@code h} is constant
   * @throws IllegalArgumentException if an argument is null, not float32, of another graph, not a
   *     vector, or the lengths differ or are below 2 when known
   */
  public static Operand<TFloat32> coefficient(Ops tf, Operand<TFloat32> f, Operand<TFloat32> h) {
    if (tf == null) {
      throw new IllegalArgumentException("`tf` must be an Ops, got null");
    }
    Shape sf = TensorChecks.float32(tf, f, "f").shape();
    Shape sh = TensorChecks.float32(tf, h, "h").shape();
    if (sf.numDimensions() != 1) {
      throw new IllegalArgumentException("`f` must be a vector of draws, got shape " + TensorChecks.format(sf));
    }
    if (sh.numDimensions() != 1 || (sf.get(0) >= 0 && sh.get(0) >= 0 && sf.get(0) != sh.get(0))) {
      throw new IllegalArgumentException("`h` must have shape [" + (sf.get(0) < 0 ? "n" : sf.get(0))
          + "] to match `f`, got " + TensorChecks.format(sh));
    }
    long n = Math.max(sf.get(0), sh.get(0));
    if (n >= 0 && n < 2) {
      throw new IllegalArgumentException("`f` must hold at least 2 draws, got " + n);
    }
    Ops cv = tf.withSubScope("control_variate_coef");
    Operand<TFloat32> fc = cv.math.sub(f, cv.math.mean(f, cv.constant(0)));
    Operand<TFloat32> hc = cv.math.sub(h, cv.math.mean(h, cv.constant(0)));
    // The 1/(n-1) of the sample covariance and variance cancel.
    return cv.math.div(cv.reduceSum(cv.math.mul(fc, hc), cv.constant(0)),
        cv.reduceSum(cv.math.square(hc), cv.constant(0)));
  }
}
