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
 * <p>One-sided label smoothing (Salimans et al., 2016, "Improved Techniques for Training GANs"),
 * an option Edward does not have: {@link #GANInference(ModelContext, Map, Discriminator, double)}
 * with {@code labelSmoothing = s} gives the real examples the label {@code 1 - s} in the
 * discriminator's cross-entropy, {@code E[softplus(-D(x)) + s D(x)]} (the sigmoid cross-entropy of
 * label {@code 1 - s}), so its optimum is {@code (1 - s) p_data / (p_data + p_g)} instead of {@code
 * p_data / (p_data + p_g)}; the generated examples keep the label 0 and the generator's loss is
 * unchanged. TF-GAN's {@code modified_discriminator_loss} smooths by 0.25 by default.
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
  private final double labelSmoothing;
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
    this(ctx, data, discriminator, 0);
  }

  /**
   * Creates the inference with one-sided label smoothing: the real examples' label in the
   * discriminator's loss is {@code 1 - labelSmoothing} (see the class comment).
   *
   * @param ctx the context the tensors belong to, or {@code null} to take it from {@code data}
   * @param data as {@link #GANInference(Map, Discriminator)}
   * @param discriminator builds logits, one per example
   * @param labelSmoothing in {@code [0, 1)}; 0 is Edward's loss
   * @throws IllegalArgumentException for a label smoothing outside {@code [0, 1)} (checked first),
   *     or as {@link #GANInference(Map, Discriminator)}
   */
  public GANInference(
      ModelContext ctx, Map<? extends Operand<?>, ? extends Operand<?>> data, Discriminator discriminator,
      double labelSmoothing) {
    super(ctx, Map.of(), checkSmoothing(labelSmoothing, data));
    this.labelSmoothing = labelSmoothing;
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
    Operand<TFloat32> crossEntropy = AdversarialLosses.crossEntropy(tf, d.first(), d.second());
    if (labelSmoothing > 0) {
      // The cross-entropy of label 1 - s is softplus(-a) + s a: add s E[a] over the real logits.
      crossEntropy = tf.math.add(crossEntropy,
          tf.math.mul(tf.constant((float) labelSmoothing), AdversarialLosses.mean(tf, d.first())));
    }
    Operand<TFloat32> lossD = tf.math.add(
        crossEntropy,
        AdversarialLosses.sum(tf, ctx.collections().regularizationLosses(AdversarialSetup.DISC)));
    Operand<TFloat32> loss = tf.math.add(
        AdversarialLosses.sigmoidCrossEntropy(tf, d.second(), true),
        AdversarialLosses.sum(tf, AdversarialSetup.regularizationOutsideDisc(ctx)));
    AdversarialSetup.addSteps(
        this, ctx, options, loss, AdversarialSetup.allButDisc(ctx, options),
        AdversarialSetup.updateOpsOutsideDisc(ctx), lossD, null);
  }

  private static <T> T checkSmoothing(double labelSmoothing, T data) {
    if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
      throw new IllegalArgumentException("`labelSmoothing` must be in [0, 1), got " + labelSmoothing);
    }
    return data;
  }

  /**
   * The one-sided label smoothing: the real examples' label is {@code 1 - labelSmoothing()}.
   *
   * @return in {@code [0, 1)}, 0 for Edward's loss
   */
  public double labelSmoothing() {
    return labelSmoothing;
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
