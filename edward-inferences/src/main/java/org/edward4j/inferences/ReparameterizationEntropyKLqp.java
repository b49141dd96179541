package org.edward4j.inferences;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code KL(q || p)} variational inference with the reparameterization gradient and a closed-form
 * entropy, Edward's {@code ed.ReparameterizationEntropyKLqp} (Kingma and Welling, 2014): the automatic
 * derivative of {@code -ELBO = -(E_q[log p(x, z)] + H(q(z; lambda)))}, the expectation estimated over
 * {@code nSamples} draws and the entropy exact.
 *
 * <p>Every approximation must be reparameterized and have a closed-form entropy. {@code scale[z]}
 * weighs {@code H(q(z))} as it weighs {@code log p(z)} (Edward's code leaves the entropy unweighted,
 * which changes the objective of a scaled latent variable). {@code klScaling} must be empty. The
 * loss adds every regularization loss.
 *
 * <pre>{@code
 * ReparameterizationEntropyKLqp inference = new ReparameterizationEntropyKLqp(Map.of(mu, qmu), Map.of(x50, xData));
 * inference.run(KLqpOptions.builder().nIter(500).nPrint(0).build());
 * }</pre>
 */
public class ReparameterizationEntropyKLqp extends KLqpVariant {

  private static final String NAME = "ReparameterizationEntropyKLqp";

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public ReparameterizationEntropyKLqp(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data, NAME, Requires.REPARAMETERIZATION);
  }

  @Override
  LossAndGradients estimator(ElboSamples e, Operand<TFloat32> reg, List<Variable<?>> varList) {
    Ops tf = tf();
    Operand<TFloat32> elbo = tf.math.add(e.mean(e::logJoint), e.entropy());
    Operand<TFloat32> loss = tf.math.add(tf.math.neg(elbo), reg);
    return new LossAndGradients(loss, gradients(loss, varList));
  }
}
