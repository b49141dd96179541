package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Uniform;
import org.edward4j.plots.ImageGrid;
import org.edward4j.plots.LinePlot;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Edward's GAN tutorial (Goodfellow et al., 2014) on MNIST, line for line: batches of M = 128,
 * noise of d = 100 dimensions from Uniform(-1, 1), a generator dense(128, ReLU) -> dense(784,
 * sigmoid), a discriminator dense(128, ReLU) -> dense(1), Adam for both, 15,000 iterations,
 * progress every 1,000, and a 4x4 grid of samples written every 1,000 iterations. The data are
 * served as the tutorial serves them ({@link TutorialData#edward()}): in file order, each batch
 * binarized afresh; {@code --binarize false} keeps grey levels and {@code --shuffle true}
 * reshuffles every epoch.
 *
 * <p>{@code bin/edward gan [--iterations N] [--binarize B] [--shuffle B] [--out DIR] [--seed S]} writes {@code
 * samples_000.png}, ... , {@code samples_final.png} and {@code losses.png} to the output directory.
 */
public final class GanExample {

  /** Batch size. */
  public static final int M = 128;
  /** Latent dimension. */
  public static final int D = 100;

  private GanExample() {}

  /**
   * The tutorial's generator: {@code dense(128, relu) -> dense(784, sigmoid)}.
   *
   * @param scope the {@code Gen} scope
   * @param eps noise of shape {@code [M, d]}
   * @return images of shape {@code [M, 784]} in {@code [0, 1]}
   */
  public static Operand<TFloat32> generativeNetwork(VariableScope scope, Operand<TFloat32> eps) {
    Operand<TFloat32> net = Layers.dense(scope, eps, 128, DenseOptions.builder().activation(Activation.relu()).build());
    return Layers.dense(scope, net, 784, DenseOptions.builder().activation(Activation.sigmoid()).build());
  }

  /**
   * The tutorial's discriminator: {@code dense(128, relu) -> dense(1)}, logits.
   *
   * @param scope the {@code Disc} scope entry
   * @param x images of shape {@code [M, 784]}
   * @return logits of shape {@code [M, 1]}
   */
  public static Operand<TFloat32> discriminativeNetwork(VariableScope scope, Operand<TFloat32> x) {
    Operand<TFloat32> net = Layers.dense(scope, x, 128, DenseOptions.builder().activation(Activation.relu()).build());
    return Layers.dense(scope, net, 1);
  }

  /**
   * Runs the tutorial.
   *
   * @param argv {@code --iterations N --print N --out DIR --seed S}; {@code --help} lists them all
   */
  public static void main(String[] argv) {
    Main.main(Main.withCommand("gan", argv));
  }

  static void run(int nIter, int nPrint, Path out, long seed) throws IOException {
    run(nIter, nPrint, out, seed, null);
  }

  /** As {@link #run(int, int, Path, long)}, then hands the trained generator to {@code afterTraining}, if any. */
  static void run(int nIter, int nPrint, Path out, long seed, TrainedExample.AfterTraining afterTraining)
      throws IOException {
    run(nIter, nPrint, out, seed, afterTraining, TrainingCheckpoints.atEnd(out));
  }

  /** As above, saving checkpoints (and resuming from one) as {@code checkpoints} says, with Edward's data handling. */
  static void run(int nIter, int nPrint, Path out, long seed, TrainedExample.AfterTraining afterTraining,
      TrainingCheckpoints checkpoints) throws IOException {
    run(nIter, nPrint, out, seed, afterTraining, checkpoints, TutorialData.edward());
  }

  /** As above, serving the data as {@code data} says. */
  static void run(int nIter, int nPrint, Path out, long seed, TrainedExample.AfterTraining afterTraining,
      TrainingCheckpoints checkpoints, TutorialData data) throws IOException {
    Files.createDirectories(out);
    Mnist mnist = Mnist.load();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(M, 784));
      VariableScope gen = ctx.scope("Gen");
      Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(M, D).build();
      Operand<TFloat32> x = generativeNetwork(gen, eps);

      GANInference inference = new GANInference(Map.of(x, xPh), GanExample::discriminativeNetwork);
      inference.initialize(GanOptions.builder()
          .nIter(nIter).nPrint(nPrint)
          .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build())
          .build());
      System.out.println(inference);

      System.out.println(data);
      Minibatches batches = data.batches(mnist.train(), M, seed);
      float[] xBatch = batches.newImageBuffer();
      int[] idx = new Random(seed).ints(16, 0, M).toArray();
      double[] losses = new double[nIter];
      double[] lossesD = new double[nIter];
      int first = (int) checkpoints.resume(ctx, inference, batches);
      int picture = (first + nPrint - 1) / nPrint;
      for (int t = first; t < nIter; t++) {
        if (t % nPrint == 0) {
          writeSamples(ctx.eval(x).data(), idx, out.resolve(String.format("samples_%03d.png", picture++)));
        }
        batches.next(xBatch);
        UpdateInfo info = inference.update(Map.of(xPh, xBatch));
        inference.printProgress(info);
        losses[t] = info.loss();
        lossesD[t] = info.lossD();
        checkpoints.afterIteration(ctx, t + 1, batches);
      }
      checkpoints.finish(ctx, nIter, batches);
      inference.finish();
      Path last = writeSamples(ctx.eval(x).data(), idx, out.resolve("samples_final.png"));
      Path curve = LinePlot.builder().series("Gen Loss", tail(losses, first)).series("Disc Loss", tail(lossesD, first))
          .title("GAN losses on MNIST").xLabel("iteration").yLabel("loss").build()
          .writePng(out.resolve("losses.png"));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("trained %d iterations in %.1f s (%.0f it/s); samples in %s, losses in %s%n",
          nIter, seconds, nIter / seconds, last.toAbsolutePath(), curve.toAbsolutePath());
      if (afterTraining != null) {
        afterTraining.accept(TrainedExample.ofSampler(ctx, x));
      }
    }
  }

  /** The losses of this process's iterations (a resumed run has none before {@code first}). */
  private static double[] tail(double[] losses, int first) {
    return java.util.Arrays.copyOfRange(losses, Math.min(first, losses.length - 1), losses.length);
  }

  /** A 4x4 grid of the samples at {@code idx}, as the tutorial's {@code plot(samples[idx])}. */
  static Path writeSamples(float[] samples, int[] idx, Path file) throws IOException {
    float[] chosen = new float[idx.length * 784];
    for (int i = 0; i < idx.length; i++) {
      System.arraycopy(samples, idx[i] * 784, chosen, i * 784, 784);
    }
    return ImageGrid.of(chosen, 28, 28).rows(4).cols(4).scale(2).build().writePng(file);
  }
}
