package org.edward4j.examples.variational;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.inferences.VariationalFamilyOptions;
import org.edward4j.inferences.VariationalInference;
import org.edward4j.inferences.VariationalOptions;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Importance-weighted variational inference (Burda et al., 2016), written as a user's subclass of
 * {@link VariationalInference} with only its public and protected API: Edward's {@code
 * examples/iwvi.py}, and the class docs/PORTING.md shows under "Writing your own inference".
 *
 * <p>The loss is a stochastic estimate of {@code -E[log (1/K) sum_k p(x, z_k) / q(z_k)]}, {@code
 * z_1..z_K ~ q}, a lower bound on {@code log p(x)} that tightens as {@code K} grows; its gradient
 * is the reparameterization gradient. Each importance sample copies {@code q} (Edward's {@code
 * copy(qz)}) to draw {@code z_k}, then copies the model with {@code z} swapped for {@code z_k} and
 * each observed variable for its data.
 */
public class Iwvi extends VariationalInference<Iwvi.Options> {

  /**
   * The options: the variational ones and Edward's {@code K}, the number of importance samples.
   *
   * @param variational optimizer, varList, scale, run options
   * @param k importance samples per estimate, at least 1
   */
  public record Options(VariationalOptions variational, int k) implements VariationalFamilyOptions {
    /**
     * Checks {@code k}.
     *
     * @throws IllegalArgumentException for {@code k < 1}
     */
    public Options {
      if (k < 1) {
        throw new IllegalArgumentException("`k` must be at least 1, got " + k);
      }
    }
  }

  /**
   * Creates the inference.
   *
   * @param latentVars latent variable to its reparameterized approximation
   * @param data observed variable to its data
   */
  public Iwvi(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
  }

  @Override
  protected Options defaultOptions() {
    return new Options(VariationalOptions.defaults(), 5);
  }

  @Override
  @SuppressWarnings("unchecked")
  protected LossAndGradients buildLossAndGradients(Options options, List<Variable<?>> varList) {
    Ops tf = tf();
    VariableScope scope = inferenceScope();
    List<RandomVariable<?>> approximations = new ArrayList<>();
    List<RandomVariable<?>> model = new ArrayList<>();
    latentVars.forEach((z, qz) -> {
      model.add((RandomVariable<?>) z);
      approximations.add((RandomVariable<?>) qz);
    });
    data.keySet().forEach(x -> model.add((RandomVariable<?>) x));
    List<Operand<TFloat32>> logW = new ArrayList<>();
    for (int k = 0; k < options.k(); k++) {
      VariableScope sample = scope.child("sample_" + k);
      // Copy q(z) to draw a new posterior sample, as Edward's copy(qz, scope=scope).
      GraphCopy q = GraphCopy.builder(ctx).scope(sample.child("q")).randomVariables(approximations).build();
      Map<Operand<?>, Operand<?>> zSample = new LinkedHashMap<>();
      Operand<TFloat32> qLogProb = tf.constant(0f);
      for (Map.Entry<Operand<?>, Operand<?>> e : latentVars.entrySet()) {
        RandomVariable<?> qzCopy = q.copy((RandomVariable<?>) e.getValue());
        zSample.put(e.getKey(), qzCopy.value());
        qLogProb = tf.math.add(qLogProb, total(tf, qzCopy.logProb(qzCopy.value())));
      }
      // Copy p(x, z), swapping each latent variable for its sample and each observed one for its data.
      GraphCopy p = GraphCopy.builder(ctx).scope(sample.child("p")).randomVariables(model)
          .swapAll(zSample).swapAll(data).build();
      Operand<TFloat32> pLogProb = tf.constant(0f);
      for (Operand<?> z : latentVars.keySet()) {
        Operand<? extends TNumber> at = (Operand<? extends TNumber>) zSample.get(z);
        pLogProb = tf.math.add(pLogProb, total(tf, p.copy((RandomVariable<?>) z).logProb(at)));
      }
      for (Map.Entry<Operand<?>, Operand<?>> e : data.entrySet()) {
        Operand<? extends TNumber> xData = (Operand<? extends TNumber>) e.getValue();
        pLogProb = tf.math.add(pLogProb, total(tf, p.copy((RandomVariable<?>) e.getKey()).logProb(xData)));
      }
      logW.add(tf.math.sub(pLogProb, qLogProb));
    }
    Operand<TFloat32> loss = tf.math.neg(logMeanExp(tf, tf.stack(logW)));
    return new LossAndGradients(loss, gradients(loss, varList));
  }

  /** {@code log (1/K) sum_k exp(w_k)}, shifted by the maximum (held constant) for stability. */
  private static Operand<TFloat32> logMeanExp(Ops tf, Operand<TFloat32> w) {
    Operand<TFloat32> max = tf.stopGradient(tf.reduceMax(w, tf.constant(0)));
    Operand<TFloat32> mean = tf.math.mean(tf.math.exp(tf.math.sub(w, max)), tf.constant(0));
    return tf.math.add(max, tf.math.log(mean));
  }

  /** The sum of every entry, Edward's {@code tf.reduce_sum}. */
  private static Operand<TFloat32> total(Ops tf, Operand<TFloat32> x) {
    return tf.reduceSum(x, tf.range(tf.constant(0), tf.rank(x), tf.constant(1)));
  }
}
