package org.edward4j.models.bijectors;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A differentiable bijection {@code y = f(x)} with its inverse and the log-determinants of their
 * Jacobians, for {@code TransformedDistribution} (TensorFlow's {@code bijectors.Bijector}):
 * {@code log p_Y(y) = log p_X(f^-1(y)) + log |det J_{f^-1}(y)|}.
 *
 * <p>A bijector acts on events of rank {@link #eventRank()} (0 for elementwise maps, 1 for maps
 * of vectors such as {@link StickBreaking}); the log-determinants are summed over those trailing
 * axes and keep the leading ones. {@link #domain()} and {@link #codomain()} say where {@code x} and
 * {@code y} live, so a transformed distribution can reject a base whose support is not the domain
 * before building ops. Every method takes an already-scoped {@code Ops} first.
 *
 * <pre>{@code
 * Bijector exp = Bijectors.exp();
 * Operand<TFloat32> y = exp.forward(tf, tf.constant(0f));   // 1
 * Operand<TFloat32> x = exp.inverse(tf, y);                  // 0
 * }</pre>
 */
public interface Bijector {

  /**
   * The bijector's name, e.g. {@code "Exp"}.
   *
   * @return a short name used in op names and messages
   */
  String name();

  /**
   * The rank of the events the map acts on as a whole.
   *
   * @return 0 for elementwise maps, 1 for maps of the last axis
   */
  int eventRank();

  /**
   * Where {@code x} lives.
   *
   * @return the support the forward map accepts
   */
  Support domain();

  /**
   * Where {@code y} lives.
   *
   * @return the support the forward map covers
   */
  Support codomain();

  /**
   * {@code y = f(x)}.
   *
   * @param tf scoped ops
   * @param x float32 values in {@link #domain()}
   * @return float32 values in {@link #codomain()}
   */
  Operand<TFloat32> forward(Ops tf, Operand<TFloat32> x);

  /**
   * {@code x = f^-1(y)}.
   *
   * @param tf scoped ops
   * @param y float32 values in {@link #codomain()}
   * @return float32 values in {@link #domain()}
   */
  Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y);

  /**
   * {@code log |det df/dx|} at {@code x}, summed over the last {@link #eventRank()} axes.
   *
   * @param tf scoped ops
   * @param x float32 values in {@link #domain()}
   * @return {@code x}'s shape less its last {@link #eventRank()} axes
   */
  Operand<TFloat32> forwardLogDetJacobian(Ops tf, Operand<TFloat32> x);

  /**
   * {@code log |det df^-1/dy|} at {@code y}; by default {@code -forwardLogDetJacobian(inverse(y))}.
   *
   * @param tf scoped ops
   * @param y float32 values in {@link #codomain()}
   * @return {@code y}'s shape less its last {@link #eventRank()} axes
   */
  default Operand<TFloat32> inverseLogDetJacobian(Ops tf, Operand<TFloat32> y) {
    return tf.math.neg(forwardLogDetJacobian(tf, inverse(tf, y)));
  }

  /**
   * The event shape of {@code y} for an event shape of {@code x}; by default the same.
   *
   * @param xEvent the shape of {@code x}'s event, of rank at least {@link #eventRank()}
   * @return the shape of {@code y}'s event
   */
  default Shape forwardEventShape(Shape xEvent) {
    return xEvent;
  }

  /**
   * The event shape of {@code x} for an event shape of {@code y}; by default the same.
   *
   * @param yEvent the shape of {@code y}'s event, of rank at least {@link #eventRank()}
   * @return the shape of {@code x}'s event
   */
  default Shape inverseEventShape(Shape yEvent) {
    return yEvent;
  }

  /**
   * Whether the map is elementwise and increasing (so a cdf carries over: {@code F_Y(y) =
   * F_X(f^-1(y))}).
   *
   * @return {@code true} only when known at build time
   */
  default boolean isIncreasing() {
    return false;
  }

  /**
   * The inverse map as a bijector: {@code forward} and {@code inverse} swapped, domain and codomain
   * swapped (e.g. {@code invert(exp())} is the log, for fitting a positive variable on the real
   * line; {@code invert(stickBreaking())} maps the {@code K}-simplex onto {@code R^(K-1)}, as
   * TensorFlow's {@code Invert}).
   *
   * @return the inverted bijector
   */
  default Bijector inverted() {
    return new Inverted(this);
  }
}
