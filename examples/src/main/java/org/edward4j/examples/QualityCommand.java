package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.CheckpointEntry;
import org.edward4j.core.checkpoints.CheckpointException;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.optimizers.ExponentialMovingAverage;
import org.edward4j.examples.classifier.ClassifierCache;
import org.edward4j.examples.classifier.MnistConvNet;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.datasets.Mnist;
import org.edward4j.models.Uniform;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bin/edward quality <example>}: trains an example with its default settings (or restores
 * its generator from {@code --checkpoint}), measures it with the project's MNIST classifier, prints
 * a table and writes it as JSON ({@code <out>/<example>.json}) so runs can be compared.
 *
 * <p>{@code gan}, {@code wgan}, {@code dcgan}: classifier score (over all images, and the usual mean
 * over 10 splits) and Frechet distance of 10,000 generated images
 * against the real test images; {@code bigan}: those plus the 1-nearest-neighbour accuracy of the
 * encoder's codes (and of raw pixels, for reference). The classifier is trained once (two to four
 * minutes) and kept in the cache. gan and wgan hand their generator over when training ends; bigan
 * is measured from the checkpoint its run saves in {@code <out>/bigan/checkpoints}. With {@code
 * --checkpoint} the networks under {@code Gen} are rebuilt as the example names them and restored.
 * {@code --authors-split true} adds, for bigan and bigan-paper, the 1-NN accuracies on the BiGAN
 * authors' split ({@link AuthorsSplit}) beside ours. {@code bigan-paper} measures a checkpoint of {@code bigan --recipe paper} or {@code --recipe cpu}
 * (the same networks; required: the runs take from minutes to hours). {@code quality gan} takes the tutorial's data flags {@code --binarize} and {@code
 * --shuffle} and records them in the report. {@code sbn}, {@code vae}: the importance-sampled test negative log-likelihood the example computes
 * at the end of its run, with {@code --k} importance samples over {@code --test-images} test images (as the
 * examples' own flags); {@code sbn --checkpoint DIR} measures a checkpoint of {@code bin/edward sbn} (any of its
 * settings: {@code --reweighted}, {@code --samples}, ...) without training, as {@code sbn --resume DIR
 * --iterations N} would, in batches of 100 test images, and writes the report {@code sbn} itself writes. For a
 * final checkpoint of a run with sbn's default training flags and the same {@code --k}, {@code --test-images}
 * and {@code --seed}, that is the run's own figure bit for bit; otherwise the same estimate with other draws.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
    description = "Trains (or restores) an example and prints its quality, as a table and as JSON in <out>/<example>.json:"
        + " classifier score and Frechet distance (gan, wgan, dcgan, bigan, bigan-paper), 1-NN accuracy of codes"
        + " (bigan, bigan-paper), test NLL (sbn, vae).")
final class QualityCommand extends ExampleCommand {

  /** The examples this command measures, by their names on the command line. */
  enum Example {
    gan, wgan, dcgan, bigan, bigan_paper, sbn, vae;

    /** The name on the command line: {@code bigan-paper} for {@code bigan_paper}. */
    String label() {
      return name().replace('_', '-');
    }

    /** Reads an example by its label, listing the labels when there is no such example. */
    static final class Converter implements ITypeConverter<Example> {
      @Override
      public Example convert(String value) {
        for (Example e : values()) {
          if (e.label().equals(value)) {
            return e;
          }
        }
        throw new TypeConversionException("expected one of " + Labels.ALL + " but was '" + value + "'");
      }
    }

    /** The labels, for help and shell completion. */
    static final class Labels implements Iterable<String> {
      static final List<String> ALL = Arrays.stream(values()).map(Example::label).toList();

      @Override
      public Iterator<String> iterator() {
        return ALL.iterator();
      }
    }
  }

  @Parameters(index = "0", paramLabel = "EXAMPLE", converter = Example.Converter.class,
      completionCandidates = Example.Labels.class, description = "the example to measure: ${COMPLETION-CANDIDATES}")
  Example example;

  @Option(names = "--iterations", paramLabel = "N", description = "training iterations (default: the example's own)")
  Integer iterations;

  @Option(names = "--checkpoint", paramLabel = "DIR",
      description = "restore the generator (and encoder) from this checkpoint instead of training"
          + " (gan, wgan, dcgan, bigan, sbn; required for bigan-paper)")
  Path checkpoint;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "10000",
      description = "generated images to measure (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--averaged", paramLabel = "BOOL", defaultValue = "true", arity = "1",
      description = "dcgan, bigan-paper: measure the averaged weights when the checkpoint holds them (--ema);"
          + " false measures the trained weights themselves (default: ${DEFAULT-VALUE})")
  boolean averaged;

  @Option(names = "--authors-split", paramLabel = "BOOL", defaultValue = "false", arity = "1",
      description = "bigan, bigan-paper: also measure the 1-NN accuracy on the BiGAN authors' split (10,000 of the"
          + " training images, drawn with --seed, as queries against the other 50,000), beside ours (default: ${DEFAULT-VALUE})")
  boolean authorsSplit;
  /** The data of {@code quality sbn} when a test hands in a stand-in; null reads the verified MNIST cache. */
  Mnist mnist;

  @Mixin TutorialDataOptions data;
  @Mixin LikelihoodOptions likelihood;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    if (iterations != null) {
      positive("--iterations", iterations);
    }
    positive("--samples", samples);
    ParseResult parsed = spec.commandLine().getParseResult();
    for (String flag : List.of("--binarize", "--shuffle")) {
      if (example != Example.gan && parsed.hasMatchedOption(flag)) {
        throw usage(flag + " applies to `quality gan` only (the GAN tutorial's data handling), not to `quality "
            + example.label() + "`");
      }
    }
    if (authorsSplit && example != Example.bigan && example != Example.bigan_paper) {
      throw usage("--authors-split applies to `quality bigan` and `quality bigan-paper` (their encoders), not to `quality "
          + example.label() + "`");
    }
    boolean likelihoodExample = example == Example.sbn || example == Example.vae;
    for (String flag : List.of("--k", "--test-images")) {
      if (!likelihoodExample && parsed.hasMatchedOption(flag)) {
        throw usage(flag + " applies to `quality sbn` and `quality vae` (the test NLL), not to `quality "
            + example.label() + "`");
      }
    }
    likelihood.check(this);
    if (example == Example.bigan_paper && checkpoint == null) {
      throw usage("`quality bigan-paper` measures a checkpoint of `bigan --recipe paper` (hours of training):"
          + " pass --checkpoint DIR");
    }
    if (example == Example.gan && checkpoint != null
        && (parsed.hasMatchedOption("--binarize") || parsed.hasMatchedOption("--shuffle"))) {
      throw usage("--binarize and --shuffle choose how `quality gan` trains; with --checkpoint nothing is trained");
    }
    Long sbnIterations = null;
    if (checkpoint != null) {
      if (example == Example.vae) {
        throw usage("--checkpoint is not supported for `quality vae`: it trains the model and measures the test NLL"
            + " at the end of the run");
      }
      CheckpointReader reader;
      try {
        reader = CheckpointReader.open(checkpoint);
      } catch (CheckpointException e) {
        throw usage("--checkpoint: " + e.getMessage());
      }
      if (example == Example.sbn) {
        sbnIterations = sbnCheckpointIterations(reader);
      }
    }
    Path out = output.createOut();
    if (example == Example.sbn) {
      runSbn(out, sbnIterations);
    } else if (example == Example.vae) {
      runLikelihood(example.name(), out);
    } else {
      run(example.label(), out);
    }
    return 0;
  }

  private void run(String example, Path out) throws IOException {
    long seed = output.seed;
    Mnist mnist = Mnist.load();
    QualityReport.Builder report = QualityReport.builder(example).setting("seed", seed).setting("samples", samples);
    AuthorsSplit split = null;
    if (authorsSplit) {
      report.setting("authors_split", "true");
      split = AuthorsSplit.of(mnist.train().size(), AuthorsSplit.VALIDATION, seed);
    }
    AuthorsSplit nnSplit = split;
    try (MnistConvNet classifier = ClassifierCache.loadOrTrain(mnist, System.out)) {
      report.setting("classifier_test_accuracy",
          ClassifierCache.testAccuracy(ClassifierCache.defaultDirectory()).orElse(Double.NaN));
      QualityMeasurement measurement = new QualityMeasurement(mnist, classifier);
      Path grid = out.resolve(example + "_samples.png");
      if (checkpoint != null) {
        report.setting("checkpoint", checkpoint.toAbsolutePath().toString());
        measureCheckpoint(example, checkpoint, seed, averaged, report,
            trained -> measurement.measure(trained, samples, grid, nnSplit, report));
      } else {
        int nIter = iterations == null ? defaultIterations(example) : iterations;
        report.setting("iterations", nIter);
        TutorialData tutorialData = data.data();
        if (example.equals("gan")) {
          report.setting("binarize", Boolean.toString(tutorialData.binarize()))
              .setting("shuffle", Boolean.toString(tutorialData.shuffle()));
        }
        long start = System.nanoTime();
        TrainedExample.AfterTraining hook = trained -> {
          report.setting("train_seconds", QualityMeasurement.round((System.nanoTime() - start) / 1e9));
          measurement.measure(trained, samples, grid, nnSplit, report);
        };
        if (example.equals("bigan")) {
          // The BiGAN example saves a checkpoint at the end of its run; measure what it saved.
          Path dir = out.resolve(example);
          BiganExample.run(nIter, printEvery(nIter), false, dir, seed);
          Path saved = Checkpoints.latest(dir.resolve("checkpoints")).orElseThrow(() -> new IllegalStateException(
              "the bigan example saved no checkpoint in " + dir.resolve("checkpoints")));
          report.setting("train_seconds", QualityMeasurement.round((System.nanoTime() - start) / 1e9));
          measureCheckpoint(example, saved, seed, false, report,
              trained -> measurement.measure(trained, samples, grid, nnSplit, report));
        } else {
          train(example, nIter, out.resolve(example), seed, hook, tutorialData);
        }
      }
    }
    QualityReport built = report.build();
    System.out.print(built.toTable());
    Path json = built.writeJson(out.resolve(example + ".json"));
    System.out.println("report written to " + json.toAbsolutePath());
  }

  /**
   * The iterations an sbn checkpoint holds, checking that it is one: saved by {@code bin/edward sbn}
   * (which records them) and holding the sigmoid belief network's variables.
   */
  private Long sbnCheckpointIterations(CheckpointReader reader) {
    if (iterations != null) {
      throw usage("--iterations and --checkpoint: `quality sbn --checkpoint` measures the checkpoint as saved;"
          + " train further with `sbn --resume DIR --iterations N`");
    }
    for (String variable : List.of("model/prior_logits", "recognition/dense/kernel")) {
      if (reader.entry(variable).isEmpty()) {
        throw usage("--checkpoint: " + reader.prefix() + " holds no sigmoid belief network (no variable " + variable
            + "); pass a checkpoint that `bin/edward sbn` saved");
      }
    }
    Long done = reader.metadata().get(TrainingCheckpoints.ITERATIONS);
    if (done == null) {
      throw usage("--checkpoint: " + reader.prefix() + " records no iteration count; pass a checkpoint that"
          + " `bin/edward sbn` saved");
    }
    return done;
  }

  /** The flags every likelihood example's own run takes from this command. */
  private List<String> likelihoodFlags(String example, Path out) {
    return new ArrayList<>(List.of("--out", out.resolve(example).toString(), "--seed", Long.toString(output.seed),
        "--k", Integer.toString(likelihood.k), "--test-images", Integer.toString(likelihood.testImages)));
  }

  /**
   * sbn: the example's own run (or, with {@code --checkpoint}, its resumption at the checkpoint's
   * iteration, which trains nothing), and the report it makes.
   */
  private void runSbn(Path out, Long checkpointIterations) throws IOException {
    List<String> argv = likelihoodFlags("sbn", out);
    if (checkpointIterations != null) {
      argv.addAll(List.of("--resume", checkpoint.toString(), "--iterations", Long.toString(checkpointIterations)));
    } else if (iterations != null) {
      argv.addAll(List.of("--iterations", Integer.toString(iterations)));
    }
    SbnCommand sbn = new SbnCommand();
    new CommandLine(sbn).parseArgs(argv.toArray(String[]::new));
    sbn.check();
    QualityReport report = SbnExample.run(sbn, mnist != null ? mnist : Mnist.load());
    System.out.print(report.toTable());
    Path json = report.writeJson(out.resolve("sbn.json"));
    System.out.println("report written to " + json.toAbsolutePath());
  }

  /** vae: the example's own run, which ends with the importance-sampled test NLL. */
  private void runLikelihood(String example, Path out) throws IOException {
    List<String> argv = likelihoodFlags(example, out);
    if (iterations != null) {
      argv.addAll(List.of("--iterations", Integer.toString(iterations)));
    }
    String[] args = argv.toArray(String[]::new);
    long start = System.nanoTime();
    VaeCommand vae = new VaeCommand();
    new CommandLine(vae).parseArgs(args);
    vae.check();
    HeldOutLikelihood.Result nll = VaeExample.run(vae);
    int nIter = vae.iterations;
    int k = vae.likelihood.k;
    double total = (System.nanoTime() - start) / 1e9;
    QualityReport report = QualityReport.builder(example)
        .setting("seed", output.seed)
        .setting("iterations", nIter)
        .setting("train_seconds", QualityMeasurement.round(total - nll.seconds()))
        .setting("measure_seconds", QualityMeasurement.round(nll.seconds()))
        .metric("test_nll", nll.nats(), String.format("nats per image: -log p(x) importance-sampled with K=%d from q,"
            + " over %d stochastically binarized test images", k, nll.images()))
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
      case "dcgan" -> DcganExample.run(DcganExample.Settings.defaults(), iterations, print, out, seed, hook,
          TrainingCheckpoints.atEnd(out));
      default -> throw new IllegalStateException("cannot train " + example);
    }
  }

  private static int printEvery(int iterations) {
    return Math.max(1, Math.min(1000, iterations / 15));
  }

  /**
   * The DCGAN settings a checkpoint was trained with, as far as sampling needs them: {@code --noise}
   * and {@code --width} read back from the generator's first kernel, {@code [noise, 1024]}, and its
   * last, {@code [4, 4, 1, c]} with {@code c = round(64 * width)}; the rest are the defaults. A
   * checkpoint without them gets the defaults, and restoring it says what does not fit.
   */
  static DcganExample.Settings dcganSettingsOf(Path checkpoint) {
    DcganExample.Settings defaults = DcganExample.Settings.defaults();
    CheckpointReader reader = CheckpointReader.open(checkpoint);
    long[] first = reader.entry("Gen/dense/kernel").map(CheckpointEntry::dims).orElse(null);
    long[] last = reader.entry("Gen/conv2d_transpose_1/kernel").map(CheckpointEntry::dims).orElse(null);
    if (first == null || first.length != 2 || first[0] < 1 || last == null || last.length != 4 || last[3] < 1) {
      return defaults;
    }
    return new DcganExample.Settings(defaults.batch(), (int) first[0], last[3] / 64.0, defaults.lrGen(),
        defaults.lrDisc());
  }

  /**
   * Rebuilds the example's generator (and BiGAN's encoder) as the example names them and restores
   * the {@code Gen} scope from a checkpoint of the example. A dcgan or bigan-paper checkpoint holding
   * averaged weights ({@code --ema}) is measured with them when {@code averaged} is set; the
   * report's {@code averaged} setting says which weights were measured.
   */
  private static void measureCheckpoint(String example, Path checkpoint, long seed, boolean averaged,
      QualityReport.Builder report, TrainedExample.AfterTraining hook) throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope gen = ctx.scope("Gen");
      TrainedExample trained;
      if (example.equals("bigan-paper")) {
        trained = BiganPaperExample.trained(ctx, seed);
      } else if (example.equals("dcgan")) {
        trained = TrainedExample.ofSampler(ctx, DcganExample.sampler(ctx, dcganSettingsOf(checkpoint)));
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
      CheckpointReader restored = Checkpoints.restore(ctx, checkpoint, "Gen");
      System.out.println("restored the " + example + " networks under Gen from " + checkpoint);
      if ((example.equals("dcgan") || example.equals("bigan-paper")) && restored.entry(DcganExample.AVERAGE_SCOPE + "/"
          + ExponentialMovingAverage.NUM_UPDATES).isPresent()) {
        report.setting("averaged", Boolean.toString(averaged));
        if (averaged) {
          // The decay does not matter here: only the shadows' restored values are used.
          ExponentialMovingAverage average = DcganExample.average(ctx, 0.5);
          Checkpoints.restore(ctx, checkpoint, average.name());
          ctx.keepingRandomStep(() -> ctx.run(ctx.runner().addTarget(average.copyToVariables())).close());
          System.out.println("measuring the averaged generator weights under " + average.name());
        }
      }
      hook.accept(trained);
    }
  }
}
