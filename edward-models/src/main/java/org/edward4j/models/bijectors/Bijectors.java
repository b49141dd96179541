package org.edward4j.models.bijectors;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The bijectors edward4j provides (TensorFlow's {@code tf.contrib.distributions.bijectors}): {@code
 * Exp}, {@code Softplus}, {@code Sigmoid}, the affine map {@code shift + scale x}, the identity and
 * the stick-breaking map onto the simplex. Any of them, or a user's own {@link Bijector}, turns a
 * base random variable into a {@code TransformedDistribution}.
 *
 * <pre>{@code
 * Bijector toPositive = Bijectors.softplus();
 * Bijector standardize = Bijectors.affine(-3.0, 0.5); // y = -3 + 0.5 x
 * }</pre>
 */
public final class Bijectors {

  private Bijectors() {}

  /**
   * {@code y = exp(x)}, from the real line onto {@code (0, inf)}; {@code log |dy/dx| = x}.
   *
   * @return the bijector
   */
  public static Bijector exp() {
    return new Exp();
  }

  /**
   * {@code y = log(1 + exp(x))}, from the real line onto {@code (0, inf)}; {@code log |dy/dx| =
   * log sigmoid(x)}.
   *
   * @return the bijector
   */
  public static Bijector softplus() {
    return new Softplus();
  }

  /**
   * {@code y = 1 / (1 + exp(-x))}, from the real line onto {@code (0, 1)}; {@code log |dy/dx| =
   * log sigmoid(x) + log sigmoid(-x)}.
   *
   * @return the bijector
   */
  public static Bijector sigmoid() {
    return new Sigmoid();
  }

  /**
   * {@code y = x}.
   *
   * @return the bijector
   */
  public static Bijector identity() {
    return new Affine(0.0, 1.0);
  }

  /**
   * {@code y = shift + scale x} (TensorFlow's {@code AffineScalar}); {@code log |dy/dx| = log
   * |scale|}.
   *
   * @param shift a finite number
   * @param scale a finite, nonzero number
   * @return the bijector
   * @throws IllegalArgumentException if {@code shift} is not finite or {@code scale} is zero or not finite
   */
  public static Bijector affine(double shift, double scale) {
    return new Affine(shift, scale);
  }

  /**
   * {@code y = shift + scale x} over float32 tensors that broadcast against {@code x}; {@code scale}
   * must be nonzero (checked at once for a small constant).
   *
   * @param shift the shift
   * @param scale the scale, nonzero
   * @return the bijector
   * @throws IllegalArgumentException for null tensors, another dtype, or a constant scale with a zero
   */
  public static Bijector affine(Operand<TFloat32> shift, Operand<TFloat32> scale) {
    return new Affine(shift, scale);
  }

  /**
   * The stick-breaking map from {@code R^(K-1)} onto the {@code K}-simplex (Stan's, centred so that
   * {@code x = 0} maps to the uniform vector): {@code z_k = sigmoid(x_k - log(K - k))}, {@code y_k =
   * z_k prod_{j<k} (1 - z_j)}, {@code y_K = prod_j (1 - z_j)}. The log-determinant is that of the
   * first {@code K - 1} coordinates, {@code sum_k log(z_k (1 - z_k) prod_{j<k} (1 - z_j))}. The
   * size of the last axis must be known.
   *
   * @return the bijector
   */
  public static Bijector stickBreaking() {
    return new StickBreaking();
  }
}
