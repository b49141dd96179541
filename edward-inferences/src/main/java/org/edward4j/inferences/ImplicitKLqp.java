package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Reuse;
import org.edward4j.core.copy.GraphCopy;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Variational inference with implicit probabilistic models, Edward's {@code ed.ImplicitKLqp} (Tran,
 * Ranganath and Blei, 2017, "Hierarchical implicit models and likelihood-free variational
 * inference"): {@code KL(q || p)} where the local densities need not be known, only sampled.
 *
 * <p>The model is {@code p(x, z, beta) = p(beta) prod_n p(x_n | z_n, beta) p(z_n | beta)} with
 * local latent variables {@code z} and global ones {@code beta} ({@code globalVars}, a subset of
 * {@code latentVars}). The variational side minimizes
 *
 * <pre>{@code -(E_q(beta)[log p(beta) - log q(beta)] + sum_n E_q[r(x_n, z_n, beta)])}</pre>
 *
 * <p>(reparameterization gradients), where the ratio estimator {@code r} ({@link RatioEstimator},
 * Edward's {@code discriminator}) is trained with {@link RatioLoss} to tell samples of the model,
 * {@code z' ~ p(z | beta)}, {@code x' ~ p(x | z', beta)}, from the data with {@code z ~ q(z | x,
 * beta)}, so that it estimates {@code log p(x_n, z_n | beta) - log q(x_n, z_n | beta)}. Global
 * variables need {@code logProb}; local and observed ones only sampling. Each {@code update} trains
 * both sides in one run ({@code Side.GEN} or {@code Side.DISC} trains one, as in Edward's script,
 * which runs five ratio-estimator steps per variational step).
 *
 * <p>Edward's code draws the model's {@code x'} with the local variables swapped for q's samples
 * {@code z ~ q} while giving the estimator the prior samples {@code z'}, so its "model" pairs are
 * not samples of {@code p(x, z | beta)}; this class follows the paper and draws {@code x'} given
 * {@code z'}. With no local variables (Edward's Bayesian linear regression) both agree. {@code
 * scale} with one entry multiplies the estimated ratio; with several (Edward's per-key form) the
 * estimator is a {@link KeyedRatioEstimator} built through {@link #keyed}, each key's output is
 * weighted by its entry and the ratio losses are summed over the keys. The ratio loss is a {@link
 * RatioLoss} or the user's own {@link RatioLossFunction}, averaged over its elements. The
 * variational loss adds the regularization losses outside {@code Disc}, the ratio loss those inside.
 *
 * <pre>{@code
 * ImplicitKLqp inference = new ImplicitKLqp(Map.of(w, qw), Map.of(y, yPh), ratio, Map.of(w, qw));
 * inference.initialize(ImplicitKLqpOptions.builder().nIter(5000).scale(Map.of(y, 10.0)).build());
 * }</pre>
 */
public class ImplicitKLqp extends Inference<ImplicitKLqpOptions> {

  /** The key of a single (not keyed) estimator's output. */
  private static final Object SINGLE = "the ratio estimator's output";

  private final RatioEstimator discriminator;
  private final KeyedRatioEstimator keyedDiscriminator;
  private final Map<Operand<?>, Operand<?>> globalVars;

  /**
   * Creates the inference with no global variables; nothing is built until {@link #initialize}.
   *
   * @param latentVars local latent variable to its approximation
   * @param data observed variable to its data
   * @param discriminator the ratio estimator
   * @throws IllegalArgumentException for maps that are not random variables of matching shapes
   */
  public ImplicitKLqp(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data,
      RatioEstimator discriminator) {
    this(latentVars, data, discriminator, Map.of());
  }

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars latent variable (local or global) to its approximation
   * @param data observed variable to its data
   * @param discriminator the ratio estimator
   * @param globalVars the global latent variables, each bound to its approximation in {@code
   *     latentVars} too
   * @throws IllegalArgumentException for maps that are not random variables of matching shapes, or
   *     a global variable missing from {@code latentVars}
   */
  public ImplicitKLqp(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data,
      RatioEstimator discriminator,
      Map<? extends Operand<?>, ? extends Operand<?>> globalVars) {
    this(latentVars, data, Objects.requireNonNull(discriminator, "discriminator"), null, globalVars);
  }

  /**
   * Creates the inference with a ratio estimator that gives one output per key, for Edward's
   * per-key {@code scale}; nothing is built until {@link #initialize}. A factory rather than a
   * constructor, so that a lambda passed to the constructors stays unambiguous.
   *
   * <pre>{@code
   * ImplicitKLqp inference = ImplicitKLqp.keyed(Map.of(z1, qz1, z2, qz2), Map.of(), ratio, Map.of());
   * inference.initialize(ImplicitKLqpOptions.builder().scale(Map.of(z1, 2.0, z2, 3.0)).build());
   * }</pre>
   *
   * @param latentVars latent variable (local or global) to its approximation
   * @param data observed variable to its data
   * @param discriminator the ratio estimator, one output per key of {@code scale}
   * @param globalVars the global latent variables, each bound to its approximation in {@code
   *     latentVars} too
   * @return the inference
   * @throws IllegalArgumentException as the constructors
   */
  public static ImplicitKLqp keyed(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data,
      KeyedRatioEstimator discriminator,
      Map<? extends Operand<?>, ? extends Operand<?>> globalVars) {
    return new ImplicitKLqp(latentVars, data, null, Objects.requireNonNull(discriminator, "discriminator"), globalVars);
  }

  private ImplicitKLqp(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data,
      RatioEstimator discriminator,
      KeyedRatioEstimator keyedDiscriminator,
      Map<? extends Operand<?>, ? extends Operand<?>> globalVars) {
    super(latentVars, data);
    this.discriminator = discriminator;
    this.keyedDiscriminator = keyedDiscriminator;
    ModelTerms.checkMaps(this.latentVars, this.data);
    Map<Operand<?>, Operand<?>> g = new LinkedHashMap<>();
    Objects.requireNonNull(globalVars, "globalVars").forEach((beta, qbeta) -> {
      if (this.latentVars.get(beta) != qbeta) {
        throw new IllegalArgumentException("`globalVars` must bind each global variable to its approximation in "
            + "`latentVars`, but " + InferenceData.name(beta) + " is bound to " + InferenceData.name(qbeta)
            + " there and to " + InferenceData.name(this.latentVars.get(beta)) + " in `latentVars`");
      }
      g.put(beta, qbeta);
    });
    this.globalVars = Collections.unmodifiableMap(g);
  }

  @Override
  protected ImplicitKLqpOptions defaultOptions() {
    return ImplicitKLqpOptions.defaults();
  }

  @Override
  protected void build(ImplicitKLqpOptions options) {
    ModelTerms.checkScaleKeys(options.scale(), latentVars, data);
    if (keyedDiscriminator == null && options.scale().size() > 1) {
      throw new IllegalArgumentException("`scale` has " + options.scale().size() + " entries, so the ratio estimator "
          + "must give one output per key (Edward's dictionary): build the inference with ImplicitKLqp.keyed and a "
          + "KeyedRatioEstimator");
    }
    Ops tf = ctx.opsAt("");
    Operand<TFloat32> pBeta = tf.constant(0f);
    Operand<TFloat32> qBeta = tf.constant(0f);
    Map<Operand<?>, Operand<?>> betaSample = new LinkedHashMap<>();
    List<RandomVariable<?>> model = new ArrayList<>();
    GraphCopy.Builder p = GraphCopy.builder(ctx).scope(ctx.scope("inference"));
    for (Map.Entry<Operand<?>, Operand<?>> e : globalVars.entrySet()) {
      RandomVariable<?> beta = (RandomVariable<?>) e.getKey();
      RandomVariable<?> qbeta = (RandomVariable<?>) e.getValue();
      Operand<?> sample = qbeta.value();
      betaSample.put(beta, sample);
      p.swap(beta, sample);
      pBeta = tf.math.add(pBeta, ModelTerms.total(tf, beta.logProb(ModelTerms.numeric(sample)), null));
      qBeta = tf.math.add(qBeta, ModelTerms.total(tf, qbeta.logProb(ModelTerms.numeric(sample)), null));
    }
    latentVars.keySet().forEach(z -> model.add((RandomVariable<?>) z));
    data.keySet().forEach(x -> model.add((RandomVariable<?>) x));
    GraphCopy copy = p.randomVariables(model).build();
    Map<Operand<?>, Operand<?>> zP = new LinkedHashMap<>();
    Map<Operand<?>, Operand<?>> zQ = new LinkedHashMap<>();
    latentVars.forEach((z, qz) -> {
      if (!globalVars.containsKey(z)) {
        zP.put(z, copy.copy((RandomVariable<?>) z).value());
        zQ.put(z, ((RandomVariable<?>) qz).value());
      }
    });
    Map<Operand<?>, Operand<?>> xP = new LinkedHashMap<>();
    data.keySet().forEach(x -> xP.put(x, copy.copy((RandomVariable<?>) x).value()));
    Map<Object, Operand<TFloat32>> rP = ratios(xP, zP, betaSample, Reuse.AUTO_REUSE);
    Map<Object, Operand<TFloat32>> rQ = ratios(data, zQ, betaSample, Reuse.REUSE);
    if (!rP.keySet().equals(rQ.keySet())) {
      throw new IllegalArgumentException("`discriminator` must return the same keys on both calls, got "
          + names(rP.keySet()) + " and " + names(rQ.keySet()));
    }
    // Edward: with at most one scale entry, the single output weighted by it; with several, each
    // key's output weighted by its entry, the ratio losses summed over the keys.
    List<Object> keys = keyedDiscriminator == null || options.scale().isEmpty()
        ? new ArrayList<>(rQ.keySet()) : new ArrayList<>(options.scale().keySet());
    Operand<TFloat32> scaledRatio = tf.constant(0f);
    Operand<TFloat32> ratioLoss = tf.constant(0f);
    List<Operand<TFloat32>> histogram = new ArrayList<>();
    for (Object key : keys) {
      if (!rQ.containsKey(key)) {
        throw new IllegalArgumentException("`discriminator` must return an output for every key of `scale`, "
            + "but has none for " + names(List.of(key)) + " (it returned " + names(rQ.keySet()) + ")");
      }
      Operand<?> scaleKey = key == SINGLE ? null : (Operand<?>) key;
      if (key == SINGLE && !options.scale().isEmpty()) {
        scaleKey = options.scale().keySet().iterator().next();
      }
      Operand<TFloat32> weight = scaleKey == null || !options.scale().containsKey(scaleKey) ? null
          : ModelTerms.scaleOf(tf, options.scale(), scaleKey);
      scaledRatio = tf.math.add(scaledRatio, ModelTerms.total(tf, rQ.get(key), weight));
      ratioLoss = tf.math.add(ratioLoss, AdversarialLosses.mean(tf, options.ratioLoss().pointwise(tf, rP.get(key), rQ.get(key))));
      histogram.add(flat(tf, rP.get(key)));
      histogram.add(flat(tf, rQ.get(key)));
    }
    Operand<TFloat32> loss = tf.math.add(
        tf.math.neg(tf.math.add(tf.math.sub(pBeta, qBeta), scaledRatio)),
        AdversarialLosses.sum(tf, AdversarialSetup.regularizationOutsideDisc(ctx)));
    Operand<TFloat32> lossD = tf.math.add(ratioLoss,
        AdversarialLosses.sum(tf, ctx.collections().regularizationLosses(AdversarialSetup.DISC)));
    logHistogram("ratio_estimates", tf.concat(histogram, tf.constant(0)));
    AdversarialSetup.addSteps(this, ctx, options.adversarial(), loss, AdversarialSetup.allButDisc(ctx, options.adversarial()),
        AdversarialSetup.updateOpsOutsideDisc(ctx), lossD, null);
  }

  /**
   * The estimator's outputs under {@code Disc} by key; a single estimator's output under the key
   * {@link #SINGLE}.
   */
  private Map<Object, Operand<TFloat32>> ratios(Map<Operand<?>, Operand<?>> x, Map<Operand<?>, Operand<?>> z,
      Map<Operand<?>, Operand<?>> beta, Reuse reuse) {
    Map<Object, Operand<TFloat32>> out = new LinkedHashMap<>();
    if (keyedDiscriminator == null) {
      Operand<TFloat32> r = discriminator.apply(ctx.scope(AdversarialSetup.DISC, reuse), x, z, beta);
      if (r == null) {
        throw new IllegalArgumentException("`discriminator` returned null");
      }
      out.put(SINGLE, r);
      return out;
    }
    Map<Operand<?>, Operand<TFloat32>> keyed = keyedDiscriminator.apply(ctx.scope(AdversarialSetup.DISC, reuse), x, z, beta);
    if (keyed == null || keyed.isEmpty() || keyed.values().stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("`discriminator` must return one or more non-null outputs, got " + keyed);
    }
    out.putAll(keyed);
    return out;
  }

  private static List<String> names(java.util.Collection<Object> keys) {
    return keys.stream().map(k -> k == SINGLE ? (String) SINGLE : InferenceData.name((Operand<?>) k)).toList();
  }

  private static Operand<TFloat32> flat(Ops tf, Operand<TFloat32> x) {
    return tf.reshape(x, tf.constant(new int[] {-1}));
  }

  /**
   * The ratio estimator.
   *
   * @return the ratio estimator
   * @throws IllegalStateException if the inference was built by {@link #keyed} (see {@link
   *     #keyedDiscriminator()})
   */
  public RatioEstimator discriminator() {
    if (discriminator == null) {
      throw new IllegalStateException("this ImplicitKLqp has a KeyedRatioEstimator: see keyedDiscriminator()");
    }
    return discriminator;
  }

  /**
   * The ratio estimator with one output per key, when built by {@link #keyed}.
   *
   * @return the keyed estimator, or empty for a single-output one
   */
  public java.util.Optional<KeyedRatioEstimator> keyedDiscriminator() {
    return java.util.Optional.ofNullable(keyedDiscriminator);
  }

  /**
   * The global latent variables, each to its approximation.
   *
   * @return an unmodifiable map
   */
  public Map<Operand<?>, Operand<?>> globalVars() {
    return globalVars;
  }
}
