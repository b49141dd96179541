package org.edward4j.inferences;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code KL(q || p)} variational inference with the score-function gradient and a closed-form
 * entropy, Edward's {@code ed.ScoreEntropyKLqp} (Paisley et al., 2012): the variational parameters
 * move along {@code -(1/S) sum_s grad log q(z_s) log p(x, z_s) - grad H(q(z; lambda))}, model
 * parameters along the gradient of {@code -ELBO = -(E_q[log p(x, z)] + H(q))}.
 *
 * <p>Every approximation must have a closed-form entropy. {@code scale[z]} weighs {@code H(q(z))} as
 * it weighs {@code log p(z)} (Edward's code leaves the entropy unweighted). {@code klScaling} must be
 * empty. The loss adds every regularization loss.
 *
 * <pre>{@code
 * ScoreEntropyKLqp inference = new ScoreEntropyKLqp(Map.of(mu, qmu), Map.of(x50, xData));
 * inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(10).build());
 * }</pre>
 */
public class ScoreEntropyKLqp extends KLqpVariant {

  private static final String NAME = "ScoreEntropyKLqp";

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public ScoreEntropyKLqp(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data, NAME, Requires.NOTHING);
  }

  @Override
  LossAndGradients estimator(ElboSamples e, Operand<TFloat32> reg, List<Variable<?>> varList) {
    Ops tf = tf();
    Operand<TFloat32> logQ = e.stack(s -> e.logQ(s, true));
    Operand<TFloat32> logJoint = e.stack(e::logJoint);
    Operand<TFloat32> entropy = e.entropy();
    Operand<TFloat32> loss = tf.math.add(tf.math.neg(tf.math.add(tf.math.mean(logJoint, tf.constant(0)), entropy)), reg);
    Operand<TFloat32> surrogate = tf.math.add(tf.math.neg(tf.math.add(
        tf.math.mean(tf.math.mul(logQ, tf.stopGradient(logJoint)), tf.constant(0)), entropy)), reg);
    return scoreGradients(loss, surrogate, varList);
  }
}
