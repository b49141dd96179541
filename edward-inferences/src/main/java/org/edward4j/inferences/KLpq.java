package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.GradientAndVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Variational inference with the inclusive divergence {@code KL(p(z | x) || q(z; lambda))}, Edward's
 * {@code ed.KLpq}, by self-normalized importance sampling with q as the proposal (Oh and Berger,
 * 1992; Edward's docs).
 *
 * <p>For {@code z_s ~ q(z; lambda)}, {@code s = 1..S}, the log weights are {@code log w_s = log p(x,
 * z_s) - log q(z_s; lambda)} and the normalized weights {@code w~_s = w_s / sum_t w_t}. The loss
 * reported is {@code sum_s w~_s log w_s}, and q moves along {@code -sum_s w~_s grad log q(z_s;
 * lambda)} with the weights held constant: the gradient of {@code -E_p[log q(z)]}, hence of the KL.
 * Model parameters {@code theta} of {@code p(x, z; theta)} are fitted by variational EM, along
 * {@code -sum_s w~_s grad log p(x, z_s; theta)}, the gradient of {@code -E_{p(z | x)}[log p(x, z;
 * theta)]} as Edward's docs state (Edward's code differentiates the loss through the weights too,
 * and subtracts the regularization from the reported loss while adding it to the gradient; this
 * class follows the docs and adds it to both).
 *
 * <p>No reparameterization is needed, so discrete approximations work. {@code scale} weighs each log
 * density (Edward's {@code KLpq} ignores {@code scale}; weighing keeps minibatch training consistent
 * with {@link KLqp}). The estimator is biased for finite S (self-normalization) but exact at the
 * optimum when q contains the posterior, where all weights are equal. Limits: no automatic
 * approximations from a list of latent variables.
 *
 * <pre>{@code
 * KLpq inference = new KLpq(Map.of(mu, qmu), Map.of(x50, xData));
 * inference.run(KLpqOptions.builder().nIter(500).nPrint(0).nSamples(25).build());
 * }</pre>
 */
public class KLpq extends VariationalInference<KLpqOptions> {

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public KLpq(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
  }

  @Override
  protected KLpqOptions defaultOptions() {
    return KLpqOptions.defaults();
  }

  @Override
  protected LossAndGradients buildLossAndGradients(KLpqOptions options, List<Variable<?>> varList) {
    Ops tf = tf();
    ElboSamples e = ElboSamples.draw(ctx, latentVars, data, inferenceScope(), options.variational().scale(),
        options.nSamples(), "KLpq");
    Operand<TFloat32> logP = e.stack(e::logJoint);
    Operand<TFloat32> logQ = e.stack(s -> e.logQ(s, true));
    Operand<TFloat32> logW = tf.math.sub(logP, logQ);
    // Softmax of a vector is exp(log w - logsumexp(log w)), stable for weights far below 1.
    Operand<TFloat32> weights = tf.stopGradient(tf.nn.softmax(logW));
    Operand<TFloat32> reg = regularizationPenalty();
    Operand<TInt32> zero = tf.constant(0);
    Operand<TFloat32> loss = tf.math.add(tf.reduceSum(tf.math.mul(weights, logW), zero), reg);
    Operand<TFloat32> qSurrogate = tf.math.add(tf.math.neg(tf.reduceSum(tf.math.mul(weights, logQ), zero)), reg);
    Operand<TFloat32> pSurrogate = tf.math.add(tf.math.neg(tf.reduceSum(tf.math.mul(weights, logP), zero)), reg);
    List<Variable<?>> qVars = variationalVariables(varList);
    List<Variable<?>> pVars = new ArrayList<>(varList);
    pVars.removeAll(qVars);
    List<GradientAndVariable> grads = new ArrayList<>(gradients(qSurrogate, qVars));
    grads.addAll(gradients(pSurrogate, pVars));
    return new LossAndGradients(loss, grads);
  }
}
