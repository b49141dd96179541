package org.edward4j.inferences;

import java.util.Map;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Adversarially Learned Inference (Dumoulin et al., 2017) or Bidirectional GAN (Donahue et al.,
 * 2017), Edward's {@code ed.BiGANInference}: a generator {@code x = G(z)} and an encoder {@code z =
 * E(x)} learned together through a joint discriminator on {@code (x, z)} pairs.
 *
 * <p>With {@code D(x, z)} the joint logits, the discriminator loss is {@code E[softplus(-D(G(z),
 * z))] + E[softplus(D(x, E(x)))]} and the generator-encoder loss {@code E[softplus(D(G(z), z))] +
 * E[softplus(-D(x, E(x)))]}: Edward's labels, which call the generated pair "1"; the game is the
 * paper's with the labels swapped. Regularization losses of scopes {@code Gen} and {@code Disc}
 * are added to their sides. Generator and encoder variables are the trainable variables under
 * {@code Gen} (or {@code varList}), the discriminator's those under {@code Disc}.
 *
 * <p>Maps follow Edward's class documentation: {@code latentVars} binds the prior latent (usually
 * a placeholder fed with noise) to the encoder's output, and {@code data} binds the generator's
 * output to the data placeholder. (Edward's {@code examples/bigan.py} swaps the latent map's key
 * and value; that would pit the encoder's codes against the generator's samples.)
 *
 * <pre>{@code
 * VariableScope gen = ctx.scope("Gen");
 * Operand<TFloat32> xGenerated = generator(gen.child("generator"), zPh);
 * Operand<TFloat32> zEncoded = encoder(gen.child("encoder"), xPh);
 * BiGANInference inference = new BiGANInference(
 *     Map.of(zPh, zEncoded), Map.of(xGenerated, xPh), (scope, x, z) -> discriminator(scope, x, z));
 * }</pre>
 */
public class BiGANInference extends Inference<GanOptions> {

  private final JointDiscriminator discriminator;
  private final Operand<TFloat32> zTrue;
  private final Operand<TFloat32> zFake;
  private final Operand<TFloat32> xFake;
  private final Operand<TFloat32> xTrue;

  /**
   * Creates the inference; nothing is built until {@link #initialize}.
   *
   * @param latentVars one entry: the prior latent (placeholder or random variable) to the
   *     encoder's output for the data
   * @param data one entry: the generator's output to the data placeholder
   * @param discriminator joint logits, one per pair
   * @throws IllegalArgumentException for maps without exactly one entry, or shape or dtype
   *     mismatches
   */
  public BiGANInference(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data,
      JointDiscriminator discriminator) {
    this(null, latentVars, data, discriminator);
  }

  /**
   * Creates the inference in an explicitly given context (see {@link
   * GANInference#GANInference(ModelContext, Map, Discriminator)}).
   *
   * @param ctx the context the tensors belong to
   * @param latentVars as {@link #BiGANInference(Map, Map, JointDiscriminator)}
   * @param data as {@link #BiGANInference(Map, Map, JointDiscriminator)}
   * @param discriminator joint logits, one per pair
   */
  public BiGANInference(
      ModelContext ctx,
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data,
      JointDiscriminator discriminator) {
    super(ctx, latentVars, data);
    this.discriminator = Objects.requireNonNull(discriminator, "discriminator");
    Operand<TFloat32>[] z = AdversarialSetup.pair(this.latentVars, "latentVars", "prior latent to its encoding");
    Operand<TFloat32>[] x = AdversarialSetup.pair(this.data, "data", "generated tensor to its data");
    this.zTrue = z[0];
    this.zFake = z[1];
    this.xFake = x[0];
    this.xTrue = x[1];
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
        s -> discriminator.apply(s, xTrue, zFake), xTrue.shape(), "(data, encoding) pairs",
        s -> discriminator.apply(s, xFake, zTrue), xFake.shape(), "(generated, latent) pairs");
    Operand<TFloat32> dData = d.first();
    Operand<TFloat32> dModel = d.second();
    Operand<TFloat32> lossD = tf.math.add(
        AdversarialLosses.crossEntropy(tf, dModel, dData),
        AdversarialLosses.sum(tf, ctx.collections().regularizationLosses(AdversarialSetup.DISC)));
    Operand<TFloat32> loss = tf.math.add(
        AdversarialLosses.crossEntropy(tf, dData, dModel),
        AdversarialLosses.sum(tf, ctx.collections().regularizationLosses(AdversarialSetup.GEN)));
    AdversarialSetup.addSteps(
        this, ctx, options, loss, AdversarialSetup.genScope(ctx, options),
        ctx.collections().updateOps(AdversarialSetup.GEN), lossD, null);
  }

  /**
   * The joint discriminator function.
   *
   * @return the joint discriminator function
   */
  public JointDiscriminator discriminator() {
    return discriminator;
  }
}
