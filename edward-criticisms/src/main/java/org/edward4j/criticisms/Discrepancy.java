package org.edward4j.criticisms;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TNumber;

/**
 * A test statistic (discrepancy) for a posterior predictive check, Edward's {@code T(xs, zs)}: a
 * function of data and latent variables that builds a scalar tensor.
 *
 * <p>It is called twice, once with replicated data and once with the observed data; both calls
 * see the same latent variables.
 *
 * <pre>{@code
 * Discrepancy mean = (xs, zs) -> tf.math.mean(xs.get(xPost), tf.constant(0));
 * Discrepancy withLatent = (xs, zs) -> tf.math.add(tf.math.mean(xs.get(xPost), tf.constant(0)), zs.get(mu));
 * }</pre>
 */
@FunctionalInterface
public interface Discrepancy {

  /**
   * Builds the statistic.
   *
   * @param xs each data key bound to its replicated or observed tensor
   * @param zs each latent variable bound to its posterior sample
   * @return a numeric tensor with one element
   */
  Operand<? extends TNumber> apply(Bindings xs, Bindings zs);
}
