package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.variables.Initializers;
import org.edward4j.core.variables.Variable;
import org.edward4j.datasets.Binarization;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.PhaseQ;
import org.edward4j.inferences.WakeSleepOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.inferences.WakeSleep;
import org.edward4j.models.Bernoulli;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A sigmoid belief network (Neal, 1992) on binarized MNIST trained with wake-sleep (Hinton et al.,
 * 1995): one layer of 200 binary latents {@code z ~ Bernoulli(sigmoid(b))}, pixels {@code x | z ~
 * Bernoulli(sigmoid(W z + c))}, and a Bernoulli recognition network {@code q(z | x) =
 * Bernoulli(sigmoid(V x + d))}.
 *
 * <p>Images are binarized afresh each step (Edward's {@code np.random.binomial(1, x)}); Adam
 * updates both phases in one step. Every {@code --print} iterations it writes a grid of fantasies
 * (the means {@code sigmoid(W z + c)} of prior draws {@code z}); at the end it prints the test
 * negative log-likelihood estimated with {@code --k} importance samples per image from {@code q}.
 * {@code --reweighted true --samples K --phase-q wake} gives reweighted wake-sleep (Bornschein and
 * Bengio, 2015).
 *
 * <p>{@code bin/edward sbn [--iterations N] [--k K] [--batch M] [--out DIR] [--seed S]}
 */
public final class SbnExample {

  /** The number of binary latents. */
  public static final int HIDDEN = 200;

  private SbnExample() {}

  /**
   * Runs the example.
   *
   * @param argv the flags; {@code --help} lists them
   * @throws IOException if MNIST cannot be loaded or a picture cannot be written
   */
  public static void main(String[] argv) throws IOException {
    ExampleArgs args = flags().parse(argv);
    if (args.helpRequested()) {
      System.out.print(args.usage());
      return;
    }
    run(args);
  }

  /** The example's flags and their defaults (also used by {@code bin/edward quality}). */
  static ExampleArgs flags() {
    return HeldOutLikelihood.addFlags(ExampleArgs.define("sbn", "a sigmoid belief network (200 binary latents) on MNIST with wake-sleep")
        .flag("iterations", "20000", "training iterations")
        .flag("print", "1000", "iterations between progress reports and fantasy grids")
        .flag("batch", "100", "images per minibatch")
        .flag("lr", "0.001", "Adam learning rate")
        .flag("samples", "1", "samples of q per phase and update (K of reweighted wake-sleep)")
        .flag("phase-q", "sleep", "q's update: sleep (fantasies) or wake (own samples; use with --reweighted)")
        .flag("reweighted", "false", "reweighted wake-sleep: importance-weight the wake phase over --samples"));
  }

  /** Trains, writes the grids, and returns the test NLL (also used by {@code bin/edward quality}). */
  static HeldOutLikelihood.Result run(ExampleArgs args) throws IOException {
    int nIter = args.getPositiveInt("iterations");
    int nPrint = args.getPositiveInt("print");
    int m = args.getPositiveInt("batch");
    long seed = args.getLong("seed");
    Path out = args.getPath("out");
    Files.createDirectories(out);
    Mnist mnist = Mnist.load();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(m, 784));

      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Variable<TFloat32> priorLogits = model.getVariable("prior_logits", Shape.of(HIDDEN), Initializers.zeros());
      Operand<TFloat32> logits = tf.math.add(priorLogits, tf.zeros(tf.constant(new int[] {m, HIDDEN}), TFloat32.class));
      Bernoulli<TFloat32> z = Bernoulli.builder(model).logits(logits).dtype(TFloat32.class).name("z").build();
      Bernoulli<TFloat32> x = Bernoulli.builder(model).logits(Layers.dense(model, z, 784)).dtype(TFloat32.class).name("x").build();

      VariableScope recognition = ctx.scope("recognition");
      Bernoulli<TFloat32> qz = Bernoulli.builder(recognition).logits(Layers.dense(recognition, xPh, HIDDEN))
          .dtype(TFloat32.class).name("qz").build();

      WakeSleep inference = new WakeSleep(Map.of(z, qz), Map.of(x, xPh));
      inference.initialize(WakeSleepOptions.builder()
          .nIter(nIter).nPrint(nPrint)
          .optimizer(Adam.builder().learningRate(args.getDouble("lr")).build())
          .nSamples(args.getPositiveInt("samples"))
          .phaseQ(PhaseQ.parse(args.get("phase-q")))
          .reweighted(Boolean.parseBoolean(args.get("reweighted")))
          .build());
      System.out.println(inference);

      Minibatches batches = Minibatches.over(mnist.train(), m).shuffleEachEpoch(seed)
          .binarization(Binarization.stochastic(seed + 1)).build();
      float[] xBatch = batches.newImageBuffer();
      int picture = 0;
      for (int t = 0; t < nIter; t++) {
        if (t % nPrint == 0) {
          HeldOutLikelihood.writeGrid(ctx.eval(x.mean()).data(), 8, 8, out.resolve(String.format("fantasies_%03d.png", picture++)));
        }
        batches.next(xBatch);
        UpdateInfo info = inference.update(Map.of(xPh, xBatch));
        inference.printProgress(info);
      }
      inference.finish();
      Path fantasies = HeldOutLikelihood.writeGrid(ctx.eval(x.mean()).data(), 8, 8, out.resolve("fantasies_final.png"));
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("trained %d iterations in %.1f s (%.0f it/s); fantasies in %s%n",
          nIter, trainSeconds, nIter / trainSeconds, fantasies.toAbsolutePath());

      return HeldOutLikelihood.printTestNll(args, Map.of(z, qz), x, xPh, mnist.test(), m, seed + 2);
    }
  }
}
