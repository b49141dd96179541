package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The {@code n_samples} posterior samples one KLqp-family loss is built from, and the terms of the
 * evidence lower bound at each: Edward's loop body of every {@code build_*_loss_and_gradients} of
 * {@code klqp.py}, written once so that each named estimator only composes terms.
 *
 * <p>Every term is a float32 scalar summed over all axes and weighted as Edward weights it: {@code
 * scale[key]} for log densities and entropies, {@code klScaling[z]} (or else {@code scale[z]}) for
 * closed-form KL terms. Terms are built on request, so an estimator builds only what it uses.
 */
final class ElboSamples {

  private final Ops tf;
  private final Map<Operand<?>, Operand<?>> latentVars;
  private final Map<Operand<?>, Operand<?>> data;
  private final Map<Operand<?>, Object> scale;
  private final Map<Operand<?>, Object> klScaling;
  private final List<PosteriorSample> samples = new ArrayList<>();

  private ElboSamples(
      ModelContext ctx,
      Map<Operand<?>, Operand<?>> latentVars,
      Map<Operand<?>, Operand<?>> data,
      VariableScope base,
      Map<Operand<?>, Object> scale,
      int nSamples,
      Map<Operand<?>, Object> klScaling,
      String inference) {
    this.tf = ctx.opsAt("");
    this.latentVars = latentVars;
    this.data = data;
    this.scale = scale;
    this.klScaling = klScaling;
    for (int s = 0; s < nSamples; s++) {
      PosteriorSample sample = PosteriorSample.draw(ctx, latentVars, data, base.child("sample"), true);
      if (s == 0) {
        sample.checkEveryLatentBound(inference);
      }
      samples.add(sample);
    }
  }

  /**
   * Draws {@code options.nSamples()} samples of q under {@code base/sample} and copies the model at
   * each.
   *
   * @param inference the inference's name, for messages
   * @throws IllegalArgumentException if the model has a latent variable without an approximation
   */
  static ElboSamples draw(
      ModelContext ctx,
      Map<Operand<?>, Operand<?>> latentVars,
      Map<Operand<?>, Operand<?>> data,
      VariableScope base,
      KLqpOptions options,
      String inference) {
    return new ElboSamples(ctx, latentVars, data, base, options.variational().scale(), options.nSamples(),
        options.klScaling(), inference);
  }

  /** Draws {@code nSamples} samples for an estimator without KL terms ({@link KLpq}). */
  static ElboSamples draw(
      ModelContext ctx,
      Map<Operand<?>, Operand<?>> latentVars,
      Map<Operand<?>, Operand<?>> data,
      VariableScope base,
      Map<Operand<?>, Object> scale,
      int nSamples,
      String inference) {
    return new ElboSamples(ctx, latentVars, data, base, scale, nSamples, Map.of(), inference);
  }

  /**
   * Fails unless every {@code klScaling} key is a latent variable of {@code latentVars}, and, when
   * {@code allowed} is false, unless {@code klScaling} is empty.
   */
  static void checkKlScaling(KLqpOptions options, Map<Operand<?>, Operand<?>> latentVars, boolean allowed, String inference) {
    for (Operand<?> k : options.klScaling().keySet()) {
      if (!latentVars.containsKey(k)) {
        throw new IllegalArgumentException("`klScaling` key " + InferenceData.name(k)
            + " is not a latent variable in `latentVars`");
      }
    }
    if (!allowed && !options.klScaling().isEmpty()) {
      throw new IllegalArgumentException("`klScaling` must be empty for " + inference
          + ", whose loss has no closed-form KL term to weigh; got " + options.klScaling().size() + " weight(s)");
    }
  }

  /** Fails unless every approximation is reparameterized. */
  static void checkReparameterized(Map<Operand<?>, Operand<?>> latentVars, String inference) {
    latentVars.forEach((z, qz) -> {
      RandomVariable<?> q = (RandomVariable<?>) qz;
      if (!q.isReparameterized()) {
        throw new IllegalArgumentException(inference + " needs reparameterized approximations, but "
            + ((RandomVariable<?>) z).name() + " is bound to the " + q.distributionName() + " " + q.name()
            + ", which is not; use a score-function estimator (ScoreKLqp, ScoreRBKLqp)");
      }
    });
  }

  /**
   * Whether {@code KL(qz || z)} has a closed form; a pair whose batch shapes do not line up still
   * has a Monte Carlo KL, only not a closed form.
   */
  static boolean hasClosedFormKl(RandomVariable<?> qz, RandomVariable<?> z) {
    try {
      return qz.klDivergence(z).isPresent();
    } catch (IllegalArgumentException batchShapesDiffer) {
      return false;
    }
  }

  /** Fails unless every pair {@code (z, q(z))} has a closed-form KL. */
  static void checkClosedFormKl(Map<Operand<?>, Operand<?>> latentVars, String inference) {
    latentVars.forEach((z, qz) -> {
      RandomVariable<?> p = (RandomVariable<?>) z;
      RandomVariable<?> q = (RandomVariable<?>) qz;
      if (!hasClosedFormKl(q, p)) {
        throw new IllegalArgumentException(inference + " needs a closed-form KL(q || p) for every latent variable, "
            + "but there is none from the " + q.distributionName() + " " + q.name() + " to the "
            + p.distributionName() + " " + p.name() + "; use an estimator without a KL term");
      }
    });
  }

  /** The number of samples. */
  int size() {
    return samples.size();
  }

  /** The samples' model copies, for estimators that need more than the sums. */
  PosteriorSample sample(int s) {
    return samples.get(s);
  }

  /**
   * {@code scale[z] * log q(z_s)} of one latent variable; with {@code stopSample} the sample is a
   * constant (score-function estimators), otherwise the density is differentiated through it.
   */
  Operand<TFloat32> logQ(int s, Operand<?> z, boolean stopSample) {
    RandomVariable<?> q = samples.get(s).q(z);
    Operand<TFloat32> at = stopSample ? q.logProb(tf.stopGradient(q.value())) : q.logProb(q.value());
    return ModelTerms.total(tf, at, ModelTerms.scaleOf(tf, scale, z));
  }

  /** {@code scale[key] * log p(key_s | parents_s)} of one latent or observed variable. */
  Operand<TFloat32> logP(int s, Operand<?> key) {
    PosteriorSample sample = samples.get(s);
    return ModelTerms.total(tf, sample.model(key).logProb(sample.numericValue(key)), ModelTerms.scaleOf(tf, scale, key));
  }

  /** {@code sum_z scale[z] log q(z_s)}. */
  Operand<TFloat32> logQ(int s, boolean stopSample) {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Operand<?> z : latentVars.keySet()) {
      sum = tf.math.add(sum, logQ(s, z, stopSample));
    }
    return sum;
  }

  /** {@code sum_z scale[z] log p(z_s | parents_s)}: the prior part of the log joint. */
  Operand<TFloat32> logPrior(int s) {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Operand<?> z : latentVars.keySet()) {
      sum = tf.math.add(sum, logP(s, z));
    }
    return sum;
  }

  /** {@code sum_x scale[x] log p(x | z_s)}: the log likelihood. */
  Operand<TFloat32> logLikelihood(int s) {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Operand<?> x : data.keySet()) {
      sum = tf.math.add(sum, logP(s, x));
    }
    return sum;
  }

  /** {@code log p(x, z_s)}: prior and likelihood. */
  Operand<TFloat32> logJoint(int s) {
    return tf.math.add(logPrior(s), logLikelihood(s));
  }

  /**
   * {@code sum_z w_z KL(q(z) || p(z | parents_s))} in closed form, with {@code w_z = klScaling[z]},
   * else {@code scale[z]}, else 1. The model's copy at sample {@code s} is used, so a prior whose
   * parameters are other latent variables is evaluated at their sampled values.
   */
  Operand<TFloat32> klPenalty(int s) {
    Operand<TFloat32> sum = tf.constant(0f);
    PosteriorSample sample = samples.get(s);
    for (Operand<?> z : latentVars.keySet()) {
      Operand<TFloat32> w = klScaling.containsKey(z)
          ? ModelTerms.scaleOf(tf, klScaling, z) : ModelTerms.scaleOf(tf, scale, z);
      sum = tf.math.add(sum, ModelTerms.total(tf, sample.q(z).klDivergence(sample.model(z)).orElseThrow(), w));
    }
    return sum;
  }

  /** {@code sum_z scale[z] H(q(z))} in closed form. */
  Operand<TFloat32> entropy() {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Map.Entry<Operand<?>, Operand<?>> e : latentVars.entrySet()) {
      Operand<TFloat32> h = ((RandomVariable<?>) e.getValue()).entropy();
      sum = tf.math.add(sum, ModelTerms.total(tf, h, ModelTerms.scaleOf(tf, scale, e.getKey())));
    }
    return sum;
  }

  /** The mean over samples of {@code term(s)}. */
  Operand<TFloat32> mean(java.util.function.IntFunction<Operand<TFloat32>> term) {
    return tf.math.mean(stack(term), tf.constant(0));
  }

  /** The terms of every sample, stacked: shape {@code [nSamples]}. */
  Operand<TFloat32> stack(java.util.function.IntFunction<Operand<TFloat32>> term) {
    List<Operand<TFloat32>> terms = new ArrayList<>();
    for (int s = 0; s < samples.size(); s++) {
      terms.add(term.apply(s));
    }
    return tf.stack(terms);
  }
}
