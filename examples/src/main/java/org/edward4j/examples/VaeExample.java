package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.RmsProp;
import org.edward4j.datasets.Binarization;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Edward's variational auto-encoder example (Kingma and Welling, 2014) on binarized MNIST: {@code z
 * ~ N(0, I)} of {@code d} dimensions (Edward's default 2), a decoder {@code dense(256, relu) ->
 * dense(784)} giving Bernoulli logits, an encoder {@code dense(256, relu)} to {@code loc = dense(d)}
 * and {@code scale = dense(d, softplus)}, {@code KLqp} (the reparameterization gradient with the
 * closed-form KL) and RMSProp(0.01, epsilon 1), batches of 100 binarized afresh each step.
 *
 * <p>Every {@code --print} iterations it prints Edward's per-image bound {@code -log p(x) <= loss /
 * M} averaged since the last report and writes a grid of prior predictive means {@code
 * sigmoid(decoder(z))}, {@code z ~ N(0, I)}; at the end it prints the test negative log-likelihood
 * estimated with {@code --k} importance samples per image from the encoder.
 *
 * <p>{@code bin/edward vae [--iterations N] [--latent d] [--k K] [--batch M] [--out DIR] [--seed S]}
 */
public final class VaeExample {

  private VaeExample() {}

  /**
   * Runs the example.
   *
   * @param argv the flags; {@code --help} lists them
   */
  public static void main(String[] argv) {
    Main.main(Main.withCommand("vae", argv));
  }

  /** Trains, writes the grids, and returns the test NLL (also used by {@code bin/edward quality}). */
  static HeldOutLikelihood.Result run(VaeCommand args) throws IOException {
    int nIter = args.iterations;
    int nPrint = args.print;
    int m = args.batch;
    int d = args.latent;
    long seed = args.output.seed;
    Path out = args.output.out();
    Mnist mnist = Mnist.load();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      DenseOptions relu = DenseOptions.builder().activation(Activation.relu()).build();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(m, 784));

      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Normal z = Normal.builder(model).loc(tf.zeros(tf.constant(new int[] {m, d}), TFloat32.class)).scale(1.0).name("z").build();
      Operand<TFloat32> hidden = Layers.dense(model, z, 256, relu);
      Bernoulli<TFloat32> x = Bernoulli.builder(model).logits(Layers.dense(model, hidden, 784)).dtype(TFloat32.class).name("x").build();

      VariableScope encoder = ctx.scope("encoder");
      Operand<TFloat32> h = Layers.dense(encoder, xPh, 256, relu);
      Normal qz = Normal.builder(encoder)
          .loc(Layers.dense(encoder, h, d))
          .scale(Layers.dense(encoder, h, d, DenseOptions.builder().activation(Activation.softplus()).build()))
          .name("qz").build();

      KLqp inference = new KLqp(Map.of(z, qz), Map.of(x, xPh));
      inference.initialize(KLqpOptions.builder()
          .nIter(nIter).nPrint(nPrint)
          .optimizer(RmsProp.builder().learningRate(0.01).epsilon(1.0).build())
          .build());
      System.out.println(inference + ", estimator " + inference.estimator().orElseThrow());

      Minibatches batches = Minibatches.over(mnist.train(), m).binarization(Binarization.stochastic(seed + 1)).build();
      float[] xBatch = batches.newImageBuffer();
      double lossSinceReport = 0;
      int picture = 0;
      for (int t = 0; t < nIter; t++) {
        if (t % nPrint == 0) {
          HeldOutLikelihood.writeGrid(ctx.eval(x.mean()).data(), 8, 8, out.resolve(String.format("samples_%03d.png", picture++)));
        }
        batches.next(xBatch);
        UpdateInfo info = inference.update(Map.of(xPh, xBatch));
        inference.printProgress(info);
        lossSinceReport += info.loss();
        if ((t + 1) % nPrint == 0) {
          System.out.printf("  -log p(x) <= %.3f (mean per image over the last %d iterations)%n", lossSinceReport / nPrint / m, nPrint);
          lossSinceReport = 0;
        }
      }
      inference.finish();
      Path samples = HeldOutLikelihood.writeGrid(ctx.eval(x.mean()).data(), 8, 8, out.resolve("samples_final.png"));
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("trained %d iterations in %.1f s (%.0f it/s); samples in %s%n",
          nIter, trainSeconds, nIter / trainSeconds, samples.toAbsolutePath());

      return HeldOutLikelihood.printTestNll(args.likelihood, Map.of(z, qz), x, xPh, mnist.test(), m, seed + 2);
    }
  }
}
