package org.edward4j.inferences;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code KL(q || p)} variational inference with the reparameterization gradient and a closed-form
 * KL term, Edward's {@code ed.ReparameterizationKLKLqp} (Kingma and Welling, 2014): the automatic
 * derivative of {@code -ELBO = -E_q[log p(x | z)] + sum_z alpha_z KL(q(z) || p(z))}, the expectation
 * estimated over {@code nSamples} draws and the KL exact.
 *
 * <p>Every approximation must be reparameterized and have a closed-form KL to its prior. {@code
 * alpha_z} is {@code klScaling[z]}, else {@code scale[z]}, else 1 (Edward's code leaves the KL
 * unweighted by {@code scale}; weighing it keeps the objective that of {@link
 * ReparameterizationKLqp} for a scaled latent variable). Edward's docstring writes {@code -(E[log p(x
 * | z)] + KL)}, a sign slip: this class follows the paper and Edward's code, {@code -E[log p(x | z)]
 * + KL}. The loss adds every regularization loss.
 *
 * <pre>{@code
 * ReparameterizationKLKLqp inference = new ReparameterizationKLKLqp(Map.of(mu, qmu), Map.of(x50, xData));
 * inference.run(KLqpOptions.builder().nIter(500).nPrint(0).klScaling(Map.of(mu, 1.0)).build());
 * }</pre>
 */
public class ReparameterizationKLKLqp extends KLqpVariant {

  private static final String NAME = "ReparameterizationKLKLqp";

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public ReparameterizationKLKLqp(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data, NAME, Requires.REPARAMETERIZATION_AND_CLOSED_FORM_KL);
  }

  @Override
  LossAndGradients estimator(ElboSamples e, Operand<TFloat32> reg, List<Variable<?>> varList) {
    Ops tf = tf();
    Operand<TFloat32> loss = tf.math.add(
        tf.math.sub(e.mean(e::klPenalty), e.mean(e::logLikelihood)), reg);
    return new LossAndGradients(loss, gradients(loss, varList));
  }
}
