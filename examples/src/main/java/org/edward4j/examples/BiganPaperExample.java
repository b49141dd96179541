package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Feeds;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Regularizers;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.BatchNormOptions;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.ExponentialMovingAverage;
import org.edward4j.core.optimizers.GlobalStep;
import org.edward4j.core.optimizers.LearningRate;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.BiGANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.plots.ImageGrid;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * {@code bin/edward bigan --recipe paper} ({@link BiganCommand}): BiGAN with the networks, prior, optimizer and schedule
 * of {@link BiganRecipe#paper()} (Donahue et al., 2017), on the 60,000 MNIST training images in
 * grey levels, through Edward's {@code BiGANInference}.
 *
 * <p>Networks, after the authors' {@code mnist_mlp} and {@code deconvnet_mnist_mlp}: the encoder
 * {@code x -> lrelu(fc) -> lrelu(bn(fc)) -> a = fc(50) -> z = -1 + 2 sigmoid(a)} (the squashing into
 * the prior's box is the authors' {@code UniformDistribution.logits_to_sample}; without it the codes
 * leave the box within a few hundred updates and the generator collapses, see {@link
 * BiganRecipe#boundedCodes()}); the generator {@code z -> relu(bn(fc)) ->
 * relu(bn(fc(h) + fc(z))) -> sigmoid(fc(784))}; the joint discriminator {@code lrelu(fc(x)) ->
 * lrelu(bn(fc(h) + fc(z))) -> fc(1)}, so the code enters at the second hidden layer. Layers
 * followed by batch normalization have no bias (the normalization has neither gain nor offset, as
 * in the authors' runs). The authors train on 50,000 images (the rest kept for validation); this
 * recipe uses all 60,000, so an epoch is 469 updates.
 *
 * <p>The learning rate is computed in the graph from the global step, and the noise of update
 * {@code t} is drawn from a generator seeded by {@code (seed, t)}: a run resumed from a checkpoint
 * continues exactly as the uninterrupted run would.
 */
final class BiganPaperExample {

  private BiganPaperExample() {}

  /**
   * The generator.
   *
   * @param scope e.g. {@code Gen/generator}
   * @param z codes {@code [batch, latentDim]}
   * @param r the recipe
   * @param training whether batch normalization uses the batch's statistics (and registers the
   *     moving-average updates) or the moving averages
   * @return images {@code [batch, 784]} in (0, 1)
   */
  static Operand<TFloat32> generator(VariableScope scope, Operand<TFloat32> z, BiganRecipe r, boolean training) {
    Operand<TFloat32> h = z;
    for (int layer = 0; layer < r.hiddenLayers(); layer++) {
      Operand<TFloat32> pre = Layers.dense(scope, h, r.hiddenUnits(), linear(r, false));
      if (layer > 0) {
        pre = scope.tf().math.add(pre, Layers.dense(scope, z, r.hiddenUnits(), linear(r, false)));
      }
      h = Activation.relu().apply(scope.tf(), normalize(scope, pre, r, training));
    }
    return Layers.dense(scope, h, 784, DenseOptions.builder().activation(Activation.sigmoid())
        .kernelInitializer(Initializers.randomNormal(0, r.initStddev()))
        .kernelRegularizer(Regularizers.l2(r.weightDecay())).build());
  }

  /**
   * The encoder's linear output, before {@link #codes} squashes it: the authors' features for the
   * nearest-neighbour evaluation ({@code NNC_e} in their {@code train_gan.py}).
   *
   * @param scope e.g. {@code Gen/encoder}
   * @param x images {@code [batch, 784]}
   * @param r the recipe
   * @param training as for {@link #generator}
   * @return pre-activations {@code [batch, latentDim]}; no bias when the codes are bounded, as the
   *     authors' encoder
   */
  static Operand<TFloat32> encoderLogits(VariableScope scope, Operand<TFloat32> x, BiganRecipe r, boolean training) {
    Operand<TFloat32> h = x;
    for (int layer = 0; layer < r.hiddenLayers(); layer++) {
      Operand<TFloat32> pre = Layers.dense(scope, h, r.hiddenUnits(), linear(r, layer == 0));
      h = leaky(scope.tf(), layer == 0 ? pre : normalize(scope, pre, r, training), r);
    }
    return Layers.dense(scope, h, r.latentDim(), linear(r, !r.boundedCodes()));
  }

  /**
   * The codes the discriminator sees: {@code low + (high - low) sigmoid(a)} inside the prior's box
   * when {@link BiganRecipe#boundedCodes()}, else {@code a} itself.
   *
   * @param tf where to build
   * @param logits the encoder's linear output
   * @param r the recipe
   * @return codes {@code [batch, latentDim]}
   */
  static Operand<TFloat32> codes(Ops tf, Operand<TFloat32> logits, BiganRecipe r) {
    if (!r.boundedCodes()) {
      return logits;
    }
    return tf.math.add(tf.math.mul(tf.math.sigmoid(logits), tf.constant((float) (r.priorHigh() - r.priorLow()))),
        tf.constant((float) r.priorLow()));
  }

  /**
   * The joint discriminator; always normalizes with the batch's statistics.
   *
   * @param scope the {@code Disc} scope entry
   * @param x images {@code [batch, 784]}
   * @param z codes {@code [batch, latentDim]}
   * @param r the recipe
   * @return logits {@code [batch, 1]}
   */
  static Operand<TFloat32> discriminator(VariableScope scope, Operand<TFloat32> x, Operand<TFloat32> z, BiganRecipe r) {
    Operand<TFloat32> h = x;
    for (int layer = 0; layer < r.hiddenLayers(); layer++) {
      Operand<TFloat32> pre = Layers.dense(scope, h, r.hiddenUnits(), linear(r, layer == 0));
      if (layer > 0) {
        pre = scope.tf().math.add(pre, Layers.dense(scope, z, r.hiddenUnits(), linear(r, false)));
      }
      h = leaky(scope.tf(), layer == 0 ? pre : normalize(scope, pre, r, true), r);
    }
    return Layers.dense(scope, h, 1, linear(r, true));
  }

  private static DenseOptions linear(BiganRecipe r, boolean bias) {
    return DenseOptions.builder().useBias(bias || !r.batchNorm())
        .kernelInitializer(Initializers.randomNormal(0, r.initStddev()))
        .kernelRegularizer(Regularizers.l2(r.weightDecay())).build();
  }

  private static Operand<TFloat32> normalize(VariableScope scope, Operand<TFloat32> x, BiganRecipe r, boolean training) {
    if (!r.batchNorm()) {
      return x;
    }
    return Layers.batchNormalization(scope, x, training, BatchNormOptions.builder().center(false).scale(false).build());
  }

  private static Operand<TFloat32> leaky(Ops tf, Operand<TFloat32> x, BiganRecipe r) {
    return Activation.leakyRelu(r.leak()).apply(tf, x);
  }

  /**
   * The learning rate as a graph op: the recipe's schedule read from the global step.
   *
   * @param tf where to build
   * @param step the global step (generator updates done)
   * @param r the recipe
   * @param trainSize training images
   * @return a float32 scalar
   */
  static Operand<TFloat32> learningRate(Ops tf, Variable<TInt64> step, BiganRecipe r, int trainSize) {
    long decaySteps = Math.max(1, r.decayEpochs() * r.iterationsPerEpoch(trainSize));
    Operand<TFloat32> remaining = tf.math.div(
        tf.math.sub(tf.constant((float) r.totalIterations(trainSize)), tf.dtypes.cast(step.value(), TFloat32.class)),
        tf.constant((float) decaySteps));
    Operand<TFloat32> fraction = tf.clipByValue(remaining, tf.constant(0f), tf.constant(1f));
    return tf.math.mul(tf.constant((float) r.learningRate()), fraction);
  }

  /** Uniform codes for update {@code t}, from a generator keyed by {@code (seed, t)}. */
  static void drawCodes(float[] z, long seed, long t, BiganRecipe r) {
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + t);
    double width = r.priorHigh() - r.priorLow();
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (r.priorLow() + width * rng.nextDouble());
    }
  }

  /**
   * The trained networks for {@code quality}: generator and encoder rebuilt under {@code Gen} with
   * batch normalization on its moving averages, to be restored from a checkpoint of this example;
   * generated images come from {@code U(-1, 1)} codes drawn with {@code seed}. The encoder's
   * features for the 1-NN accuracy are its linear output (before the squashing into the box), as the
   * authors measure it.
   *
   * @param ctx a fresh context
   * @param seed seeds the codes of generated images
   * @return the networks, valid while {@code ctx} is open
   */
  static TrainedExample trained(ModelContext ctx, long seed) {
    BiganRecipe r = BiganRecipe.paper();
    ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(r.batchSize(), 784));
    ContextPlaceholder<TFloat32> zPh = ctx.placeholder("z_ph", TFloat32.class, Shape.of(r.batchSize(), r.latentDim()));
    VariableScope gen = ctx.scope("Gen");
    Operand<TFloat32> xGenerated = generator(gen.child("generator"), zPh, r, false);
    Operand<TFloat32> zEncoded = encoderLogits(gen.child("encoder"), xPh, r, false);
    SplittableRandom rng = new SplittableRandom(seed);
    double width = r.priorHigh() - r.priorLow();
    return TrainedExample.ofBidirectional(ctx, xGenerated, zPh, zEncoded, xPh,
        () -> r.priorLow() + width * rng.nextDouble());
  }

  /**
   * Trains the recipe.
   *
   * @param r the recipe
   * @param mnist the data; the training images in grey levels
   * @param nIter updates to reach (at most the schedule's {@link BiganRecipe#totalIterations})
   * @param nPrint updates between progress lines and sample grids
   * @param out directory for the pictures
   * @param seed the graph seed, also keying each update's codes
   * @param checkpoints when to save and where to resume from
   * @throws IOException if a picture cannot be written
   */
  static void run(BiganRecipe r, Mnist mnist, long nIter, int nPrint, Path out, long seed, TrainingCheckpoints checkpoints)
      throws IOException {
    run(r, mnist, nIter, nPrint, out, seed, checkpoints, 0);
  }

  /**
   * Trains the recipe, keeping an exponential moving average of the generator's and the encoder's
   * weights (every trainable variable under {@code Gen}) when {@code emaDecay > 0}: its shadows, under
   * {@value DcganExample#AVERAGE_SCOPE}, are saved with each checkpoint, and {@code quality
   * bigan-paper --checkpoint} measures them (the encoder's codes from averaged weights).
   *
   * @param r the recipe
   * @param mnist the data; the training images in grey levels
   * @param nIter updates to reach (at most the schedule's {@link BiganRecipe#totalIterations})
   * @param nPrint updates between progress lines and sample grids
   * @param out directory for the pictures
   * @param seed the graph seed, also keying each update's codes
   * @param checkpoints when to save and where to resume from
   * @param emaDecay the average's decay in (0, 1), or 0 for none
   * @throws IOException if a picture cannot be written
   */
  static void run(BiganRecipe r, Mnist mnist, long nIter, int nPrint, Path out, long seed, TrainingCheckpoints checkpoints,
      double emaDecay) throws IOException {
    Files.createDirectories(out);
    int m = r.batchSize();
    int trainSize = mnist.train().size();
    System.out.println(r);
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      Ops tf = ctx.tf();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(m, 784));
      ContextPlaceholder<TFloat32> zPh = ctx.placeholder("z_ph", TFloat32.class, Shape.of(m, r.latentDim()));
      VariableScope gen = ctx.scope("Gen");
      Operand<TFloat32> xGenerated = generator(gen.child("generator"), zPh, r, true);
      Operand<TFloat32> zEncoded = codes(tf, encoderLogits(gen.child("encoder"), xPh, r, true), r);
      BiGANInference inference = new BiGANInference(Map.of(zPh, zEncoded), Map.of(xGenerated, xPh),
          (scope, x, z) -> discriminator(scope, x, z, r));
      Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
      Operand<TFloat32> lr = learningRate(tf, step, r, trainSize);
      inference.initialize(GanOptions.builder().nIter((int) nIter).nPrint(nPrint).globalStep(step)
          .optimizer(Adam.builder().learningRate(LearningRate.of(lr)).beta1(r.beta1()).build())
          .optimizerD(Adam.builder().learningRate(LearningRate.of(lr)).beta1(r.beta1()).name("DiscAdam").build())
          .build());
      System.out.println(inference);
      ExponentialMovingAverage average = emaDecay > 0 ? DcganExample.average(ctx, emaDecay) : null;

      Minibatches batches = Minibatches.over(mnist.train(), m).shuffleEachEpoch(seed).build();
      float[] xBatch = batches.newImageBuffer();
      float[] zBatch = new float[m * r.latentDim()];
      long first = checkpoints.resume(ctx, inference, batches);
      long windowStart = System.nanoTime();
      long windowFirst = first;
      for (long t = first; t < nIter; t++) {
        batches.next(xBatch);
        drawCodes(zBatch, seed, t, r);
        UpdateInfo info = inference.update(Map.of(xPh, xBatch, zPh, zBatch));
        if (average != null) {
          ctx.keepingRandomStep(() -> ctx.run(ctx.runner().addTarget(average.update())).close());
        }
        if ((t + 1) % nPrint == 0 || t == nIter - 1) {
          double seconds = (System.nanoTime() - windowStart) / 1e9;
          float[] samples;
          float[] codes;
          try (Feeds feeds = new Feeds()) {
            samples = ctx.eval(xGenerated, feeds.put(zPh, zBatch).asMap()).data();
          }
          try (Feeds feeds = new Feeds()) {
            codes = ctx.eval(zEncoded, feeds.put(xPh, xBatch).asMap()).data();
          }
          System.out.printf("update %d/%d (epoch %.2f): loss %.4f, loss_d %.4f, lr %.3g, %.2f updates/s; %s%n", t + 1,
              nIter, (t + 1) / (double) r.iterationsPerEpoch(trainSize), info.loss(), info.lossD(),
              r.learningRateAt(t, trainSize), (t + 1 - windowFirst) / seconds, CodeStatistics.of(codes, r));
          ImageGrid.of(java.util.Arrays.copyOf(samples, 64 * 784), 28, 28).rows(8).cols(8).scale(2).build()
              .writePng(out.resolve("samples_latest.png"));
          windowStart = System.nanoTime();
          windowFirst = t + 1;
        }
        checkpoints.afterIteration(ctx, t + 1, batches);
      }
      checkpoints.finish(ctx, nIter, batches);
      inference.finish();
    }
  }
}
