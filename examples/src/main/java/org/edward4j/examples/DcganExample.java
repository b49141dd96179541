package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Regularizers;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.ConvOptions;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.layers.Padding;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.ExponentialMovingAverage;
import org.edward4j.core.optimizers.GlobalStep;
import org.edward4j.core.optimizers.LearningRate;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Uniform;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A convolutional GAN on MNIST (Radford, Metz and Chintala, 2016, "Unsupervised Representation
 * Learning with Deep Convolutional Generative Adversarial Networks", ICLR) with Edward's {@code
 * GANInference} and its non-saturating loss, sized for a CPU after TF-GAN's MNIST networks.
 *
 * <p>Generator: {@code z ~ U(-1, 1)^noise -> relu(bn(fc 1024)) -> relu(bn(fc 7x7x2c)) -> relu(bn(
 * deconv c, 4x4, stride 2)) -> sigmoid(deconv 1, 4x4, stride 2)}, images in (0, 1) as the data.
 * Discriminator: {@code lrelu(conv c, 4x4, stride 2) -> lrelu(conv 2c, 4x4, stride 2) -> lrelu(fc
 * 1024) -> fc 1}. With {@code c = 64} (width 1) these are TF-GAN's networks. Adam with beta1 0.5;
 * L2 weight decay 2.5e-5 on every kernel, as TF-GAN.
 *
 * <p>{@code bin/edward dcgan [--iterations N] [--batch M] [--width W] [--decay N] [--ema DECAY]
 * [--label-smoothing S] [--save-every N] [--resume DIR]} ({@link DcganCommand}) writes {@code samples_NNN.png} grids and
 * checkpoints to {@code --out}; {@code bin/edward quality dcgan} measures it. By default the
 * generator's weights are averaged ({@code --ema 0.999}, see {@link #average}); a run started
 * without the average resumes with {@code --ema 0}, since its checkpoints hold no shadows.
 */
final class DcganExample {

  /**
   * The settings of a run.
   *
   * @param batch images per update
   * @param noise the code's width
   * @param width channel multiplier: {@code c = round(64 * width)}
   * @param lrGen the generator's Adam learning rate
   * @param lrDisc the discriminator's Adam learning rate
   * @param decayIterations the last iterations over which both rates fall linearly to 0 (0: constant
   *     rates), as the BiGAN paper's schedule ends; the rates are read from the global step in the
   *     graph, so a resumed run follows the same schedule
   * @param emaDecay the decay of an exponential moving average of the generator's weights, in (0, 1),
   *     or 0 for none ({@link #average}); the averaged weights are what the run hands over for
   *     measuring, and what {@code quality dcgan --checkpoint} measures
   * @param labelSmoothing one-sided label smoothing of the discriminator's real examples, in {@code
   *     [0, 1)} (their label is {@code 1 - labelSmoothing}; {@link GANInference}), 0 for none
   */
  record Settings(int batch, int noise, double width, double lrGen, double lrDisc, int decayIterations,
      double emaDecay, double labelSmoothing) {
    /** Constant learning rates. */
    Settings(int batch, int noise, double width, double lrGen, double lrDisc) {
      this(batch, noise, width, lrGen, lrDisc, 0, 0, 0);
    }

    /** No weight average. */
    Settings(int batch, int noise, double width, double lrGen, double lrDisc, int decayIterations) {
      this(batch, noise, width, lrGen, lrDisc, decayIterations, 0, 0);
    }

    /** No label smoothing. */
    Settings(int batch, int noise, double width, double lrGen, double lrDisc, int decayIterations,
        double emaDecay) {
      this(batch, noise, width, lrGen, lrDisc, decayIterations, emaDecay, 0);
    }

    /**
     * The defaults of {@code bin/edward dcgan}: TF-GAN's learning rates, half its width for a CPU,
     * constant rates, the generator's weights averaged with decay 0.999.
     */
    static Settings defaults() {
      return new Settings(64, 64, 0.5, 1e-3, 2e-4, 0, 0.999);
    }

    int channels() {
      return Math.max(1, (int) Math.round(64 * width));
    }
  }

  static final double WEIGHT_DECAY = 2.5e-5;
  /** The scope of the averaged generator weights in a checkpoint. */
  static final String AVERAGE_SCOPE = "GenAverage";
  static final double LEAK = 0.2;

  private DcganExample() {}

  /**
   * The generator, in training mode (batch statistics; moving averages updated with each step).
   *
   * @param scope the {@code Gen} scope
   * @param z codes {@code [batch, noise]}
   * @param s the settings
   * @return images {@code [batch, 784]} in (0, 1)
   */
  static Operand<TFloat32> generator(VariableScope scope, Operand<TFloat32> z, Settings s) {
    Ops tf = scope.tf();
    int c = s.channels();
    long batch = z.shape().get(0);
    Operand<TFloat32> h = normRelu(scope, Layers.dense(scope, z, 1024, dense(Activation.identity(), false)));
    h = normRelu(scope, Layers.dense(scope, h, 7 * 7 * 2 * c, dense(Activation.identity(), false)));
    h = tf.reshape(h, tf.constant(new long[] {batch, 7, 7, 2 * c}));
    h = normRelu(scope, Layers.conv2dTranspose(scope, h, c, 4, conv(Activation.identity(), false)));
    h = Layers.conv2dTranspose(scope, h, 1, 4, conv(Activation.sigmoid(), true));
    return tf.reshape(h, tf.constant(new long[] {batch, 784}));
  }

  /**
   * The discriminator.
   *
   * @param scope the {@code Disc} scope entry
   * @param x images {@code [batch, 784]}
   * @param s the settings
   * @return logits {@code [batch, 1]}
   */
  static Operand<TFloat32> discriminator(VariableScope scope, Operand<TFloat32> x, Settings s) {
    Ops tf = scope.tf();
    int c = s.channels();
    long batch = x.shape().get(0);
    Operand<TFloat32> h = tf.reshape(x, tf.constant(new long[] {batch, 28, 28, 1}));
    h = Layers.conv2d(scope, h, c, 4, conv(Activation.leakyRelu(LEAK), true));
    h = Layers.conv2d(scope, h, 2 * c, 4, conv(Activation.leakyRelu(LEAK), true));
    h = tf.reshape(h, tf.constant(new long[] {batch, 7 * 7 * 2 * c}));
    h = Layers.dense(scope, h, 1024, dense(Activation.leakyRelu(LEAK), true));
    return Layers.dense(scope, h, 1, dense(Activation.identity(), true));
  }

  private static Operand<TFloat32> normRelu(VariableScope scope, Operand<TFloat32> x) {
    return Activation.relu().apply(scope.tf(), Layers.batchNormalization(scope, x, true));
  }

  private static DenseOptions dense(Activation activation, boolean bias) {
    return DenseOptions.builder().activation(activation).useBias(bias)
        .kernelRegularizer(Regularizers.l2(WEIGHT_DECAY)).build();
  }

  private static ConvOptions conv(Activation activation, boolean bias) {
    return ConvOptions.builder().strides(2).padding(Padding.SAME).activation(activation).useBias(bias)
        .kernelRegularizer(Regularizers.l2(WEIGHT_DECAY)).build();
  }

  /**
   * The generator of a run, its noise drawn in the graph.
   *
   * @param ctx the context
   * @param s the settings
   * @return images {@code [batch, 784]}
   */
  static Operand<TFloat32> sampler(ModelContext ctx, Settings s) {
    VariableScope gen = ctx.scope("Gen");
    Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(s.batch(), s.noise()).build();
    return generator(gen, eps, s);
  }

  /**
   * A learning rate falling linearly to 0 over the last {@code s.decayIterations()} of {@code
   * nIter} iterations: {@code rate * clip((nIter - step) / decayIterations, 0, 1)}.
   *
   * @param tf where to build
   * @param step the global step (generator updates done)
   * @param rate the initial rate
   * @param s the settings (their decay length, positive)
   * @param nIter the run's length
   * @return a float32 scalar
   */
  static Operand<TFloat32> decayed(Ops tf, Variable<TInt64> step, double rate, Settings s, int nIter) {
    Operand<TFloat32> remaining = tf.math.div(
        tf.math.sub(tf.constant((float) nIter), tf.dtypes.cast(step.value(), TFloat32.class)),
        tf.constant((float) s.decayIterations()));
    return tf.math.mul(tf.constant((float) rate), tf.clipByValue(remaining, tf.constant(0f), tf.constant(1f)));
  }

  /**
   * An exponential moving average of the generator's trainable weights (every trainable variable
   * under {@code Gen}; build the generator first), its shadows under {@value #AVERAGE_SCOPE}.
   *
   * @param ctx the context holding the generator
   * @param decay the average's decay, in (0, 1)
   * @return the average
   */
  @SuppressWarnings("unchecked")
  static ExponentialMovingAverage average(ModelContext ctx, double decay) {
    List<Variable<TFloat32>> gen = ctx.collections().trainableVariables("Gen").stream()
        .map(v -> (Variable<TFloat32>) v).toList();
    return ExponentialMovingAverage.create(ctx, AVERAGE_SCOPE, gen, decay);
  }

  /** Trains, then hands the trained generator to {@code afterTraining}, if any. */
  static void run(Settings s, int nIter, int nPrint, Path out, long seed, TrainedExample.AfterTraining afterTraining,
      TrainingCheckpoints checkpoints) throws IOException {
    Files.createDirectories(out);
    Mnist mnist = Mnist.load();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(s.batch(), 784));
      Operand<TFloat32> x = sampler(ctx, s);
      GANInference inference =
          new GANInference(ctx, Map.of(x, xPh), (scope, in) -> discriminator(scope, in, s), s.labelSmoothing());
      GanOptions.Builder options = GanOptions.builder().nIter(nIter).nPrint(nPrint);
      if (s.decayIterations() > 0) {
        Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
        options.globalStep(step)
            .optimizer(Adam.builder().learningRate(LearningRate.of(decayed(ctx.tf(), step, s.lrGen(), s, nIter)))
                .beta1(0.5).build())
            .optimizerD(Adam.builder().learningRate(LearningRate.of(decayed(ctx.tf(), step, s.lrDisc(), s, nIter)))
                .beta1(0.5).name("DiscAdam").build());
      } else {
        options.optimizer(Adam.builder().learningRate(s.lrGen()).beta1(0.5).build())
            .optimizerD(Adam.builder().learningRate(s.lrDisc()).beta1(0.5).name("DiscAdam").build());
      }
      inference.initialize(options.build());
      ExponentialMovingAverage average = s.emaDecay() > 0 ? average(ctx, s.emaDecay()) : null;
      System.out.println(s);
      System.out.println(inference);
      Minibatches batches = Minibatches.over(mnist.train(), s.batch()).shuffleEachEpoch(seed).build();
      float[] xBatch = batches.newImageBuffer();
      int[] idx = new Random(seed).ints(16, 0, s.batch()).toArray();
      int first = (int) checkpoints.resume(ctx, inference, batches);
      long window = System.nanoTime();
      int windowFirst = first;
      for (int t = first; t < nIter; t++) {
        batches.next(xBatch);
        UpdateInfo info = inference.update(Map.of(xPh, xBatch));
        if (average != null) {
          // Averaging draws nothing: the training's draws stay those of a run without it.
          ctx.keepingRandomStep(() -> ctx.run(ctx.runner().addTarget(average.update())).close());
        }
        if ((t + 1) % nPrint == 0 || t == nIter - 1) {
          double seconds = (System.nanoTime() - window) / 1e9;
          System.out.printf("iteration %d/%d: loss %.4f, loss_d %.4f, %.2f it/s, %.0f s%n", t + 1, nIter, info.loss(),
              info.lossD(), (t + 1 - windowFirst) / seconds, (System.nanoTime() - start) / 1e9);
          // Pictures are not training: a resumed run need not replay them.
          int done = t + 1;
          ctx.keepingRandomStep(() ->
              GanExample.writeSamples(ctx.eval(x).data(), idx, out.resolve(String.format("samples_%06d.png", done))));
          window = System.nanoTime();
          windowFirst = t + 1;
        }
        checkpoints.afterIteration(ctx, t + 1, batches);
      }
      checkpoints.finish(ctx, nIter, batches);
      inference.finish();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("trained %d iterations in %.1f s (%.2f it/s)%n", nIter - first, seconds, (nIter - first) / seconds);
      if (average != null) {
        // From here on the generator holds its averaged weights: the pictures and the measurement.
        ctx.keepingRandomStep(() -> ctx.run(ctx.runner().addTarget(average.copyToVariables())).close());
        Path averaged = out.resolve("samples_averaged.png");
        ctx.keepingRandomStep(() -> GanExample.writeSamples(ctx.eval(x).data(), idx, averaged));
      }
      if (afterTraining != null) {
        afterTraining.accept(TrainedExample.ofSampler(ctx, x));
      }
    }
  }
}
