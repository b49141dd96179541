package org.edward4j.inferences;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code KL(q || p)} variational inference with the score-function gradient, Edward's {@code
 * ed.ScoreKLqp} (Paisley et al., 2012): the variational parameters move along {@code -(1/S) sum_s
 * grad log q(z_s; lambda) (log p(x, z_s) - log q(z_s; lambda))}, {@code z_s ~ q}, and model parameters
 * along the gradient of the {@code -ELBO} estimate.
 *
 * <p>Works for any approximation with a log density, discrete ones included; no baseline (see {@link
 * KLqp} for the automatic choice, which centres the signal, and {@link ScoreRBKLqp}). {@code scale}
 * weighs each log density; {@code klScaling} must be empty. The reported loss is the {@code -ELBO}
 * estimate plus every regularization loss.
 *
 * <pre>{@code
 * ScoreKLqp inference = new ScoreKLqp(Map.of(mu, qmu), Map.of(x50, xData));
 * inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(10).build());
 * }</pre>
 */
public class ScoreKLqp extends KLqpVariant {

  private static final String NAME = "ScoreKLqp";

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public ScoreKLqp(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data, NAME, Requires.NOTHING);
  }

  @Override
  LossAndGradients estimator(ElboSamples e, Operand<TFloat32> reg, List<Variable<?>> varList) {
    Ops tf = tf();
    Operand<TFloat32> logQ = e.stack(s -> e.logQ(s, true));
    Operand<TFloat32> signal = tf.math.sub(e.stack(e::logJoint), logQ);
    Operand<TFloat32> loss = tf.math.add(tf.math.neg(tf.math.mean(signal, tf.constant(0))), reg);
    Operand<TFloat32> surrogate = tf.math.add(
        tf.math.neg(tf.math.mean(tf.math.mul(logQ, tf.stopGradient(signal)), tf.constant(0))), reg);
    return scoreGradients(loss, surrogate, varList);
  }
}
