package org.edward4j.spark;

import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.models.Uniform;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Edward's GAN tutorial (Goodfellow et al., 2014) as a Spark model function: noise of d = 100
 * dimensions from Uniform(-1, 1), a generator dense(128, ReLU) -> dense(784, sigmoid), a
 * discriminator dense(128, ReLU) -> dense(1), Adam with its defaults on both sides, trained on
 * minibatches of MNIST rows of 784 pixels in [0, 1]. Serializable: it holds only the batch size.
 */
public final class GanTutorialModel implements ModelFunction {

  private static final long serialVersionUID = 1L;

  /** The noise dimension d. */
  public static final int NOISE = 100;
  /** Pixels per image. */
  public static final int PIXELS = 784;

  /** Images per minibatch. */
  private final int batchSize;

  /**
   * The tutorial's model for minibatches of {@code batchSize} images.
   *
   * @param batchSize images per minibatch, the tutorial's M = 128; at least 1
   */
  public GanTutorialModel(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("`batchSize` must be at least 1, got " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /**
   * The batch size.
   *
   * @return images per minibatch
   */
  public int batchSize() {
    return batchSize;
  }

  @Override
  public TrainingReplica build(ModelContext ctx) {
    Operand<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(batchSize, PIXELS));
    Operand<TFloat32> x = generator(ctx, batchSize);
    GANInference inference = new GANInference(Map.of(x, xPh), GanTutorialModel::discriminator);
    inference.initialize(GanOptions.builder()
        .nIter(1).nPrint(0)
        .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build())
        .build());
    return InferenceReplica.of(inference, xPh);
  }

  /**
   * Builds the tutorial's generator under {@code Gen}: {@code count} images from fresh noise.
   *
   * @param ctx the context to build in
   * @param count images per draw
   * @return images of shape {@code [count, 784]} in {@code [0, 1]}
   */
  public static Operand<TFloat32> generator(ModelContext ctx, int count) {
    VariableScope gen = ctx.scope("Gen");
    Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(count, NOISE).build();
    return generatorNetwork(gen, eps);
  }

  /**
   * The tutorial's generator network, dense(128, ReLU) -> dense(784, sigmoid), applied to given
   * codes: built under the {@code Gen} scope it has the variables {@link #generator} trains, so
   * their checkpoint restores it (latent inversion feeds it the codes it searches).
   *
   * @param scope the scope to build in, normally {@code Gen}
   * @param z codes of shape {@code [count, 100]}
   * @return images of shape {@code [count, 784]} in {@code [0, 1]}
   */
  public static Operand<TFloat32> generatorNetwork(VariableScope scope, Operand<TFloat32> z) {
    Operand<TFloat32> net = Layers.dense(scope, z, 128, DenseOptions.builder().activation(Activation.relu()).build());
    return Layers.dense(scope, net, PIXELS, DenseOptions.builder().activation(Activation.sigmoid()).build());
  }

  private static Operand<TFloat32> discriminator(VariableScope scope, Operand<TFloat32> x) {
    Operand<TFloat32> net = Layers.dense(scope, x, 128, DenseOptions.builder().activation(Activation.relu()).build());
    return Layers.dense(scope, net, 1);
  }

  @Override
  public String toString() {
    return "GanTutorialModel(batchSize=" + batchSize + ")";
  }
}
