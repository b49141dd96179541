package org.edward4j.examples.montecarlo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.MAP;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.inferences.VariationalOptions;
import org.edward4j.inferences.montecarlo.HMC;
import org.edward4j.inferences.montecarlo.HmcOptions;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.edward4j.plots.ImageGrid;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/factor_analysis.py}: logistic factor analysis of MNIST fitted to one
 * image by Monte Carlo EM, HMC for the E-step and MAP for the M-step. {@code z ~ N(0, I)} of {@code
 * d = 10} per image, {@code x ~ Bernoulli(logits = dense(z, 784))}; each iteration draws one HMC
 * sample of {@code z} given the weights, then takes one Adam step (learning rate 0.01, epsilon 1)
 * on the weights of {@code -log p(x, z)} at that draw.
 *
 * <p>As Edward: {@code N = 1} image, 5,000 iterations per epoch, 20 epochs of which the script runs
 * 19, the Empirical holding all {@code 100,000} draws; after each epoch it prints Edward's figure,
 * the M-step's loss {@code -log p(x, z)} per image averaged over the epoch (Edward labels it "log
 * p(x) >=", which it is not: it is the negated joint at a posterior draw), and writes the prior
 * predictive probabilities {@code sigmoid(dense(z))} of a fresh {@code z ~ N(0, I)} ({@code
 * epoch_<k>.png}). Edward's M-step reads {@code qz.params[t]} after the E-step has advanced {@code
 * t}, i.e. the row not written yet (its initial value); here it reads the draw just written.
 * Edward feeds raw MNIST bytes as Bernoulli outcomes; here the image is binarized at 0.5.
 *
 * <p>{@code bin/edward factor-analysis [--n N] [--d d] [--iterations-per-epoch K] [--epochs E] [--out DIR] [--seed S]}
 */
public final class FactorAnalysisExample {

  /** MNIST's pixels per image. */
  static final int PIXELS = 28 * 28;

  private FactorAnalysisExample() {}

  /**
   * What a run found.
   *
   * @param epochLosses the M-step's mean loss per image of each epoch
   * @param report the JSON report written
   */
  record Result(List<Double> epochLosses, Path report) {}

  static Result run(FactorAnalysisCommand args, float[] images) throws IOException {
    Path out = args.output.out();
    long start = System.nanoTime();
    int n = args.n;
    int d = args.d;
    float[][] xTrain = new float[n][PIXELS];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < PIXELS; p++) {
        xTrain[i][p] = images[i * PIXELS + p] > 0.5f ? 1f : 0f;
      }
    }
    int t = args.iterationsPerEpoch * args.epochs;
    try (ModelContext ctx = ModelContext.withSeed(args.output.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Normal z = Normal.builder(model).loc(tf.zeros(tf.constant(new int[] {n, d}), TFloat32.class))
          .scale(tf.ones(tf.constant(new int[] {n, d}), TFloat32.class)).name("z").build();
      Operand<TFloat32> logits = tf.reshape(Layers.dense(model, z, PIXELS), tf.constant(new int[] {n, -1}));
      Bernoulli<TFloat32> x = Bernoulli.builder(model).logits(logits).dtype(TFloat32.class).name("x").build();

      VariableScope q = ctx.scope("qz");
      Variable<TFloat32> params = q.getVariable("params", Shape.of(t, n, d), Initializers.zeros());
      Empirical qz = Empirical.of(q, params);
      HMC inferenceE = new HMC(Map.of(z, qz), Map.of(x, ctx.tf().constant(xTrain)));
      inferenceE.initialize(HmcOptions.builder().nPrint(Math.max(1, args.iterationsPerEpoch / 10)).build());

      Operand<TFloat32> currentZ = inferenceE.sampleStore().current(ctx.scope("m_step").tf()).get(0);
      MAP inferenceM = new MAP(Map.of(), Map.of(x, ctx.tf().constant(xTrain), z, currentZ));
      inferenceM.initialize(VariationalOptions.builder()
          .optimizer(Adam.builder().learningRate(0.01).epsilon(1.0).build())
          .varList(ctx.collections().trainableVariables("model")).build());

      List<Double> losses = new ArrayList<>();
      for (int epoch = 0; epoch < args.epochs - 1; epoch++) {
        double avgLoss = 0;
        for (int i = 0; i < args.iterationsPerEpoch; i++) {
          UpdateInfo infoE = inferenceE.update();
          UpdateInfo infoM = inferenceM.update();
          avgLoss += infoM.loss();
          inferenceE.printProgress(infoE);
        }
        avgLoss = avgLoss / args.iterationsPerEpoch / n;
        losses.add(avgLoss);
        System.out.printf("%nlog p(x) >= %.3f   (Edward's label; the figure is -log p(x, z) per image at the HMC draw)%n",
            avgLoss);
        float[] probs = ctx.eval(x.mean()).data();
        ImageGrid.of(probs, 28, 28).rows(1).cols(n).scale(4).build().writePng(out.resolve(String.format("epoch_%02d.png", epoch)));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%d epochs of %d iterations in %.1f s; prior predictive pictures in %s%n", args.epochs - 1,
          args.iterationsPerEpoch, seconds, out.toAbsolutePath());
      Path report = QualityReport.builder("factor-analysis")
          .setting("command", "bin/edward factor-analysis --n " + n + " --d " + d + " --iterations-per-epoch "
              + args.iterationsPerEpoch + " --epochs " + args.epochs)
          .setting("seed", args.output.seed())
          .setting("train_seconds", seconds)
          .metric("first_epoch_loss", losses.isEmpty() ? Double.NaN : losses.get(0), "-log p(x, z) per image, epoch 1")
          .metric("last_epoch_loss", losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1),
              "-log p(x, z) per image, last epoch (Edward's 'log p(x) >=' figure)")
          .build().writeJson(out.resolve("factor-analysis.json"));
      return new Result(losses, report);
    }
  }
}
