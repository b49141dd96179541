package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.TrainStep;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * GAN-style training with the Wasserstein distance (Arjovsky et al., 2017), Edward's {@code
 * ed.WGANInference}: the discriminator is a critic {@code f} and the losses are {@code E[f(G(z))] -
 * E[f(x)]} for the critic and {@code -E[f(G(z))]} for the generator, plus each side's
 * regularization losses.
 *
 * <p>The critic is kept near 1-Lipschitz by a gradient penalty (WGAN-GP, Gulrajani et al., 2017;
 * option {@code penalty}, default 10, 0 to disable), by weight clipping (option {@code clip}), or
 * both. The penalty interpolates with one uniform weight per example, as the WGAN-GP paper does
 * (Edward draws one per element). Option {@code nCritic} makes {@link #run} perform that many
 * critic updates before each generator update; with manual updates, call {@code update(feeds,
 * Side.DISC)} as often as wanted.
 *
 * <pre>{@code
 * WGANInference inference = new WGANInference(Map.of(x, xPh), critic);
 * inference.initialize(WganOptions.builder().penalty(10).nCritic(5).build());
 * }</pre>
 */
public class WGANInference extends Inference<WganOptions> {

  private final Discriminator critic;
  private final Operand<TFloat32> xFake;
  private final Operand<TFloat32> xTrue;
  private int nCritic = 1;

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param data one entry: the generated tensor (or random variable) to its observed data
   * @param critic the critic, one real value per example
   * @throws IllegalArgumentException for an empty or multi-entry map, shape or dtype mismatch
   */
  public WGANInference(Map<? extends Operand<?>, ? extends Operand<?>> data, Discriminator critic) {
    this(null, data, critic);
  }

  /**
   * Creates the inference in an explicitly given context (see {@link
   * GANInference#GANInference(ModelContext, Map, Discriminator)}).
   *
   * @param ctx the context the tensors belong to
   * @param data as {@link #WGANInference(Map, Discriminator)}
   * @param critic the critic, one real value per example
   */
  public WGANInference(ModelContext ctx, Map<? extends Operand<?>, ? extends Operand<?>> data, Discriminator critic) {
    super(ctx, Map.of(), data);
    this.critic = Objects.requireNonNull(critic, "discriminator");
    Operand<TFloat32>[] pair = AdversarialSetup.pair(this.data, "data", "generated tensor to its data");
    this.xFake = pair[0];
    this.xTrue = pair[1];
  }

  @Override
  protected WganOptions defaultOptions() {
    return WganOptions.defaults();
  }

  @Override
  protected int updatesPerIteration() {
    return nCritic == 1 ? 1 : nCritic + 1;
  }

  @Override
  protected void build(WganOptions options) {
    nCritic = options.nCritic();
    double penalty = options.penalty();
    java.util.OptionalDouble clip = options.clip();
    Ops tf = ctx.opsAt("");
    AdversarialSetup.Logits d = AdversarialSetup.discriminate(
        this, ctx,
        s -> critic.apply(s, xTrue), xTrue.shape(), "the data",
        s -> critic.apply(s, xFake), xFake.shape(), "the generated samples");
    Operand<TFloat32> dTrue = d.first();
    Operand<TFloat32> dFake = d.second();
    Operand<TFloat32> meanTrue = AdversarialLosses.mean(tf, dTrue);
    Operand<TFloat32> meanFake = AdversarialLosses.mean(tf, dFake);
    Operand<TFloat32> lossD = tf.math.sub(meanFake, meanTrue);
    if (penalty > 0) {
      Ops gp = ctx.opsAt("").withSubScope("gradient_penalty");
      Operand<TFloat32> term =
          AdversarialLosses.gradientPenalty(
              ctx, gp, xTrue, xFake,
              xHat -> AdversarialSetup.logits(gp, critic.apply(ctx.scope(AdversarialSetup.DISC, org.edward4j.core.Reuse.REUSE), xHat), xHat.shape(), "interpolates"),
              penalty);
      lossD = tf.math.add(lossD, term);
    }
    lossD = tf.math.add(lossD, AdversarialLosses.sum(tf, ctx.collections().regularizationLosses(AdversarialSetup.DISC)));
    Operand<TFloat32> loss =
        tf.math.add(tf.math.neg(meanFake), AdversarialLosses.sum(tf, AdversarialSetup.regularizationOutsideDisc(ctx)));
    AdversarialSetup.addSteps(
        this, ctx, options.gan(), loss, AdversarialSetup.allButDisc(ctx, options.gan()),
        AdversarialSetup.updateOpsOutsideDisc(ctx), lossD,
        clip.isEmpty() ? null : step -> clipAfter(step, clip.getAsDouble()));
  }

  /** Clips each critic weight to {@code [-c, c]} once the step's updates are done. */
  private Op clipAfter(TrainStep step, double c) {
    Ops tf = ctx.opsAt("").withSubScope("clip_critic").withControlDependencies(List.of(step));
    List<Op> clips = new ArrayList<>();
    for (Variable<?> v : step.variables()) {
      clips.add(clip(tf, v, c));
    }
    return tf.withControlDependencies(clips).noOp();
  }

  private static <T extends TNumber> Op clip(Ops tf, Variable<T> v, double c) {
    Operand<T> value = v.read(tf);
    Operand<T> bound = tf.dtypes.cast(tf.constant((float) c), v.dtype());
    return v.assign(tf, tf.clipByValue(value, tf.math.neg(bound), bound));
  }

  /** {@code nCritic} critic updates, then one generator update. */
  @Override
  protected UpdateInfo runIteration(Map<? extends Operand<?>, ?> feedDict) {
    if (nCritic == 1) {
      return update(feedDict);
    }
    UpdateInfo critic = null;
    for (int i = 0; i < nCritic; i++) {
      critic = update(feedDict, Side.DISC);
    }
    UpdateInfo gen = update(feedDict, Side.GEN);
    Map<String, Double> values = new LinkedHashMap<>(gen.values());
    values.put("loss_d", critic.lossD());
    return new UpdateInfo(gen.t(), values);
  }

  /**
   * The critic function.
   *
   * @return the critic function
   */
  public Discriminator discriminator() {
    return critic;
  }
}
