package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.GradientAndVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Variational inference with {@code KL(q(z; lambda) || p(z | x))}, Edward's {@code ed.KLqp}: it
 * maximizes the evidence lower bound {@code ELBO = E_q[log p(x, z) - log q(z; lambda)]} and, by
 * variational EM, also fits any model parameters {@code theta} of {@code p(x, z; theta)}.
 *
 * <p>The gradient estimator is chosen as Edward chooses it:
 *
 * <ul>
 *   <li>every approximation reparameterized and every pair with a closed-form {@code KL(q || p)}:
 *       the loss {@code -(E_q[log p(x | z)] - KL(q || p))} with the KL in closed form (Kingma and
 *       Welling, 2014);
 *   <li>every approximation reparameterized otherwise: the reparameterization gradient of {@code
 *       -ELBO} (Kingma and Welling, 2014);
 *   <li>otherwise the score-function gradient (Paisley et al., 2012; Ranganath et al., 2014) {@code
 *       -E_q[grad log q(z) (log p(x, z) - log q(z))]} for the variational parameters and the plain
 *       gradient of {@code -ELBO} for the model's. With {@code nSamples > 1}, each sample's learning
 *       signal is centred by the mean of the other samples' (a leave-one-out baseline, still
 *       unbiased); Edward uses Rao-Blackwellization instead.
 * </ul>
 *
 * <p>Each of {@code nSamples} samples copies q and the model ({@link org.edward4j.core.copy.GraphCopy})
 * under scope {@code inference/sample}. {@code scale} weights each variable's log-density terms
 * (and its closed-form KL term, so both estimators target the same objective; Edward leaves the
 * KL unweighted and offers {@code kl_scaling}); {@code klScaling[z]}, when given, replaces that
 * weight and is allowed only with the closed-form KL estimator, as in Edward. The loss adds every
 * regularization loss. The named variants ({@link ReparameterizationKLqp}, {@link
 * ReparameterizationKLKLqp}, {@link ReparameterizationEntropyKLqp}, {@link ScoreKLqp}, {@link
 * ScoreKLKLqp}, {@link ScoreEntropyKLqp}, {@link ScoreRBKLqp}) fix one estimator each.
 *
 * <p>From a list of latent variables ({@link #KLqp(List, Map)}) KLqp builds Edward's automatic
 * approximations: a Normal with a free location and a softplus scale per latent, on the
 * unconstrained space and pushed onto the latent's support; read them back from {@link
 * #latentVars()}.
 *
 * <pre>{@code
 * Normal mu = Normal.of(scope, 0.0, 1.0);
 * Normal x50 = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
 * Normal qmu = Normal.builder(scope).loc(qLoc).scale(tf.math.softplus(qScale)).build();
 * KLqp klqp = new KLqp(Map.of(mu, qmu), Map.of(x50, xData));
 * klqp.run(KLqpOptions.builder().nIter(500).nPrint(0).nSamples(5).build());
 * }</pre>
 */
public class KLqp extends VariationalInference<KLqpOptions> {


  /** How {@link KLqp} estimates the gradient. */
  public enum Estimator {
    /** Reparameterization gradient with a closed-form KL term. */
    REPARAMETERIZATION_ANALYTIC_KL,
    /** Reparameterization gradient of the whole ELBO. */
    REPARAMETERIZATION,
    /** Score-function gradient. */
    SCORE_FUNCTION
  }

  private final Estimator requested;
  private Estimator estimator;

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for keys or approximations that are not random variables, or
   *     mismatched dtypes and shapes
   */
  public KLqp(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
    this.requested = null;
  }

  /**
   * Creates the inference with Edward's automatic approximations, {@code ed.KLqp([z, beta], data)}:
   * each latent {@code z} gets {@code Normal(loc, softplus(scale))} with {@code loc} and {@code
   * scale} variables of {@code z}'s batch and event shape (one fewer entry on a simplex's last axis)
   * under scope {@code posterior}, initialized from a standard normal, and mapped onto {@code z}'s
   * support (softplus for positive, sigmoid for the unit interval, stick-breaking for the simplex).
   *
   * <pre>{@code
   * KLqp inference = new KLqp(List.of(z, beta), Map.of(x, xData));
   * inference.run(KLqpOptions.builder().nIter(1000).nPrint(0).nSamples(5).build());
   * Operand<TFloat32> posteriorMean = inference.approximation(z).mean(); // on z's support
   * }</pre>
   *
   * @param latentVars the latent variables, each of a known continuous support
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @throws IllegalArgumentException for an empty list, or a latent whose support is discrete or
   *     unknown (no automatic approximation), before any op is built
   */
  public KLqp(List<? extends RandomVariable<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(AutomaticApproximations.normals(latentVars, "KLqp"), data);
    this.requested = null;
  }

  /**
   * Creates the inference with a fixed estimator: Edward's {@code ReparameterizationKLKLqp}, {@code
   * ReparameterizationKLqp} and {@code ScoreKLqp}.
   *
   * @param latentVars latent variable to its approximation
   * @param data observed variable to its data, or to a random variable for conditional inference
   * @param estimator the gradient estimator; {@link #initialize} fails if the approximations do not
   *     allow it (not reparameterized, or no closed-form KL)
   */
  public KLqp(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data,
      Estimator estimator) {
    super(latentVars, data);
    this.requested = java.util.Objects.requireNonNull(estimator, "estimator");
  }

  @Override
  protected KLqpOptions defaultOptions() {
    return KLqpOptions.defaults();
  }

  /**
   * The estimator chosen at {@link #initialize}, or empty before.
   *
   * @return the estimator chosen at {@link #initialize}, or empty before
   */
  public Optional<Estimator> estimator() {
    return Optional.ofNullable(estimator);
  }

  @Override
  protected LossAndGradients buildLossAndGradients(KLqpOptions options, List<Variable<?>> varList) {
    Ops tf = tf();
    int nSamples = options.nSamples();
    Map<Operand<?>, Object> scale = options.variational().scale();
    estimator = chooseEstimator();
    ElboSamples.checkKlScaling(options, latentVars, estimator == Estimator.REPARAMETERIZATION_ANALYTIC_KL,
        "KLqp with the " + estimator + " estimator");
    VariableScope base = inferenceScope();
    List<Operand<TFloat32>> pLog = new ArrayList<>();
    List<Operand<TFloat32>> qLog = new ArrayList<>();
    for (int s = 0; s < nSamples; s++) {
      PosteriorSample sample = PosteriorSample.draw(ctx, latentVars, data, base.child("sample"), true);
      Operand<TFloat32> p = tf.constant(0f);
      Operand<TFloat32> q = tf.constant(0f);
      for (Operand<?> z : latentVars.keySet()) {
        RandomVariable<?> qz = sample.q(z);
        Operand<TFloat32> w = ModelTerms.scaleOf(tf, scale, z);
        RandomVariable<?> pz = sample.model(z);
        if (estimator == Estimator.REPARAMETERIZATION_ANALYTIC_KL) {
          Operand<TFloat32> klWeight = options.klScaling().containsKey(z)
              ? ModelTerms.scaleOf(tf, options.klScaling(), z) : w;
          q = tf.math.add(q, ModelTerms.total(tf, qz.klDivergence(pz).orElseThrow(), klWeight));
        } else {
          Operand<TFloat32> at = estimator == Estimator.SCORE_FUNCTION
              ? qz.logProb(tf.stopGradient(qz.value())) : qz.logProb(qz.value());
          q = tf.math.add(q, ModelTerms.total(tf, at, w));
          p = tf.math.add(p, ModelTerms.total(tf, pz.logProb(sample.numericValue(z)), w));
        }
      }
      for (Operand<?> x : data.keySet()) {
        RandomVariable<?> px = sample.model(x);
        p = tf.math.add(p, ModelTerms.total(tf, px.logProb(sample.numericValue(x)), ModelTerms.scaleOf(tf, scale, x)));
      }
      if (s == 0) {
        sample.checkEveryLatentBound("KLqp");
      }
      pLog.add(p);
      qLog.add(q);
    }
    Operand<TFloat32> reg = regularizationPenalty();
    // In the analytic case q holds the KL terms, so -(E[log p(x|z)] - KL) has the same form.
    Operand<TFloat32> elbo = tf.math.sub(ModelTerms.mean(tf, pLog), ModelTerms.mean(tf, qLog));
    Operand<TFloat32> loss = tf.math.add(tf.math.neg(elbo), reg);
    if (estimator != Estimator.SCORE_FUNCTION) {
      return new LossAndGradients(loss, gradients(loss, varList));
    }
    return scoreFunction(tf, loss, pLog, qLog, reg, varList);
  }

  private LossAndGradients scoreFunction(
      Ops tf, Operand<TFloat32> loss, List<Operand<TFloat32>> pLog, List<Operand<TFloat32>> qLog,
      Operand<TFloat32> reg, List<Variable<?>> varList) {
    int n = pLog.size();
    Operand<TFloat32> q = tf.stack(qLog);
    Operand<TFloat32> signal = tf.stopGradient(tf.math.sub(tf.stack(pLog), q));
    if (n > 1) {
      // Leave-one-out baseline: sample s is centred by the mean of the other n - 1 signals, which
      // do not depend on sample s, so the estimator stays unbiased.
      Operand<TFloat32> sum = tf.reduceSum(signal, tf.constant(0));
      Operand<TFloat32> others = tf.math.div(tf.math.sub(sum, signal), tf.constant((float) (n - 1)));
      signal = tf.math.sub(signal, others);
    }
    Operand<TFloat32> surrogate =
        tf.math.add(tf.math.neg(tf.math.mean(tf.math.mul(q, signal), tf.constant(0))), reg);
    List<Variable<?>> qVars = variationalVariables(varList);
    List<Variable<?>> pVars = new ArrayList<>(varList);
    pVars.removeAll(qVars);
    List<GradientAndVariable> grads = new ArrayList<>(gradients(surrogate, qVars));
    grads.addAll(gradients(loss, pVars));
    return new LossAndGradients(loss, grads);
  }

  private Estimator chooseEstimator() {
    boolean reparameterized = true;
    boolean analytic = !latentVars.isEmpty();
    for (Map.Entry<Operand<?>, Operand<?>> e : latentVars.entrySet()) {
      RandomVariable<?> z = (RandomVariable<?>) e.getKey();
      RandomVariable<?> qz = (RandomVariable<?>) e.getValue();
      reparameterized &= qz.isReparameterized();
      analytic = analytic && hasClosedFormKl(qz, z);
    }
    Estimator automatic = !reparameterized ? Estimator.SCORE_FUNCTION
        : analytic ? Estimator.REPARAMETERIZATION_ANALYTIC_KL : Estimator.REPARAMETERIZATION;
    if (requested == null || requested == Estimator.SCORE_FUNCTION) {
      return requested == null ? automatic : requested;
    }
    if (!reparameterized) {
      throw new IllegalArgumentException("the " + requested + " estimator needs reparameterized approximations; "
          + "use SCORE_FUNCTION for discrete or non-reparameterized ones");
    }
    if (requested == Estimator.REPARAMETERIZATION_ANALYTIC_KL && !analytic) {
      throw new IllegalArgumentException("the " + requested + " estimator needs a closed-form KL(q || p) for every "
          + "latent variable; use REPARAMETERIZATION");
    }
    return requested;
  }

  private static boolean hasClosedFormKl(RandomVariable<?> qz, RandomVariable<?> z) {
    try {
      return qz.klDivergence(z).isPresent();
    } catch (IllegalArgumentException batchShapesDiffer) {
      // A pair whose batch shapes do not line up (e.g. a point mass over a whole vector) still has
      // a Monte Carlo KL; only the closed form is unavailable.
      return false;
    }
  }
}
