package org.edward4j.examples.variational;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Bernoulli;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/sigmoid_belief_network.py}: a deep sigmoid belief network (Neal, 1992)
 * with Bernoulli layers of sizes {@code [300, 100, 50, 10]} from the bottom up, {@code z_L ~
 * Bernoulli(logits 0)}, {@code z_l ~ Bernoulli(dense(z_{l+1}))}, {@code x ~ Bernoulli(dense(z_1))},
 * and a bottom-up Bernoulli approximation {@code q(z_1 | x) q(z_2 | z_1) ...} of the same sizes,
 * fitted with KLqp (the score-function gradient, as Bernoulli layers are not reparameterizable) with
 * {@code --train-samples} draws per update and Adam at {@code --step-size}.
 *
 * <p>Every epoch it prints Edward's figure: the training loss per data point averaged over the
 * epoch ("Training negative log-likelihood", in fact the negative ELBO, an upper bound of {@code
 * -log p(x)}) and the test reconstruction loss {@code -log p(x | z)}, {@code z ~ q(z | x)} averaged
 * over {@code --test-samples} draws ("Test negative log-likelihood", Edward's {@code ed.copy(x, {z:
 * qz})}).
 *
 * <p>Differences: Caltech-101 Silhouettes is not reachable, so the command trains on MNIST
 * binarized at 0.5 (a fixed binarization, as the silhouettes are fixed binary images); the prior
 * predictive images Edward saves each epoch are not written.
 *
 * <p>{@code bin/edward sigmoid-belief-network [--epochs 10] [--iterations-per-epoch 2500]}
 */
public final class SigmoidBeliefNetworkExample {

  private SigmoidBeliefNetworkExample() {}

  /**
   * The script's settings.
   *
   * @param hiddenSizes hidden sizes from the bottom up (Edward: 300, 100, 50, 10)
   * @param batch data points per update (Edward: 24)
   * @param trainSamples KLqp's draws per update (Edward: 10)
   * @param testSamples draws of the test reconstruction loss per epoch (Edward: 1000)
   * @param stepSize Adam's learning rate (Edward: 1e-3)
   * @param epochs epochs (Edward: 100)
   * @param iterationsPerEpoch updates per epoch (Edward: 10000)
   * @param seed the seed of the graph
   */
  public record Settings(int[] hiddenSizes, int batch, int trainSamples, int testSamples, double stepSize, int epochs,
      int iterationsPerEpoch, long seed) {
    /**
     * Checks every value.
     *
     * @param hiddenSizes see the record's description
     * @param batch see the record's description
     * @param trainSamples see the record's description
     * @param testSamples see the record's description
     * @param stepSize see the record's description
     * @param epochs see the record's description
     * @param iterationsPerEpoch see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      if (hiddenSizes.length == 0 || Arrays.stream(hiddenSizes).anyMatch(h -> h < 1)) {
        throw new IllegalArgumentException(
            "`hiddenSizes` must be one or more sizes of at least 1, got " + Arrays.toString(hiddenSizes));
      }
      hiddenSizes = hiddenSizes.clone();
      atLeastOne("batch", batch);
      atLeastOne("trainSamples", trainSamples);
      atLeastOne("testSamples", testSamples);
      atLeastOne("epochs", epochs);
      atLeastOne("iterationsPerEpoch", iterationsPerEpoch);
      if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
        throw new IllegalArgumentException("`stepSize` must be a finite number above 0, got " + stepSize);
      }
    }

    /**
     * The hidden sizes, a copy.
     *
     * @return the hidden sizes from the bottom up
     */
    @Override
    public int[] hiddenSizes() {
      return hiddenSizes.clone();
    }

    private static void atLeastOne(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException("`" + name + "` must be at least 1, got " + value);
      }
    }
  }

  /**
   * Edward's figure, one entry per epoch.
   *
   * @param trainLoss the negative ELBO per data point averaged over each epoch
   * @param testLoss the test reconstruction loss per data point after each epoch
   * @param seconds wall time of the fit
   */
  public record Result(double[] trainLoss, double[] testLoss, double seconds) {}

  /**
   * Fits the network and prints the figure per epoch.
   *
   * @param s the settings
   * @param train binary training rows, all of one length
   * @param test binary test rows of the same length
   * @param out where to print
   * @return the figure
   * @throws IllegalArgumentException if the data are empty, ragged, or not 0/1
   */
  public static Result run(Settings s, float[][] train, float[][] test, PrintStream out) {
    int d = checkBinary("train", train, -1);
    checkBinary("test", test, d);
    int[] sizes = s.hiddenSizes();
    int top = sizes.length - 1;
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      Ops tf = ctx.tf();
      int m = s.batch();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(m, d));
      VariableScope model = ctx.scope("model");
      Bernoulli<TFloat32>[] zs = bernoulliArray(sizes.length);
      for (int l = top; l >= 0; l--) {
        Operand<TFloat32> logits = l == top
            ? model.tf().zeros(model.tf().constant(new int[] {m, sizes[l]}), TFloat32.class)
            : Layers.dense(model, zs[l + 1], sizes[l], named("z" + l + "_logits"));
        zs[l] = Bernoulli.builder(model).logits(logits).dtype(TFloat32.class).name("z" + l).build();
      }
      Bernoulli<TFloat32> x = Bernoulli.builder(model).logits(Layers.dense(model, zs[0], d, named("x_logits")))
          .dtype(TFloat32.class).name("x").build();

      VariableScope inference = ctx.scope("inference");
      Bernoulli<TFloat32>[] qzs = bernoulliArray(sizes.length);
      for (int l = 0; l <= top; l++) {
        Operand<TFloat32> below = l == 0 ? xPh : qzs[l - 1];
        qzs[l] = Bernoulli.builder(inference).logits(Layers.dense(inference, below, sizes[l], named("qz" + l + "_logits")))
            .dtype(TFloat32.class).name("qz" + l).build();
      }

      // Edward's x_post = ed.copy(x, {z: qz}): the decoder applied to a draw of q(z_1 | x_test).
      ContextPlaceholder<TFloat32> xTest = ctx.placeholder("x_test", TFloat32.class, Shape.of(test.length, d));
      Operand<TFloat32> qz0Test = Bernoulli.builder(ctx.scope("inference", Reuse.REUSE))
          .logits(Layers.dense(ctx.scope("inference", Reuse.REUSE), xTest, sizes[0], named("qz0_logits")))
          .dtype(TFloat32.class).name("qz0_test").build();
      Bernoulli<TFloat32> xPost = Bernoulli.builder(ctx.scope("model", Reuse.REUSE))
          .logits(Layers.dense(ctx.scope("model", Reuse.REUSE), qz0Test, d, named("x_logits")))
          .dtype(TFloat32.class).name("x_post").build();
      Operand<TFloat32> testNll = tf.math.div(tf.math.neg(tf.reduceSum(xPost.logProb(xTest), tf.constant(new int[] {0, 1}))),
          tf.constant((float) test.length));

      Map<Operand<?>, Operand<?>> latent = new LinkedHashMap<>();
      for (int l = 0; l <= top; l++) {
        latent.put(zs[l], qzs[l]);
      }
      try (KLqp klqp = new KLqp(latent, Map.of(x, xPh))) {
        klqp.initialize(KLqpOptions.builder().nSamples(s.trainSamples()).nIter(s.epochs() * s.iterationsPerEpoch())
            .nPrint(s.iterationsPerEpoch()).progressOutput(out)
            .optimizer(Adam.builder().learningRate(s.stepSize()).build()).build());
        out.println(klqp + ", estimator " + klqp.estimator().orElseThrow());
        float[][] batch = new float[m][];
        int cursor = 0;
        double[] trainLoss = new double[s.epochs()];
        double[] testLoss = new double[s.epochs()];
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
          out.println("Epoch " + epoch);
          double sum = 0;
          for (int t = 0; t < s.iterationsPerEpoch(); t++) {
            // Edward's generator: consecutive rows, wrapping around the end without shuffling.
            for (int i = 0; i < m; i++) {
              batch[i] = train[cursor];
              cursor = (cursor + 1) % train.length;
            }
            UpdateInfo info = klqp.update(Map.of(xPh, batch));
            sum += info.loss();
          }
          trainLoss[epoch] = sum / s.iterationsPerEpoch() / m;
          out.printf(Locale.ROOT, "Training negative log-likelihood: %.3f%n", trainLoss[epoch]);
          double testSum = 0;
          for (int k = 0; k < s.testSamples(); k++) {
            testSum += ctx.eval(testNll, Map.of(xTest, test)).scalar();
          }
          testLoss[epoch] = testSum / s.testSamples();
          out.printf(Locale.ROOT, "Test negative log-likelihood: %.3f%n", testLoss[epoch]);
        }
        return new Result(trainLoss, testLoss, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  private static DenseOptions named(String name) {
    return DenseOptions.builder().name(name).build();
  }

  @SuppressWarnings("unchecked")
  private static Bernoulli<TFloat32>[] bernoulliArray(int n) {
    return (Bernoulli<TFloat32>[]) new Bernoulli<?>[n];
  }

  private static int checkBinary(String name, float[][] rows, int width) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("`" + name + "` must have at least one row, got 0");
    }
    int d = width < 0 ? rows[0].length : width;
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d || d == 0) {
        throw new IllegalArgumentException("`" + name + "` rows must all have " + d + " values, row " + i + " has " + rows[i].length);
      }
      for (float v : rows[i]) {
        if (v != 0f && v != 1f) {
          throw new IllegalArgumentException("`" + name + "` must hold 0 or 1, got " + v + " in row " + i);
        }
      }
    }
    return d;
  }

  /**
   * The figure as a report for docs/RESULTS.md.
   *
   * @param s the settings
   * @param r the result
   * @param data what the network was trained on
   * @return the report
   */
  public static QualityReport report(Settings s, Result r, String data) {
    int last = r.trainLoss().length - 1;
    QualityReport.Builder b = QualityReport.builder("sigmoid-belief-network")
        .setting("command", String.format(Locale.ROOT,
            "bin/edward sigmoid-belief-network --epochs %d --iterations-per-epoch %d --batch %d --seed %d",
            s.epochs(), s.iterationsPerEpoch(), s.batch(), s.seed()))
        .setting("data", data).setting("hidden_sizes", Arrays.toString(s.hiddenSizes()))
        .setting("train_samples", s.trainSamples()).setting("test_samples", s.testSamples())
        .setting("seed", s.seed()).setting("train_seconds", r.seconds())
        .metric("train_loss", r.trainLoss()[last], "negative ELBO per data point, mean over the last epoch")
        .metric("test_nll", r.testLoss()[last], "test -log p(x | z), z ~ q(z | x), per data point (Edward's test NLL)");
    for (int e = 0; e <= last; e++) {
      b.metric("train_loss_epoch_" + e, r.trainLoss()[e], "negative ELBO per data point, epoch " + e);
    }
    return b.build();
  }
}
