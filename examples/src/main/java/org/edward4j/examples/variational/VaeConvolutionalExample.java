package org.edward4j.examples.variational;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.ConvOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.layers.Padding;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.datasets.Binarization;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.MnistSplit;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.edward4j.plots.ImageGrid;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code examples/vae_convolutional.py}: a variational auto-encoder (Kingma and Welling,
 * 2014) with convolutional networks on binarized MNIST. {@code z ~ N(0, I)} of {@code d}
 * dimensions (Edward: 10); the decoder reshapes {@code z} to {@code [M, 1, 1, d]} and applies
 * transposed convolutions {@code 128x3 VALID -> 64x5 VALID -> 32x5 stride 2 SAME -> 1x5 stride 2
 * SAME} (1, 3, 7, 14, 28 pixels), each but the last followed by batch normalization and ELU, giving
 * Bernoulli logits; the encoder mirrors it with convolutions {@code 32x5/2 SAME -> 64x5/2 SAME ->
 * 128x5 VALID} and a dense layer to {@code loc} and {@code softplus(scale)}. KLqp (Normal against
 * Normal, so the reparameterization gradient with the analytic KL) with Adam(0.01, epsilon 1.0)
 * on batches of {@code M} (Edward: 128) binarized afresh each step, consecutive and wrapping as
 * Edward's {@code generator}.
 *
 * <p>Every epoch it prints Edward's figure {@code -log p(x) <= loss / M} averaged over the epoch,
 * writes Edward's {@code hidden_rep = sigmoid(logits)} for the batch of prior draws as one PNG grid
 * (Edward writes one PNG per image), and rewrites the report {@code vae-convolutional.json} with the
 * epochs so far.
 *
 * <p>Edward's script calls {@code tf.layers.batch_normalization(net)} and {@code
 * tf.layers.dropout(net, 0.1)} without {@code training=True}: in TF1 both then run in inference
 * mode, so batch normalization uses its moving averages (never updated, so mean 0 and variance 1)
 * and acts as a trainable per-channel affine map, and dropout is the identity. This port does the
 * same, built with {@code training = false}; it says so rather than "fixing" the script.
 *
 * <p>{@code bin/edward vae-convolutional [--epochs N] [--iterations-per-epoch N] [--batch M]
 * [--latent d]}
 */
public final class VaeConvolutionalExample {

  private static final int SIDE = 28;
  private static final int PIXELS = SIDE * SIDE;

  private VaeConvolutionalExample() {}

  /**
   * The script's settings.
   *
   * @param batch images per update, Edward's {@code M} (128)
   * @param latent latent dimension, Edward's {@code d} (10)
   * @param epochs epochs, Edward's {@code n_epoch} (100)
   * @param iterationsPerEpoch updates per epoch (Edward: {@code 60000 // M} = 468)
   * @param learningRate Adam's learning rate (Edward: 0.01, with epsilon 1.0)
   * @param seed the graph seed; the binarization uses {@code seed + 1}
   */
  public record Settings(int batch, int latent, int epochs, int iterationsPerEpoch, double learningRate, long seed) {
    /**
     * Checks every value.
     *
     * @param batch see the record's description
     * @param latent see the record's description
     * @param epochs see the record's description
     * @param iterationsPerEpoch see the record's description
     * @param learningRate see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      atLeastOne("batch", batch);
      atLeastOne("latent", latent);
      atLeastOne("epochs", epochs);
      atLeastOne("iterationsPerEpoch", iterationsPerEpoch);
      if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
        throw new IllegalArgumentException("`learningRate` must be a finite number above 0, got " + learningRate);
      }
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
   * @param bound the bound on {@code -log p(x)} per image (the negative ELBO), mean over each epoch
   * @param grids the sample grid written after each epoch
   * @param seconds wall time of the fit
   */
  public record Result(double[] bound, Path[] grids, double seconds) {}

  /**
   * Fits the auto-encoder, printing the bound per epoch and writing a sample grid per epoch.
   *
   * @param s the settings
   * @param train 28x28 images with intensities in [0, 1], at least {@code s.batch()} of them
   * @param out the directory of the grids and the report (created by the caller)
   * @param print where to print
   * @return the figure
   * @throws IOException if a grid cannot be written
   * @throws IllegalArgumentException if the images are not 28x28 or fewer than a batch
   */
  public static Result run(Settings s, MnistSplit train, Path out, PrintStream print) throws IOException {
    if (train.height() != SIDE || train.width() != SIDE) {
      throw new IllegalArgumentException(
          "`train` must hold 28x28 images, got " + train.height() + "x" + train.width());
    }
    if (train.size() < s.batch()) {
      throw new IllegalArgumentException(
          "`train` must hold at least one batch of " + s.batch() + " images, got " + train.size());
    }
    int m = s.batch();
    int d = s.latent();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Normal z = Normal.builder(model).loc(tf.zeros(tf.constant(new int[] {m, d}), TFloat32.class)).scale(1.0)
          .name("z").build();
      Operand<TFloat32> logits = generativeNetwork(model, z, m, d);
      Bernoulli<TFloat32> x = Bernoulli.builder(model).logits(logits).dtype(TFloat32.class).name("x").build();

      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(m, PIXELS));
      VariableScope encoder = ctx.scope("inference");
      Normal qz = inferenceNetwork(encoder, xPh, m, d);
      Operand<TFloat32> hiddenRep = model.tf().math.sigmoid(logits);

      try (KLqp inference = new KLqp(Map.of(z, qz), Map.of(x, xPh))) {
        int nIter = Math.multiplyExact(s.epochs(), s.iterationsPerEpoch());
        inference.initialize(KLqpOptions.builder().nIter(nIter).nPrint(0).progressOutput(print)
            .optimizer(Adam.builder().learningRate(s.learningRate()).epsilon(1.0).build()).build());
        print.println(inference + ", estimator " + inference.estimator().orElseThrow());
        Minibatches batches = Minibatches.over(train, m).binarization(Binarization.stochastic(s.seed() + 1)).build();
        float[] xBatch = batches.newImageBuffer();
        double[] bound = new double[s.epochs()];
        Path[] grids = new Path[s.epochs()];
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
          print.println("Epoch: " + epoch);
          double avgLoss = 0;
          for (int t = 0; t < s.iterationsPerEpoch(); t++) {
            batches.next(xBatch);
            UpdateInfo info = inference.update(Map.of(xPh, xBatch));
            avgLoss += info.loss();
          }
          bound[epoch - 1] = avgLoss / s.iterationsPerEpoch() / m;
          print.printf(Locale.ROOT, "-log p(x) <= %.3f%n", bound[epoch - 1]);
          float[] images = ctx.eval(hiddenRep).data();
          int cols = Math.min(m, 16);
          grids[epoch - 1] = ImageGrid.of(images, SIDE, SIDE).rows((m + cols - 1) / cols).cols(cols).scale(2).build()
              .writePng(out.resolve(String.format(Locale.ROOT, "samples_epoch_%03d.png", epoch)));
          // The report after every epoch: a long run stopped early still leaves its figure so far.
          report(s, new Result(Arrays.copyOf(bound, epoch), Arrays.copyOf(grids, epoch), (System.nanoTime() - start) / 1e9))
              .writeJson(out.resolve("vae-convolutional.json"));
        }
        inference.finish();
        return new Result(bound, grids, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /** Edward's {@code generative_network(z)}: the Bernoulli logits {@code [M, 784]}. */
  private static Operand<TFloat32> generativeNetwork(VariableScope scope, Operand<TFloat32> z, int m, int d) {
    Ops tf = scope.tf();
    Operand<TFloat32> net = tf.reshape(z, tf.constant(new int[] {m, 1, 1, d}));
    net = normalizedElu(scope, Layers.conv2dTranspose(scope, net, 128, 3, conv(1, Padding.VALID)));
    net = normalizedElu(scope, Layers.conv2dTranspose(scope, net, 64, 5, conv(1, Padding.VALID)));
    net = normalizedElu(scope, Layers.conv2dTranspose(scope, net, 32, 5, conv(2, Padding.SAME)));
    net = Layers.conv2dTranspose(scope, net, 1, 5, conv(2, Padding.SAME));
    return tf.reshape(net, tf.constant(new int[] {m, PIXELS}));
  }

  /** Edward's {@code inference_network(x)}: {@code q(z | x) = Normal(loc, softplus(.))}. */
  private static Normal inferenceNetwork(VariableScope scope, Operand<TFloat32> x, int m, int d) {
    Ops tf = scope.tf();
    Operand<TFloat32> net = tf.reshape(x, tf.constant(new int[] {m, SIDE, SIDE, 1}));
    net = normalizedElu(scope, Layers.conv2d(scope, net, 32, 5, conv(2, Padding.SAME)));
    net = normalizedElu(scope, Layers.conv2d(scope, net, 64, 5, conv(2, Padding.SAME)));
    net = normalizedElu(scope, Layers.conv2d(scope, net, 128, 5, conv(1, Padding.VALID)));
    // Edward's tf.layers.dropout(net, 0.1) runs with training=False: the identity, so no op here.
    net = tf.reshape(net, tf.constant(new int[] {m, -1}));
    net = Layers.dense(scope, net, 2 * d);
    var halves = tf.split(tf.constant(1), net, 2L);
    return Normal.builder(scope).loc(halves.output().get(0)).scale(tf.math.softplus(halves.output().get(1)))
        .name("qz").build();
  }

  /** {@code elu(batch_normalization(net))} with TF1's default {@code training=False}, as Edward's script. */
  private static Operand<TFloat32> normalizedElu(VariableScope scope, Operand<TFloat32> net) {
    return scope.tf().nn.elu(Layers.batchNormalization(scope, net, false));
  }

  private static ConvOptions conv(int strides, Padding padding) {
    return ConvOptions.builder().strides(strides).padding(padding).build();
  }

  /**
   * The figure as a report for docs/RESULTS.md.
   *
   * @param s the settings
   * @param r the result, possibly of the first epochs only
   * @return the report
   */
  public static QualityReport report(Settings s, Result r) {
    int last = r.bound().length - 1;
    QualityReport.Builder b = QualityReport.builder("vae-convolutional")
        .setting("command", String.format(Locale.ROOT,
            "bin/edward vae-convolutional --epochs %d --iterations-per-epoch %d --batch %d --latent %d "
                + "--learning-rate %s --seed %d",
            s.epochs(), s.iterationsPerEpoch(), s.batch(), s.latent(), s.learningRate(), s.seed()))
        .setting("epochs_completed", r.bound().length)
        .setting("data", "MNIST training set, binarized afresh each batch")
        .setting("learning_rate", s.learningRate()).setting("seed", s.seed()).setting("train_seconds", r.seconds())
        .metric("bound", r.bound()[last], "-log p(x) <= negative ELBO per image, mean over the last epoch");
    for (int e = 0; e <= last; e++) {
      b.metric("bound_epoch_" + (e + 1), r.bound()[e], "negative ELBO per image, mean over epoch " + (e + 1));
    }
    return b.build();
  }
}
