package org.edward4j.inferences;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.GradientAndVariable;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code KL(q || p)} variational inference with the Rao-Blackwellized score-function gradient,
 * Edward's {@code ed.ScoreRBKLqp} (Ranganath et al., 2014, black box variational inference): each
 * variational parameter {@code lambda_i} moves along
 *
 * <pre>{@code -(1/S) sum_s grad log q_i(z_s) (log p_i(x, z_s) - log q_i(z_s))}</pre>
 *
 * <p>where {@code q_i} holds the factors of q that depend on {@code lambda_i} (and the factors of q
 * whose parameters depend on their draws) and {@code log p_i} only the terms of the log joint that
 * contain those latent variables: each one's own {@code log p(z | parents)} and its children's. The
 * terms left out do not depend on the factor's draw, so the estimator stays unbiased with less
 * variance. Model parameters move along the gradient of the {@code -ELBO} estimate.
 *
 * <p>Edward's code differs from the paper in two places, and this class follows the paper: Edward's
 * {@code p_log_probs = [{}] * n_samples} makes every sample share one dictionary, so with {@code
 * nSamples > 1} every term is that of the last sample; and Edward's {@code log p_i} sums the whole
 * Markov blanket's log densities (parents and co-parents too), which adds terms that do not depend on
 * {@code z_i}, hence variance and no information. {@code scale} weighs each log density; {@code
 * klScaling} must be empty; every surrogate and the loss add every regularization loss.
 *
 * <pre>{@code
 * ScoreRBKLqp inference = new ScoreRBKLqp(Map.of(mu, qmu), Map.of(x50, xData));
 * inference.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(10).build());
 * }</pre>
 */
public class ScoreRBKLqp extends KLqpVariant {

  private static final String NAME = "ScoreRBKLqp";

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public ScoreRBKLqp(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data, NAME, Requires.NOTHING);
  }

  @Override
  LossAndGradients estimator(ElboSamples e, Operand<TFloat32> reg, List<Variable<?>> varList) {
    Ops tf = tf();
    Operand<TFloat32> loss = tf.math.add(
        tf.math.neg(tf.math.sub(e.mean(e::logJoint), e.mean(s -> e.logQ(s, true)))), reg);
    List<Operand<?>> modelVars = new ArrayList<>(latentVars.keySet());
    modelVars.addAll(data.keySet());
    List<Variable<?>> qVars = variationalVariables(varList);
    List<GradientAndVariable> grads = new ArrayList<>();
    for (Variable<?> v : qVars) {
      Set<Operand<?>> factors = new LinkedHashSet<>();
      latentVars.forEach((z, qz) -> {
        if (!dependencies((RandomVariable<?>) qz, List.of(v)).isEmpty()) {
          factors.add(z);
        }
      });
      Set<Operand<?>> pTerms = new LinkedHashSet<>(factors);
      Set<Operand<?>> qTerms = new LinkedHashSet<>(factors);
      for (Operand<?> z : factors) {
        pTerms.addAll(children(z, modelVars, k -> (RandomVariable<?>) k));
        qTerms.addAll(children(latentVars.get(z), new ArrayList<>(latentVars.keySet()),
            k -> (RandomVariable<?>) latentVars.get(k)));
      }
      Operand<TFloat32> pi = e.stack(s -> sum(tf, pTerms, k -> e.logP(s, k)));
      Operand<TFloat32> qi = e.stack(s -> sum(tf, qTerms, k -> e.logQ(s, k, true)));
      Operand<TFloat32> surrogate = tf.math.add(tf.math.neg(tf.math.mean(
          tf.math.mul(qi, tf.stopGradient(tf.math.sub(pi, qi))), tf.constant(0))), reg);
      grads.addAll(gradients(surrogate, List.of(v)));
    }
    List<Variable<?>> pVars = new ArrayList<>(varList);
    pVars.removeAll(qVars);
    grads.addAll(gradients(loss, pVars));
    return new LossAndGradients(loss, grads);
  }

  private static Operand<TFloat32> sum(Ops tf, Set<Operand<?>> keys, java.util.function.Function<Operand<?>, Operand<TFloat32>> term) {
    Operand<TFloat32> out = tf.constant(0f);
    for (Operand<?> k : keys) {
      out = tf.math.add(out, term.apply(k));
    }
    return out;
  }

  /**
   * The keys among {@code candidates} whose random variable's parameters depend on {@code parent}'s
   * draw: a walk back from each candidate's parameters through op inputs.
   */
  private static List<Operand<?>> children(
      Operand<?> parent, List<Operand<?>> candidates, java.util.function.Function<Operand<?>, RandomVariable<?>> rvOf) {
    GraphOperation target = (GraphOperation) ((RandomVariable<?>) parent).value().op();
    List<Operand<?>> out = new ArrayList<>();
    for (Operand<?> c : candidates) {
      RandomVariable<?> rv = rvOf.apply(c);
      if (rv == parent) {
        continue;
      }
      Deque<GraphOperation> todo = new ArrayDeque<>();
      rv.parameters().values().forEach(p -> todo.add((GraphOperation) p.op()));
      Set<String> seen = new HashSet<>();
      boolean found = false;
      while (!todo.isEmpty() && !found) {
        GraphOperation op = todo.pop();
        if (!seen.add(op.name())) {
          continue;
        }
        found = op.name().equals(target.name());
        for (int i = 0; i < op.numInputs(); i++) {
          todo.add((GraphOperation) op.input(i).op());
        }
      }
      if (found) {
        out.add(c);
      }
    }
    return out;
  }
}
