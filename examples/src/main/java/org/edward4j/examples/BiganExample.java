package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.datasets.Binarization;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.BiGANInference;
import org.edward4j.inferences.InferenceOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Normal;
import org.edward4j.plots.ImageGrid;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Adversarially Learned Inference (Dumoulin et al., 2017), or BiGAN (Donahue et al., 2017), on
 * binarized MNIST, after Edward's {@code examples/bigan.py}: M = 100, d = 50, leaky ReLU (0.2)
 * networks of 300 hidden units, an encoder with Gaussian noise of variance 0.01, Adam for both
 * sides. Every {@code --print} iterations it writes a 4x4 grid of generated samples and a grid of
 * data (top) beside reconstructions {@code G(E(x))} (bottom).
 *
 * <p>The latent map follows Edward's documentation, {@code {z_ph: encoder(x_ph)}}; Edward's script
 * swaps it.
 */
public final class BiganExample {

  static final int M = 100;
  static final int D = 50;
  static final int HIDDEN = 300;
  static final double LEAK = 0.2;
  static final double ENCODER_VARIANCE = 0.01;

  private BiganExample() {}

  /** {@code dense(300, leakyRelu) -> dense(784, sigmoid)}: images from codes. */
  public static Operand<TFloat32> generator(VariableScope scope, Operand<TFloat32> z) {
    Operand<TFloat32> net = Layers.dense(scope, z, HIDDEN, leaky());
    return Layers.dense(scope, net, 784, DenseOptions.builder().activation(Activation.sigmoid()).build());
  }

  /** {@code dense(300, leakyRelu) -> dense(d)} plus N(0, 0.01) noise: codes from images. */
  public static Operand<TFloat32> encoder(VariableScope scope, Operand<TFloat32> x) {
    Operand<TFloat32> net = Layers.dense(scope, x, HIDDEN, leaky());
    Operand<TFloat32> mean = Layers.dense(scope, net, D);
    return Normal.of(scope, mean, scope.tf().constant((float) Math.sqrt(ENCODER_VARIANCE)));
  }

  /** The joint discriminator: {@code concat(x, z) -> dense(300, leakyRelu) -> dense(1)}. */
  public static Operand<TFloat32> discriminator(VariableScope scope, Operand<TFloat32> x, Operand<TFloat32> z) {
    Ops tf = scope.tf();
    Operand<TFloat32> net = tf.concat(List.of(x, z), tf.constant(1));
    net = Layers.dense(scope, net, HIDDEN, leaky());
    return Layers.dense(scope, net, 1);
  }

  private static DenseOptions leaky() {
    return DenseOptions.builder().activation(Activation.leakyRelu(LEAK)).build();
  }

  /**
   * Runs the example.
   *
   * @param argv {@code --iterations N --print N --out DIR --seed S}
   * @throws IOException if MNIST cannot be loaded or a picture cannot be written
   */
  public static void main(String[] argv) throws IOException {
    ExampleArgs args = TrainingCheckpoints.addFlags(ExampleArgs.define("bigan", "ALI/BiGAN on binarized MNIST (samples and reconstructions)"))
        .flag("iterations", "20000", "training iterations (Edward's script runs 100000)")
        .flag("print", "2000", "iterations between progress reports and pictures")
        .parse(argv);
    if (args.helpRequested()) {
      System.out.print(args.usage());
      return;
    }
    run(args.getPositiveInt("iterations"), args.getPositiveInt("print"), args.getPath("out"), args.getLong("seed"),
        TrainingCheckpoints.of(args, args.getPath("out")));
  }

  static void run(int nIter, int nPrint, Path out, long seed) throws IOException {
    run(nIter, nPrint, out, seed, TrainingCheckpoints.atEnd(out));
  }

  /** As above, saving checkpoints (and resuming from one) as {@code checkpoints} says. */
  static void run(int nIter, int nPrint, Path out, long seed, TrainingCheckpoints checkpoints) throws IOException {
    Files.createDirectories(out);
    Mnist mnist = Mnist.load();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(seed); Feeds pictureFeeds = new Feeds()) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> xPh = tf.withName("x_ph").placeholder(TFloat32.class, Placeholder.shape(Shape.of(M, 784)));
      Placeholder<TFloat32> zPh = tf.withName("z_ph").placeholder(TFloat32.class, Placeholder.shape(Shape.of(M, D)));
      VariableScope gen = ctx.scope("Gen");
      Operand<TFloat32> xGenerated = generator(gen.child("generator"), zPh);
      Operand<TFloat32> zEncoded = encoder(gen.child("encoder"), xPh);

      BiGANInference inference =
          new BiGANInference(Map.of(zPh, zEncoded), Map.of(xGenerated, xPh), BiganExample::discriminator);
      inference.initialize(InferenceOptions.builder().nIter(nIter).nPrint(nPrint)
          .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build()).build());
      System.out.println(inference);

      Minibatches batches = Minibatches.over(mnist.train(), M).binarization(Binarization.stochastic(seed)).build();
      float[] xBatch = batches.newImageBuffer();
      float[] zBatch = new float[M * D];
      Random rng = new Random(seed);
      int[] idx = rng.ints(16, 0, M).toArray();
      int first = (int) checkpoints.resume(ctx, inference, batches);
      int picture = 0;
      for (long u = 1; u <= first; u++) {
        picture += u == 1 || u % nPrint == 0 ? 1 : 0; // the pictures the saved run wrote
      }
      for (long i = (long) first * zBatch.length; i > 0; i--) {
        rng.nextGaussian(); // the codes the saved run drew, so the resumed run draws the next ones
      }
      for (int t = first; t < nIter; t++) {
        batches.next(xBatch);
        for (int i = 0; i < zBatch.length; i++) {
          zBatch[i] = (float) rng.nextGaussian();
        }
        UpdateInfo info = inference.update(Map.of(xPh, xBatch, zPh, zBatch));
        inference.printProgress(info);
        if (info.t() == 1 || info.t() % nPrint == 0 || t == nIter - 1) {
          String tag = t == nIter - 1 ? "final" : String.format("%03d", picture++);
          long step = ctx.randomStep();
          writePictures(ctx, pictureFeeds, xGenerated, zEncoded, xPh, zPh, xBatch, zBatch, idx, out, tag);
          ctx.setRandomStep(step); // pictures are not training: a resumed run need not replay them
        }
        checkpoints.afterIteration(ctx, t + 1, batches);
      }
      checkpoints.finish(ctx, nIter, batches);
      inference.finalize();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("trained %d iterations in %.1f s; pictures in %s%n", nIter, seconds, out.toAbsolutePath());
    }
  }

  private static void writePictures(
      ModelContext ctx, Feeds feeds, Operand<TFloat32> xGenerated, Operand<TFloat32> zEncoded,
      Placeholder<TFloat32> xPh, Placeholder<TFloat32> zPh, float[] xBatch, float[] zBatch, int[] idx,
      Path out, String tag) throws IOException {
    float[] samples = ctx.eval(xGenerated, feeds.put(zPh, zBatch).asMap()).data();
    float[] codes = ctx.eval(zEncoded, feeds.put(xPh, xBatch).asMap()).data();
    float[] reconstructions = ctx.eval(xGenerated, feeds.put(zPh, codes).asMap()).data();
    ImageGrid.of(pick(samples, idx), 28, 28).rows(4).cols(4).scale(2).build()
        .writePng(out.resolve("samples_" + tag + ".png"));
    ImageGrid.pairs(pick(xBatch, idx), pick(reconstructions, idx), 28, 28).scale(2).build()
        .writePng(out.resolve("reconstructions_" + tag + ".png"));
  }

  static float[] pick(float[] images, int[] idx) {
    float[] chosen = new float[idx.length * 784];
    for (int i = 0; i < idx.length; i++) {
      System.arraycopy(images, idx[i] * 784, chosen, i * 784, 784);
    }
    return chosen;
  }
}
