package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.datasets.Binarization;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.PhaseQ;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.inferences.WakeSleep;
import org.edward4j.inferences.WakeSleepOptions;
import org.edward4j.models.Bernoulli;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
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
 * <p>{@code bin/edward sbn [--iterations N] [--k K] [--batch M] [--out DIR] [--seed S] [--save-every N]
 * [--resume DIR]}. Checkpoints make long runs resumable, and measure a checkpoint: {@code --resume
 * DIR/ckpt-N --iterations N} trains nothing and prints the test NLL of the saved model ({@code
 * bin/edward quality sbn --checkpoint DIR/ckpt-N} does the same). The run's settings and test NLL
 * go to {@code <out>/sbn.json}, the report {@code bin/edward results} reads.
 */
public final class SbnExample {

  /** The number of binary latents. */
  public static final int HIDDEN = 200;

  private SbnExample() {}

  /**
   * Runs the example.
   *
   * @param argv the flags; {@code --help} lists them
   */
  public static void main(String[] argv) {
    Main.main(Main.withCommand("sbn", argv));
  }

  /**
   * The sigmoid belief network and its recognition model, built in this order (so the seeds are
   * the same wherever it is built): the data placeholder {@code x_ph}, under {@code model} the prior
   * logits, {@code z ~ Bernoulli} and {@code x ~ Bernoulli(dense(z))}, under {@code recognition}
   * {@code qz ~ Bernoulli(dense(x_ph))}.
   *
   * @param xPh the binarized images, {@code [m, 784]}
   * @param z the {@value #HIDDEN} binary latents
   * @param x the observed pixels
   * @param qz the recognition model
   */
  record Model(ContextPlaceholder<TFloat32> xPh, Bernoulli<TFloat32> z, Bernoulli<TFloat32> x, Bernoulli<TFloat32> qz) {}

  /** Builds {@link Model} for batches of {@code m} images. */
  static Model model(ModelContext ctx, int m) {
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
    return new Model(xPh, z, x, qz);
  }

  /**
   * Trains (or resumes from {@code --resume}), writes the grids, estimates the test NLL and returns
   * the run's report: its settings and the NLL, what {@code bin/edward sbn} writes to {@code
   * <out>/sbn.json} and {@code bin/edward quality sbn} to its own {@code --out}.
   *
   * @param mnist the data, {@code Mnist.load()} from the commands
   */
  static QualityReport run(SbnCommand args, Mnist mnist) throws IOException {
    int nIter = args.iterations;
    int nPrint = args.print;
    int m = args.batch;
    long seed = args.output.seed;
    Path out = args.output.out();
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      Model sbn = model(ctx, m);
      ContextPlaceholder<TFloat32> xPh = sbn.xPh();
      Bernoulli<TFloat32> z = sbn.z();
      Bernoulli<TFloat32> x = sbn.x();
      Bernoulli<TFloat32> qz = sbn.qz();

      WakeSleep inference = new WakeSleep(Map.of(z, qz), Map.of(x, xPh));
      inference.initialize(WakeSleepOptions.builder()
          .nIter(nIter).nPrint(nPrint)
          .optimizer(Adam.builder().learningRate(args.lr).build())
          .nSamples(args.samples)
          .phaseQ(PhaseQ.parse(args.phaseQ.name()))
          .reweighted(args.reweighted)
          .build());
      System.out.println(inference);

      Minibatches batches = Minibatches.over(mnist.train(), m).shuffleEachEpoch(seed)
          .binarization(Binarization.stochastic(seed + 1)).build();
      float[] xBatch = batches.newImageBuffer();
      TrainingCheckpoints checkpoints = args.checkpoints.plan(out, nIter, args.signal());
      int first = (int) checkpoints.resume(ctx, inference, batches);
      for (int t = first; t < nIter; t++) {
        if (t % nPrint == 0) {
          // Pictures are not training: a resumed run need not replay them.
          Path picture = out.resolve(String.format("fantasies_%03d.png", t / nPrint));
          ctx.keepingRandomStep(() -> HeldOutLikelihood.writeGrid(ctx.eval(x.mean()).data(), 8, 8, picture));
        }
        batches.next(xBatch);
        UpdateInfo info = inference.update(Map.of(xPh, xBatch));
        inference.printProgress(info);
        checkpoints.afterIteration(ctx, t + 1, batches);
      }
      checkpoints.finish(ctx, nIter, batches);
      inference.finish();
      Path fantasies = HeldOutLikelihood.writeGrid(ctx.eval(x.mean()).data(), 8, 8, out.resolve("fantasies_final.png"));
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("trained %d iterations in %.1f s (%.0f it/s); fantasies in %s%n",
          nIter - first, trainSeconds, (nIter - first) / trainSeconds, fantasies.toAbsolutePath());

      HeldOutLikelihood.Result nll =
          HeldOutLikelihood.printTestNll(args.likelihood, Map.of(z, qz), x, xPh, mnist.test(), m, seed + 2);
      return report(args, nll, trainSeconds, first == nIter);
    }
  }

  /**
   * The report of a run: the flags that shaped the model and the measurement, the checkpoint it
   * resumed from (if any), the command line that gives the same figure, and the test NLL as metric
   * {@code test_nll}.
   *
   * @param measuredOnly whether the run resumed at the checkpoint's own iteration and trained nothing
   */
  static QualityReport report(SbnCommand args, HeldOutLikelihood.Result nll, double trainSeconds, boolean measuredOnly) {
    QualityReport.Builder report = QualityReport.builder("sbn")
        .setting("seed", args.output.seed)
        .setting("iterations", args.iterations)
        .setting("batch", args.batch)
        .setting("lr", args.lr)
        .setting("samples", args.samples)
        .setting("phase_q", args.phaseQ.name())
        .setting("reweighted", Boolean.toString(args.reweighted))
        .setting("k", args.likelihood.k)
        .setting("test_images", nll.images());
    Optional<Path> from = args.checkpoints.resumedFrom().map(Path::toAbsolutePath);
    from.ifPresent(f -> report.setting("checkpoint", f.toString()));
    String measurement = String.format(Locale.ROOT, "--k %d --test-images %d --seed %d", args.likelihood.k,
        args.likelihood.testImages, args.output.seed);
    String training = String.format(Locale.ROOT, "--iterations %d --batch %d --lr %s --samples %d --phase-q %s"
        + " --reweighted %b", args.iterations, args.batch, args.lr, args.samples, args.phaseQ, args.reweighted);
    // `results` prints this line as the way to reproduce the figure.
    report.setting("command", from.isPresent() && measuredOnly
        ? "bin/edward quality sbn --checkpoint " + from.get() + " " + measurement
        : "bin/edward sbn " + training + from.map(f -> " --resume " + f).orElse("") + " " + measurement);
    return report
        .setting("train_seconds", QualityMeasurement.round(trainSeconds))
        .setting("measure_seconds", QualityMeasurement.round(nll.seconds()))
        .metric("test_nll", nll.nats(), String.format("nats per image: -log p(x) importance-sampled with K=%d from q,"
            + " over %d stochastically binarized test images", args.likelihood.k, nll.images()))
        .build();
  }
}
