package org.edward4j.inferences;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code KL(q || p)} variational inference with the reparameterization gradient, Edward's {@code
 * ed.ReparameterizationKLqp} (Kingma and Welling, 2014): the automatic derivative of the Monte Carlo
 * estimate of {@code -ELBO = -E_q[log p(x, z) - log q(z; lambda)]}, over {@code nSamples} draws.
 *
 * <p>Every approximation must be reparameterized. {@code scale} weights each variable's log
 * densities, {@code log q(z)} included; the loss adds every regularization loss; {@code klScaling}
 * must be empty (there is no KL term). Model parameters in {@code varList} are fitted by variational
 * EM, as in {@link KLqp}.
 *
 * <pre>{@code
 * ReparameterizationKLqp inference = new ReparameterizationKLqp(Map.of(mu, qmu), Map.of(x50, xData));
 * inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(5).build());
 * }</pre>
 */
public class ReparameterizationKLqp extends KLqpVariant {

  private static final String NAME = "ReparameterizationKLqp";

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public ReparameterizationKLqp(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data, NAME, Requires.REPARAMETERIZATION);
  }

  @Override
  LossAndGradients estimator(ElboSamples e, Operand<TFloat32> reg, List<Variable<?>> varList) {
    Ops tf = tf();
    Operand<TFloat32> elbo = tf.math.sub(e.mean(e::logJoint), e.mean(s -> e.logQ(s, false)));
    Operand<TFloat32> loss = tf.math.add(tf.math.neg(elbo), reg);
    return new LossAndGradients(loss, gradients(loss, varList));
  }
}
