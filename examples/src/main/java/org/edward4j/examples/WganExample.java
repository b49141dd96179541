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
import org.edward4j.inferences.WganOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.inferences.Side;
import org.edward4j.inferences.WGANInference;
import org.edward4j.models.Normal;
import org.edward4j.models.Uniform;
import org.edward4j.plots.ScatterPlot;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * WGAN-GP (Gulrajani et al., 2017) with Edward's {@code WGANInference}, on MNIST (the generator and
 * critic of Edward's {@code gan_wasserstein.py}) or on the paper's toy mixture of eight Gaussians on
 * a circle. Five critic updates per generator update, penalty weight 10, Adam(1e-4, 0.5, 0.9) as in
 * the paper (5e-4 for the mixture, to converge in minutes).
 *
 * <p>MNIST writes 4x4 sample grids; the mixture writes scatter plots of data against samples.
 */
public final class WganExample {

  static final int M = 128;

  private WganExample() {}

  /**
   * Runs the example.
   *
   * @param argv {@code --data mnist|mixture --iterations N --print N --out DIR --seed S}
   */
  public static void main(String[] argv) {
    Main.main(Main.withCommand("wgan", argv));
  }

  static void run(boolean mnist, int nIter, int nPrint, int nCritic, double lr, Path out, long seed) throws IOException {
    run(mnist, nIter, nPrint, nCritic, lr, out, seed, null);
  }

  /** As the other {@code run}, then hands the trained MNIST generator to {@code afterTraining}, if any. */
  static void run(boolean mnist, int nIter, int nPrint, int nCritic, double lr, Path out, long seed,
      TrainedExample.AfterTraining afterTraining) throws IOException {
    run(mnist, nIter, nPrint, nCritic, lr, out, seed, afterTraining, TrainingCheckpoints.atEnd(out));
  }

  /** As above, saving checkpoints (and resuming from one) as {@code checkpoints} says. */
  static void run(boolean mnist, int nIter, int nPrint, int nCritic, double lr, Path out, long seed,
      TrainedExample.AfterTraining afterTraining, TrainingCheckpoints checkpoints) throws IOException {
    Files.createDirectories(out);
    Mnist data = mnist ? Mnist.load() : null;
    int dim = mnist ? 784 : 2;
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(M, dim));
      VariableScope gen = ctx.scope("Gen");
      Operand<TFloat32> x;
      WGANInference inference;
      if (mnist) {
        Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(M, GanExample.D).build();
        x = GanExample.generativeNetwork(gen, eps);
        inference = new WGANInference(Map.of(x, xPh), GanExample::discriminativeNetwork);
      } else {
        Normal eps = Normal.builder(gen).loc(0.0).scale(1.0).sampleShape(M, 2).build();
        x = mlp(gen, eps, 2);
        inference = new WGANInference(Map.of(x, xPh), (scope, in) -> mlp(scope, in, 1));
      }
      inference.initialize(WganOptions.builder()
          // t counts every update, so reports fall on generator updates every nPrint iterations.
          .nIter(nIter).nPrint(nPrint * (nCritic + 1)).nCritic(nCritic).penalty(10)
          .optimizer(Adam.builder().learningRate(lr).beta1(0.5).beta2(0.9).build())
          .optimizerD(Adam.builder().learningRate(lr).beta1(0.5).beta2(0.9).build())
          .build());
      System.out.println(inference);

      Minibatches batches = mnist ? Minibatches.over(data.train(), M).shuffleEachEpoch(seed).build() : null;
      float[] xBatch = new float[M * dim];
      Random rng = new Random(seed);
      int[] idx = rng.ints(16, 0, M).toArray();
      int first = (int) checkpoints.resume(ctx, inference, batches);
      int picture = (first + nPrint - 1) / nPrint;
      replayMixture(first, nPrint, nCritic, mnist, rng);
      for (int t = first; t < nIter; t++) {
        if (t % nPrint == 0) {
          picture(ctx.eval(x).data(), xBatch, mnist, idx, out, String.format("%03d", picture++), rng);
        }
        UpdateInfo critic = null;
        for (int k = 0; k < nCritic; k++) {
          nextBatch(batches, xBatch, rng);
          critic = inference.update(Map.of(xPh, xBatch), Side.DISC);
        }
        UpdateInfo info = inference.update(Map.of(xPh, xBatch), Side.GEN);
        inference.printProgress(new UpdateInfo(info.t(), Map.of("loss", info.loss(), "loss_d", critic.lossD())));
        checkpoints.afterIteration(ctx, t + 1, batches);
      }
      checkpoints.finish(ctx, nIter, batches);
      inference.finish();
      picture(ctx.eval(x).data(), xBatch, mnist, idx, out, "final", rng);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("trained %d generator iterations (%d critic updates each) in %.1f s; pictures in %s%n",
          nIter, nCritic, seconds, out.toAbsolutePath());
      if (afterTraining != null && mnist) {
        afterTraining.accept(TrainedExample.ofSampler(ctx, x));
      }
    }
  }

  /** Draws what the mixture's first {@code done} iterations drew from {@code rng}, so a resumed run sees the same data. */
  private static void replayMixture(int done, int nPrint, int nCritic, boolean mnist, Random rng) {
    float[] scratch = new float[M * 2];
    for (int t = 0; t < done && !mnist; t++) {
      if (t % nPrint == 0) {
        nextBatch(null, scratch, rng);
      }
      for (int k = 0; k < nCritic; k++) {
        nextBatch(null, scratch, rng);
      }
    }
  }

  /** Three 256-unit ReLU layers and a linear output of {@code outputs} units. */
  static Operand<TFloat32> mlp(VariableScope scope, Operand<TFloat32> in, int outputs) {
    Operand<TFloat32> net = in;
    for (int i = 0; i < 3; i++) {
      net = Layers.dense(scope, net, 256, DenseOptions.builder().activation(Activation.relu()).build());
    }
    return Layers.dense(scope, net, outputs);
  }

  private static void nextBatch(Minibatches batches, float[] xBatch, Random rng) {
    if (batches != null) {
      batches.next(xBatch);
      return;
    }
    for (int i = 0; i < M; i++) {
      double angle = 2 * Math.PI * rng.nextInt(8) / 8;
      xBatch[2 * i] = (float) (2 * Math.cos(angle) + 0.02 * rng.nextGaussian());
      xBatch[2 * i + 1] = (float) (2 * Math.sin(angle) + 0.02 * rng.nextGaussian());
    }
  }

  private static void picture(float[] samples, float[] xBatch, boolean mnist, int[] idx, Path out, String tag, Random rng)
      throws IOException {
    if (mnist) {
      GanExample.writeSamples(samples, idx, out.resolve("samples_" + tag + ".png"));
      return;
    }
    float[] real = new float[M * 2];
    nextBatch(null, real, rng);
    ScatterPlot.builder().series("data", real).series("generated", samples)
        .title("WGAN-GP on a mixture of 8 Gaussians").xRange(-3, 3).yRange(-3, 3)
        .build().writePng(out.resolve("scatter_" + tag + ".png"));
  }
}
