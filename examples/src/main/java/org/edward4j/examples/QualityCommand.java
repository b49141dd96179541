package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.CheckpointException;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.criticisms.quality.ClassifierCache;
import org.edward4j.criticisms.quality.MnistConvNet;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.datasets.Mnist;
import org.edward4j.models.Uniform;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@code bin/edward quality <example>}: trains an example with its default settings (or restores
 * its generator from {@code --checkpoint}), measures it with the project's MNIST classifier, prints
 * a table and writes it as JSON ({@code <out>/<example>.json}) so runs can be compared.
 *
 * <p>{@code gan}, {@code wgan}, {@code dcgan}: classifier score and Frechet distance of 10,000 generated images
 * against the real test images; {@code bigan}: those plus the 1-nearest-neighbour accuracy of the
 * encoder's codes (and of raw pixels, for reference). The classifier is trained once (two to four
 * minutes) and kept in the cache. gan and wgan hand their generator over when training ends; bigan
 * is measured from the checkpoint its run saves in {@code <out>/bigan/checkpoints}. With {@code
 * --checkpoint} the networks under {@code Gen} are rebuilt as the example names them and restored.
 * {@code bigan-paper} measures a checkpoint of {@code bigan --recipe paper} (required: the run takes
 * hours). {@code sbn}, {@code vae}: the importance-sampled test negative log-likelihood the example computes
 * at the end of its run.
 */
final class QualityCommand {

  /** The examples this command knows, in the order of its usage text. */
  static final List<String> EXAMPLES = List.of("gan", "wgan", "dcgan", "bigan", "bigan-paper", "sbn", "vae");

  private QualityCommand() {}

  /**
   * Runs the command.
   *
   * @param argv the example's name, then flags
   * @throws IOException if MNIST, the classifier or a checkpoint cannot be read, or the report written
   */
  static void main(String[] argv) throws IOException {
    String example = argv.length == 0 ? "--help" : argv[0];
    ExampleArgs args = ExampleArgs.define("quality", "sample quality of a trained example, as a table and JSON")
        .flag("iterations", "", "training iterations (default: the example's own)")
        .flag("checkpoint", "", "restore the generator (and encoder) from this checkpoint instead of training")
        .flag("samples", "10000", "generated images to measure")
        .flag("binarize", "true", "gan: binarize each batch, as Edward's tutorial (false: grey levels)")
        .flag("shuffle", "false", "gan: reshuffle every epoch (Edward's tutorial takes the file order)")
        .parse(Arrays.copyOfRange(argv, Math.min(1, argv.length), argv.length));
    if (example.equals("--help") || example.equals("-h") || args.helpRequested()) {
      System.out.print("usage: bin/edward quality <" + String.join("|", EXAMPLES) + "> [flags]\n" + args.usage());
      return;
    }
    if (!EXAMPLES.contains(example)) {
      throw new ExampleArgs.UsageException("unknown example `" + example + "`; `quality` measures " + EXAMPLES);
    }
    if (example.equals("bigan-paper") && args.get("checkpoint").isEmpty()) {
      throw new ExampleArgs.UsageException("`quality bigan-paper` measures a checkpoint of `bigan --recipe paper`"
          + " (hours of training): pass --checkpoint DIR");
    }
    if (example.equals("sbn") || example.equals("vae")) {
      runLikelihood(example, args);
      return;
    }
    run(example, args);
  }

  private static void run(String example, ExampleArgs args) throws IOException {
    int samples = args.getPositiveInt("samples");
    long seed = args.getLong("seed");
    Path out = args.getPath("out");
    Files.createDirectories(out);
    Path checkpoint = args.get("checkpoint").isEmpty() ? null : args.getPath("checkpoint");
    if (checkpoint != null) {
      try {
        CheckpointReader.open(checkpoint);
      } catch (CheckpointException e) {
        throw new ExampleArgs.UsageException("--checkpoint: " + e.getMessage());
      }
    }
    Mnist mnist = Mnist.load();
    QualityReport.Builder report = QualityReport.builder(example).setting("seed", seed).setting("samples", samples);
    try (MnistConvNet classifier = ClassifierCache.loadOrTrain(mnist, System.out)) {
      report.setting("classifier_test_accuracy",
          ClassifierCache.testAccuracy(ClassifierCache.defaultDirectory()).orElse(Double.NaN));
      QualityMeasurement measurement = new QualityMeasurement(mnist, classifier);
      Path grid = out.resolve(example + "_samples.png");
      if (checkpoint != null) {
        report.setting("checkpoint", checkpoint.toAbsolutePath().toString());
        measureCheckpoint(example, checkpoint, seed, trained -> measurement.measure(trained, samples, grid, report));
      } else {
        int iterations = args.get("iterations").isEmpty() ? defaultIterations(example) : args.getPositiveInt("iterations");
        report.setting("iterations", iterations);
        TutorialData data = GanExample.data(args);
        if (example.equals("gan")) {
          report.setting("binarize", Boolean.toString(data.binarize())).setting("shuffle", Boolean.toString(data.shuffle()));
        }
        long start = System.nanoTime();
        TrainedExample.AfterTraining hook = trained -> {
          report.setting("train_seconds", QualityMeasurement.round((System.nanoTime() - start) / 1e9));
          measurement.measure(trained, samples, grid, report);
        };
        if (example.equals("bigan")) {
          // The BiGAN example saves a checkpoint at the end of its run; measure what it saved.
          Path dir = out.resolve(example);
          BiganExample.main(new String[] {"--iterations", Integer.toString(iterations), "--print",
              Integer.toString(printEvery(iterations)), "--out", dir.toString(), "--seed", Long.toString(seed)});
          Path saved = Checkpoints.latest(dir.resolve("checkpoints")).orElseThrow(() -> new IllegalStateException(
              "the bigan example saved no checkpoint in " + dir.resolve("checkpoints")));
          report.setting("train_seconds", QualityMeasurement.round((System.nanoTime() - start) / 1e9));
          measureCheckpoint(example, saved, seed, trained -> measurement.measure(trained, samples, grid, report));
        } else {
          train(example, iterations, out.resolve(example), seed, hook, data);
        }
      }
    }
    QualityReport built = report.build();
    System.out.print(built.toTable());
    Path json = built.writeJson(out.resolve(example + ".json"));
    System.out.println("report written to " + json.toAbsolutePath());
  }

  /** sbn, vae: the example's own run, which ends with the importance-sampled test NLL. */
  private static void runLikelihood(String example, ExampleArgs args) throws IOException {
    if (!args.get("checkpoint").isEmpty()) {
      throw new ExampleArgs.UsageException("--checkpoint is not supported for `quality " + example
          + "`: it trains the model and measures the test NLL at the end of the run");
    }
    Path out = args.getPath("out");
    List<String> argv = new ArrayList<>(List.of("--out", out.resolve(example).toString(), "--seed", args.get("seed")));
    if (!args.get("iterations").isEmpty()) {
      argv.addAll(List.of("--iterations", Integer.toString(args.getPositiveInt("iterations"))));
    }
    ExampleArgs exampleArgs = (example.equals("sbn") ? SbnExample.flags() : VaeExample.flags())
        .parse(argv.toArray(String[]::new));
    long start = System.nanoTime();
    HeldOutLikelihood.Result nll = example.equals("sbn") ? SbnExample.run(exampleArgs) : VaeExample.run(exampleArgs);
    double total = (System.nanoTime() - start) / 1e9;
    QualityReport report = QualityReport.builder(example)
        .setting("seed", args.getLong("seed"))
        .setting("iterations", exampleArgs.getPositiveInt("iterations"))
        .setting("train_seconds", QualityMeasurement.round(total - nll.seconds()))
        .setting("measure_seconds", QualityMeasurement.round(nll.seconds()))
        .metric("test_nll", nll.nats(), String.format("nats per image: -log p(x) importance-sampled with K=%d from q,"
            + " over %d stochastically binarized test images", exampleArgs.getPositiveInt("k"), nll.images()))
        .build();
    System.out.print(report.toTable());
    Path json = report.writeJson(out.resolve(example + ".json"));
    System.out.println("report written to " + json.toAbsolutePath());
  }

  private static int defaultIterations(String example) {
    return switch (example) {
      case "gan", "wgan" -> 15000;
      case "dcgan" -> 12000;
      case "bigan" -> 20000;
      default -> throw new IllegalStateException("no defaults for " + example);
    };
  }

  private static void train(String example, int iterations, Path out, long seed, TrainedExample.AfterTraining hook,
      TutorialData data) throws IOException {
    int print = printEvery(iterations);
    switch (example) {
      case "gan" -> GanExample.run(iterations, print, out, seed, hook, TrainingCheckpoints.atEnd(out), data);
      case "wgan" -> WganExample.run(true, iterations, print, 5, 1e-4, out, seed, hook);
      case "dcgan" -> DcganExample.run(DcganExample.settings(DcganExample.flags().parse()), iterations, print, out, seed,
          hook, TrainingCheckpoints.atEnd(out));
      default -> throw new IllegalStateException("cannot train " + example);
    }
  }

  private static int printEvery(int iterations) {
    return Math.max(1, Math.min(1000, iterations / 15));
  }

  /**
   * Rebuilds the example's generator (and BiGAN's encoder) as the example names them and restores
   * the {@code Gen} scope from a checkpoint of the example.
   */
  private static void measureCheckpoint(String example, Path checkpoint, long seed, TrainedExample.AfterTraining hook)
      throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope gen = ctx.scope("Gen");
      TrainedExample trained;
      if (example.equals("bigan-paper")) {
        trained = BiganPaperExample.trained(ctx, seed);
      } else if (example.equals("dcgan")) {
        trained = TrainedExample.ofSampler(ctx, DcganExample.sampler(ctx, DcganExample.settings(DcganExample.flags().parse())));
      } else if (example.equals("bigan")) {
        Ops tf = ctx.tf();
        Placeholder<TFloat32> xPh = tf.withName("x_ph").placeholder(TFloat32.class,
            Placeholder.shape(Shape.of(BiganExample.M, 784)));
        Placeholder<TFloat32> zPh = tf.withName("z_ph").placeholder(TFloat32.class,
            Placeholder.shape(Shape.of(BiganExample.M, BiganExample.D)));
        Operand<TFloat32> xGenerated = BiganExample.generator(gen.child("generator"), zPh);
        Operand<TFloat32> zEncoded = BiganExample.encoder(gen.child("encoder"), xPh);
        trained = TrainedExample.ofBidirectional(ctx, xGenerated, zPh, zEncoded, xPh, seed);
      } else {
        Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(GanExample.M, GanExample.D).build();
        trained = TrainedExample.ofSampler(ctx, GanExample.generativeNetwork(gen, eps));
      }
      Checkpoints.restore(ctx, checkpoint, "Gen");
      System.out.println("restored the " + example + " networks under Gen from " + checkpoint);
      hook.accept(trained);
    }
  }
}
