package org.edward4j.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.models.Uniform;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Measures what the library adds around {@code Session.run}: steps per second of {@code
 * GANInference.update} on Edward's GAN tutorial graph, against the same graph driven by a
 * hand-written raw TF Java loop (one reused input tensor, one runner per step fetching both losses,
 * as Edward's {@code update} does, fed with the context's random step), in the same JVM.
 *
 * <p>Rounds alternate between the two loops so that warm-up, CPU frequency and other load affect
 * both alike; the figure reported for each is its median round. The data is synthetic noise of
 * MNIST's shape (the benchmark measures speed, not learning).
 */
public final class GanBenchmark {

  private GanBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param argv {@code --steps N --rounds R --seed S}
   */
  public static void main(String[] argv) {
    Main.main(Main.withCommand("bench", Main.withCommand("gan", argv)));
  }

  /**
   * Runs the benchmark and prints both rates and their ratio.
   *
   * @param steps update steps per round
   * @param rounds rounds per loop, alternating
   * @param warmup steps of each loop before measuring
   * @param seed the graph seed
   */
  static void run(int steps, int rounds, int warmup, long seed) {
    int m = GanExample.M;
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(m, 784));
      VariableScope gen = ctx.scope("Gen");
      Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(m, GanExample.D).build();
      Operand<TFloat32> x = GanExample.generativeNetwork(gen, eps);
      GANInference inference = new GANInference(Map.of(x, xPh), GanExample::discriminativeNetwork);
      inference.initialize(GanOptions.builder().nPrint(0)
          .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build()).build());

      float[][] batches = new float[8][m * 784];
      Random rng = new Random(1);
      for (float[] b : batches) {
        for (int i = 0; i < b.length; i++) {
          b[i] = rng.nextFloat();
        }
      }
      List<Op> trains = List.of(trainOp(inference, "loss"), trainOp(inference, "loss_d"));
      Operand<TFloat32> loss = inference.loss("loss");
      Operand<TFloat32> lossD = inference.loss("loss_d");
      try (TFloat32 input = TFloat32.tensorOf(Shape.of(m, 784))) {
        FloatDataBuffer buffer = input.asRawTensor().data().asFloats();
        LoopBody library = i -> inference.update(Map.of(xPh, batches[i % batches.length]));
        LoopBody rawLoop = i -> {
          buffer.write(batches[i % batches.length]);
          Session.Runner r = ctx.runner().feed(xPh, input);
          trains.forEach(r::addTarget);
          try (Result res = ctx.run(r.fetch(loss).fetch(lossD))) {
            sink += ((TFloat32) res.get(0)).getFloat() + ((TFloat32) res.get(1)).getFloat();
          }
        };
        time(library, warmup);
        time(rawLoop, warmup);
        List<Double> libRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          libRates.add(steps / time(library, steps));
          rawRates.add(steps / time(rawLoop, steps));
        }
        double lib = BenchmarkRounds.median(libRates);
        double rawRate = BenchmarkRounds.median(rawRates);
        System.out.printf("GAN tutorial graph (M=%d, d=%d, 784-128-784 / 784-128-1, Adam), %d rounds of %d steps%n",
            m, GanExample.D, rounds, steps);
        System.out.printf("  raw TF Java loop      : %8.1f steps/s  (%.3f ms/step)  rounds %s%n", rawRate, 1000 / rawRate, BenchmarkRounds.format(rawRates, "%.0f"));
        System.out.printf("  GANInference.update   : %8.1f steps/s  (%.3f ms/step)  rounds %s%n", lib, 1000 / lib, BenchmarkRounds.format(libRates, "%.0f"));
        System.out.printf("  library / raw         : %8.3f  (overhead %+.1f%%; target: library/raw at least 0.98)%n",
            lib / rawRate, (rawRate / lib - 1) * 100);
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          ratios.add(libRates.get(r) / rawRates.get(r));
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("  per-round ratios      : median %.3f, quartiles %.3f .. %.3f, range %.3f .. %.3f  %s%n",
            BenchmarkRounds.median(ratios), quantile(sorted, 0.25), quantile(sorted, 0.75), sorted[0], sorted[sorted.length - 1],
            BenchmarkRounds.format(ratios, "%.2f"));
      }
    }
  }

  private static double sink;

  @FunctionalInterface
  private interface LoopBody {
    void step(int i);
  }

  private static double time(LoopBody body, int steps) {
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      body.step(i);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static Op trainOp(GANInference inference, String key) {
    return inference.trainOp(key);
  }

  /** The {@code p}-quantile of sorted values, interpolating linearly between order statistics. */
  private static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

}
