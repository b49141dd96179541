package org.edward4j.inferences.montecarlo;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The model's log joint density {@code log p(x, z)} as a function of the latent values {@code z},
 * built in the graph: Edward's {@code _log_joint}. A kernel calls it once per point where it needs
 * the density (HMC once per leapfrog step), so it must build new ops on each call and may not
 * keep state between calls.
 *
 * <p>For minibatches, scale the likelihood terms by {@code N / M} inside the function, as Edward's
 * {@code scale} argument does.
 *
 * <pre>{@code
 * // log N(z | 1, 1) up to a constant
 * LogJoint logJoint = z -> tf.math.mul(tf.constant(-0.5f),
 *     tf.reduceSum(tf.math.square(tf.math.sub(z.get(0), tf.constant(1f))), tf.constant(0)));
 * }</pre>
 */
@FunctionalInterface
public interface LogJoint {

  /**
   * Builds {@code log p(x, z)} at the given latent values.
   *
   * @param state the latent values, one float32 tensor per latent variable, in the kernel's order
   * @return a float32 scalar (rank 0) of the same graph; {@code -inf} outside the support
   */
  Operand<TFloat32> at(List<Operand<TFloat32>> state);
}
