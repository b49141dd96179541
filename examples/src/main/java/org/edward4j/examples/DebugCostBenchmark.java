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
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The cost of {@code debug(true)}: milliseconds per {@code GANInference.update} on Edward's GAN
 * tutorial graph with the NaN/Inf gate on (every loss and every gradient checked before the step
 * applies) and off, two inferences over the same graph in two contexts of the same JVM, measured in
 * alternating rounds so load affects both alike; medians reported.
 */
final class DebugCostBenchmark {

  private DebugCostBenchmark() {}

  /** One GAN tutorial inference, with or without debug checks. */
  private record Setup(ModelContext ctx, GANInference inference, ContextPlaceholder<TFloat32> xPh) {}

  private static Setup setup(long seed, boolean debug) {
    int m = GanExample.M;
    ModelContext ctx = ModelContext.withSeed(seed);
    ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(m, 784));
    VariableScope gen = ctx.scope("Gen");
    Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(m, GanExample.D).build();
    Operand<TFloat32> x = GanExample.generativeNetwork(gen, eps);
    GANInference inference = new GANInference(Map.of(x, xPh), GanExample::discriminativeNetwork);
    inference.initialize(GanOptions.builder().nPrint(0).debug(debug)
        .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build()).build());
    return new Setup(ctx, inference, xPh);
  }

  /**
   * Runs the benchmark and prints both costs and their difference.
   *
   * @param steps updates per round
   * @param rounds rounds per setting, alternating
   * @param warmup updates of each setting before measuring
   * @param seed the graph seed
   */
  static void run(int steps, int rounds, int warmup, long seed) {
    Setup off = setup(seed, false);
    Setup on = setup(seed, true);
    try (ModelContext a = off.ctx(); ModelContext b = on.ctx()) {
      float[][] batches = new float[8][GanExample.M * 784];
      Random rng = new Random(1);
      for (float[] batch : batches) {
        for (int i = 0; i < batch.length; i++) {
          batch[i] = rng.nextFloat();
        }
      }
      time(off, batches, warmup);
      time(on, batches, warmup);
      List<Double> offMs = new ArrayList<>();
      List<Double> onMs = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        offMs.add(time(off, batches, steps) * 1000 / steps);
        onMs.add(time(on, batches, steps) * 1000 / steps);
      }
      double mOff = BenchmarkRounds.median(offMs);
      double mOn = BenchmarkRounds.median(onMs);
      // Rounds of the two settings run back to back, so the ratio within a round cancels the load
      // both saw; its median is the figure to trust on a shared machine.
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        ratios.add(onMs.get(r) / offMs.get(r));
      }
      double ratio = BenchmarkRounds.median(ratios);
      System.out.printf("GAN tutorial graph (M=%d), %d rounds of %d updates, median ms/update%n", GanExample.M, rounds, steps);
      System.out.printf("  debug off : %.3f ms  rounds %s%n", mOff, BenchmarkRounds.format(offMs, "%.2f"));
      System.out.printf("  debug on  : %.3f ms  rounds %s%n", mOn, BenchmarkRounds.format(onMs, "%.2f"));
      System.out.printf("  on / off, median of per-round ratios: %.3f (%+.1f%%, about %+.3f ms per update)%n",
          ratio, (ratio - 1) * 100, (ratio - 1) * mOff);
    }
  }

  private static double time(Setup s, float[][] batches, int steps) {
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      s.inference().update(Map.of(s.xPh(), batches[i % batches.length]));
    }
    return (System.nanoTime() - start) / 1e9;
  }

}
