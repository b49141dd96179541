package org.edward4j.examples;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.datasets.GraphMinibatches;
import org.edward4j.datasets.Minibatches;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.models.Uniform;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A GAN fed from Java ({@link Minibatches} into a placeholder, Edward's way) against the same GAN
 * reading its batches inside the graph ({@link GraphMinibatches}: no feed at all), in alternating
 * rounds in one JVM; each figure is its median round, with the per-round ratios' spread.
 *
 * <p>Two models: Edward's tutorial GAN (M = 128, MLPs, binarized batches in file order, as the
 * tutorial feeds them) and {@link DcganExample}'s DCGAN at its defaults (grey levels; the fed path
 * shuffles each epoch as the example does, the in-graph one serves file order, which costs the
 * same gather of rows). Besides steps per second, each round records the process's CPU time per
 * step (every thread: Java, the feed copy, TensorFlow's pools), which a busy machine inflates less
 * than the wall clock.
 */
final class InputBenchmark {

  private InputBenchmark() {}

  /** The model to measure. */
  enum Model {
    /** Edward's GAN tutorial. */
    GAN,
    /** The DCGAN example at its defaults. */
    DCGAN
  }

  @FunctionalInterface
  private interface Loop {
    void step();
  }

  /** One round of one path: steps per second and process CPU milliseconds per step. */
  private record Round(double stepsPerSecond, double cpuMillisPerStep) {}

  /**
   * Runs both input paths and prints steps/s and their ratio.
   *
   * @param model the GAN to measure
   * @param steps updates per round
   * @param rounds rounds per path, alternating
   * @param warmup updates of each path before measuring
   * @param seed the graph seed
   * @throws IOException if MNIST cannot be read or fetched
   */
  static void run(Model model, int steps, int rounds, int warmup, long seed) throws IOException {
    Mnist mnist = Mnist.load();
    try (ModelContext fedCtx = ModelContext.withSeed(seed); ModelContext graphCtx = ModelContext.withSeed(seed)) {
      Loop fedLoop;
      Loop graphLoop;
      Loop fedInput;
      Loop graphInput;
      String title;
      if (model == Model.GAN) {
        int m = GanExample.M;
        ContextPlaceholder<TFloat32> xPh = fedCtx.placeholder("x_ph", TFloat32.class, Shape.of(m, 784));
        GANInference fed = new GANInference(Map.of(generator(fedCtx), xPh), GanExample::discriminativeNetwork);
        fed.initialize(options());
        Minibatches batches = TutorialData.edward().batches(mnist.train(), m, seed);
        fedLoop = feeding(fed, xPh, batches);
        GraphMinibatches inGraph = GraphMinibatches.over(graphCtx.scope("data"), mnist.train(), m, true);
        GANInference graph = new GANInference(Map.of(generator(graphCtx), inGraph.images()), GanExample::discriminativeNetwork);
        graph.initialize(options());
        graphLoop = graph::update;
        fedInput = inputAlone(fedCtx, xPh, TutorialData.edward().batches(mnist.train(), m, seed));
        graphInput = inputAlone(graphCtx, inGraph.images());
        title = String.format("GAN tutorial (M=%d, binarized batches in file order)", m);
      } else {
        DcganExample.Settings s = DcganExample.Settings.defaults();
        ContextPlaceholder<TFloat32> xPh = fedCtx.placeholder("x_ph", TFloat32.class, Shape.of(s.batch(), 784));
        GANInference fed = new GANInference(Map.of(DcganExample.sampler(fedCtx, s), xPh),
            (scope, in) -> DcganExample.discriminator(scope, in, s));
        fed.initialize(dcganOptions(s));
        fedLoop = feeding(fed, xPh, Minibatches.over(mnist.train(), s.batch()).shuffleEachEpoch(seed).build());
        GraphMinibatches inGraph = GraphMinibatches.over(graphCtx.scope("data"), mnist.train(), s.batch(), false);
        GANInference graph = new GANInference(Map.of(DcganExample.sampler(graphCtx, s), inGraph.images()),
            (scope, in) -> DcganExample.discriminator(scope, in, s));
        graph.initialize(dcganOptions(s));
        graphLoop = graph::update;
        fedInput = inputAlone(fedCtx, xPh, Minibatches.over(mnist.train(), s.batch()).shuffleEachEpoch(seed).build());
        graphInput = inputAlone(graphCtx, inGraph.images());
        title = String.format("DCGAN example (batch %d, width %.2f, grey levels)", s.batch(), s.width());
      }

      time(fedLoop, warmup);
      time(graphLoop, warmup);
      List<Round> fedRounds = new ArrayList<>();
      List<Round> graphRounds = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        fedRounds.add(time(fedLoop, steps));
        graphRounds.add(time(graphLoop, steps));
      }
      List<Double> fedRates = fedRounds.stream().map(Round::stepsPerSecond).toList();
      List<Double> graphRates = graphRounds.stream().map(Round::stepsPerSecond).toList();
      List<Double> ratios = new ArrayList<>();
      List<Double> cpuRatios = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        ratios.add(graphRates.get(r) / fedRates.get(r));
        cpuRatios.add(graphRounds.get(r).cpuMillisPerStep() / fedRounds.get(r).cpuMillisPerStep());
      }
      List<Double> fedCpu = fedRounds.stream().map(Round::cpuMillisPerStep).toList();
      List<Double> graphCpu = graphRounds.stream().map(Round::cpuMillisPerStep).toList();
      double f = BenchmarkRounds.median(fedRates);
      double g = BenchmarkRounds.median(graphRates);
      System.out.printf("%s, %d rounds of %d updates, load average %.2f%n", title, rounds, steps,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf("  fed from Java (Minibatches -> placeholder) : %8.2f steps/s  %7.2f CPU ms/step  rounds %s%n", f,
          BenchmarkRounds.median(fedCpu), BenchmarkRounds.format(fedRates, "%.1f"));
      System.out.printf("  read in the graph (GraphMinibatches)       : %8.2f steps/s  %7.2f CPU ms/step  rounds %s%n", g,
          BenchmarkRounds.median(graphCpu), BenchmarkRounds.format(graphRates, "%.1f"));
      System.out.printf("  in-graph / fed, steps/s                    : %8.3f (median of per-round ratios %.3f, %s)%n", g / f,
          BenchmarkRounds.median(ratios), spread(ratios));
      System.out.printf("  in-graph / fed, CPU per step               : %8.3f (median of per-round ratios, %s)%n",
          BenchmarkRounds.median(cpuRatios), spread(cpuRatios));
      // The input path alone: a run that only reads (or is fed) one batch and sums it, the same
      // eval around both, so the difference is what one path costs more than the other per step.
      int calls = Math.max(20, steps * 5);
      time(fedInput, calls);
      time(graphInput, calls);
      List<Double> fedUs = new ArrayList<>();
      List<Double> graphUs = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        fedUs.add(1e6 / time(fedInput, calls).stepsPerSecond());
        graphUs.add(1e6 / time(graphInput, calls).stepsPerSecond());
      }
      List<Double> diffs = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        diffs.add(graphUs.get(r) - fedUs.get(r));
      }
      System.out.printf("  input alone (one batch read and summed), %d rounds of %d runs, us per run:%n", rounds, calls);
      System.out.printf("    fed %.1f, in the graph %.1f; in-graph - fed: median of round pairs %.1f us (range %.1f .. %.1f),"
          + " %.2f%% of a fed step's wall time%n", BenchmarkRounds.median(fedUs), BenchmarkRounds.median(graphUs),
          BenchmarkRounds.median(diffs), diffs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
          diffs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
          100 * BenchmarkRounds.median(diffs) / (1e6 / f));
    }
  }

  private static String spread(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format("quartiles %.3f-%.3f, range %.3f-%.3f", a[a.length / 4], a[(3 * a.length) / 4], a[0], a[a.length - 1]);
  }

  private static Loop feeding(GANInference inference, ContextPlaceholder<TFloat32> xPh, Minibatches batches) {
    float[] xBatch = batches.newImageBuffer();
    return () -> {
      batches.next(xBatch);
      inference.update(Map.of(xPh, xBatch));
    };
  }

  /** One fed batch, summed in the graph: the fed path's input cost plus one small run. */
  private static Loop inputAlone(ModelContext ctx, ContextPlaceholder<TFloat32> xPh, Minibatches batches) {
    float[] xBatch = batches.newImageBuffer();
    Operand<TFloat32> sum = ctx.tf().reduceSum(xPh, ctx.tf().constant(new int[] {0, 1}));
    return () -> {
      batches.next(xBatch);
      ctx.eval(sum, Map.of(xPh, xBatch));
    };
  }

  /** One in-graph batch, summed: the in-graph path's input cost plus one small run. */
  private static Loop inputAlone(ModelContext ctx, Operand<TFloat32> images) {
    Operand<TFloat32> sum = ctx.tf().reduceSum(images, ctx.tf().constant(new int[] {0, 1}));
    return () -> ctx.eval(sum);
  }

  /** {@link DcganExample}'s optimizers at constant rates. */
  private static GanOptions dcganOptions(DcganExample.Settings s) {
    return GanOptions.builder().nPrint(0)
        .optimizer(Adam.builder().learningRate(s.lrGen()).beta1(0.5).build())
        .optimizerD(Adam.builder().learningRate(s.lrDisc()).beta1(0.5).name("DiscAdam").build()).build();
  }

  private static Operand<TFloat32> generator(ModelContext ctx) {
    VariableScope gen = ctx.scope("Gen");
    Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(GanExample.M, GanExample.D).build();
    return GanExample.generativeNetwork(gen, eps);
  }

  private static GanOptions options() {
    return GanOptions.builder().nPrint(0).optimizer(Adam.builder().build()).optimizerD(Adam.builder().build()).build();
  }

  private static Round time(Loop loop, int steps) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      loop.step();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Round(steps / seconds, (os.getProcessCpuTime() - cpu) / 1e6 / steps);
  }
}
