package org.edward4j.inferences;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code KL(q || p)} variational inference with the score-function gradient and a closed-form KL
 * term, Edward's {@code ed.ScoreKLqp}'s analytic-KL sibling {@code ed.ScoreKLKLqp} (Paisley et al.,
 * 2012): the variational parameters move along {@code -(1/S) sum_s grad log q(z_s) log p(x | z_s) +
 * grad sum_z alpha_z KL(q(z) || p(z))}, model parameters along the gradient of {@code -ELBO = -E_q[log
 * p(x | z)] + sum_z alpha_z KL}.
 *
 * <p>Every pair must have a closed-form KL. {@code alpha_z} is {@code klScaling[z]}, else {@code
 * scale[z]}, else 1 (Edward's code leaves the KL unweighted by {@code scale}). The loss adds every
 * regularization loss.
 *
 * <pre>{@code
 * ScoreKLKLqp inference = new ScoreKLKLqp(Map.of(mu, qmu), Map.of(x50, xData));
 * inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(10).build());
 * }</pre>
 */
public class ScoreKLKLqp extends KLqpVariant {

  private static final String NAME = "ScoreKLKLqp";

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public ScoreKLKLqp(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data, NAME, Requires.CLOSED_FORM_KL);
  }

  @Override
  LossAndGradients estimator(ElboSamples e, Operand<TFloat32> reg, List<Variable<?>> varList) {
    Ops tf = tf();
    Operand<TFloat32> logQ = e.stack(s -> e.logQ(s, true));
    Operand<TFloat32> logLik = e.stack(e::logLikelihood);
    Operand<TFloat32> kl = e.mean(e::klPenalty);
    Operand<TFloat32> loss = tf.math.add(tf.math.sub(kl, tf.math.mean(logLik, tf.constant(0))), reg);
    Operand<TFloat32> surrogate = tf.math.add(tf.math.sub(kl,
        tf.math.mean(tf.math.mul(logQ, tf.stopGradient(logLik)), tf.constant(0))), reg);
    return scoreGradients(loss, surrogate, varList);
  }
}
