package org.edward4j.inferences;

import java.util.Map;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Parameter estimation with GAN-style training (Goodfellow et al., 2014), Edward's {@code
 * ed.GANInference}: for implicit models that only need a program generating samples.
 *
 * <p>Discriminator loss {@code E[softplus(-D(x))] + E[softplus(D(G(z)))]} (sigmoid cross-entropy,
 * real to 1 and fake to 0) plus the {@code Disc} regularization losses; generator loss the
 * non-saturating {@code E[softplus(-D(G(z)))]} (fake to 1) plus every other regularization loss.
 * The discriminator's variables are the trainable variables under scope {@code Disc}; the
 * generator's are every other trainable variable, or {@code varList}. Update ops (batch
 * normalization) of each side run with its step. One {@link #update} trains both sides in one
 * {@code Session.run}; {@code update(feeds, Side.DISC)} trains one.
 *
 * <p>Only one observed variable in {@code data}; no latent-variable inference.
 *
 * <pre>{@code
 * VariableScope gen = ctx.scope("Gen");
 * Operand<TFloat32> x = generativeNetwork(gen, z);
 * GANInference inference = new GANInference(Map.of(x, xPh), (scope, in) -> discriminativeNetwork(scope, in));
 * inference.initialize(GanOptions.builder().optimizer(Adam.builder().build())
 *     .optimizerD(Adam.builder().build()).build());
 * UpdateInfo info = inference.update(Map.of(xPh, batch));
 * }</pre>
 */
public class GANInference extends Inference<GanOptions> {

  private final Discriminator discriminator;
  private final Operand<TFloat32> xFake;
  private final Operand<TFloat32> xTrue;

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param data one entry: the generated tensor (or random variable) to its observed data (a
   *     placeholder or a tensor of the same shape)
   * @param discriminator builds logits, one per example
   * @throws IllegalArgumentException for an empty or multi-entry map, shape or dtype mismatch
   */
  public GANInference(Map<? extends Operand<?>, ? extends Operand<?>> data, Discriminator discriminator) {
    this(null, data, discriminator);
  }

  /**
   * Creates the inference in an explicitly given context, for data maps in which no tensor knows
   * its context (a generated tensor bound to a placeholder made by {@code ctx.tf().placeholder}).
   *
   * @param ctx the context the tensors belong to
   * @param data as {@link #GANInference(Map, Discriminator)}
   * @param discriminator builds logits, one per example
   */
  public GANInference(ModelContext ctx, Map<? extends Operand<?>, ? extends Operand<?>> data, Discriminator discriminator) {
    super(ctx, Map.of(), data);
    this.discriminator = Objects.requireNonNull(discriminator, "discriminator");
    Operand<TFloat32>[] pair = AdversarialSetup.pair(this.data, "data", "generated tensor to its data");
    this.xFake = pair[0];
    this.xTrue = pair[1];
  }

  @Override
  protected GanOptions defaultOptions() {
    return GanOptions.defaults();
  }

  @Override
  protected void build(GanOptions options) {
    Ops tf = ctx.opsAt("");
    AdversarialSetup.Logits d = AdversarialSetup.discriminate(
        this, ctx,
        s -> discriminator.apply(s, xTrue), xTrue.shape(), "the data",
        s -> discriminator.apply(s, xFake), xFake.shape(), "the generated samples");
    Operand<TFloat32> lossD = tf.math.add(
        AdversarialLosses.crossEntropy(tf, d.first(), d.second()),
        AdversarialLosses.sum(tf, ctx.collections().regularizationLosses(AdversarialSetup.DISC)));
    Operand<TFloat32> loss = tf.math.add(
        AdversarialLosses.sigmoidCrossEntropy(tf, d.second(), true),
        AdversarialLosses.sum(tf, AdversarialSetup.regularizationOutsideDisc(ctx)));
    AdversarialSetup.addSteps(
        this, ctx, options, loss, AdversarialSetup.allButDisc(ctx, options),
        AdversarialSetup.updateOpsOutsideDisc(ctx), lossD, null);
  }

  /**
   * The discriminator function.
   *
   * @return the discriminator function
   */
  public Discriminator discriminator() {
    return discriminator;
  }
}
