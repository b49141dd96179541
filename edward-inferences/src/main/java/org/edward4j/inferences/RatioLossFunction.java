package org.edward4j.inferences;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A ratio estimator's loss written by the user, Edward's callable {@code ratio_loss(psamples,
 * qsamples)}: given the estimator's outputs on samples of the model ({@code pSample}, labelled 1)
 * and on the data with samples of q ({@code qSample}, labelled 0), it returns a point-wise loss of
 * their shape, which {@link ImplicitKLqp} averages over its elements. The built-in {@link RatioLoss}
 * values are ratio losses too.
 *
 * <pre>{@code
 * // Least-squares ratio estimation: targets +1 for the model, -1 for q.
 * RatioLossFunction squares = (tf, p, q) -> tf.math.add(
 *     tf.math.square(tf.math.sub(p, tf.constant(1f))), tf.math.square(tf.math.add(q, tf.constant(1f))));
 * ImplicitKLqpOptions options = ImplicitKLqpOptions.builder().ratioLoss(squares).build();
 * }</pre>
 */
@FunctionalInterface
public interface RatioLossFunction {

  /**
   * The point-wise loss.
   *
   * @param tf the ops to build with
   * @param pSample the estimator's output on samples of the model
   * @param qSample its output on the data with samples of q, of {@code pSample}'s shape
   * @return the loss per element, of the inputs' (broadcast) shape
   */
  Operand<TFloat32> pointwise(Ops tf, Operand<TFloat32> pSample, Operand<TFloat32> qSample);
}
