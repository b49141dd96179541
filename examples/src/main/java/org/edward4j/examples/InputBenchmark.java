package org.edward4j.examples;

import java.io.IOException;
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
 * The tutorial GAN fed from Java ({@link Minibatches} into a placeholder, Edward's way) against the
 * same GAN reading its batches inside the graph ({@link GraphMinibatches}: no feed at all), both
 * with Edward's per-batch binarization, in alternating rounds in one JVM; each figure is its median
 * round.
 */
final class InputBenchmark {

  private InputBenchmark() {}

  @FunctionalInterface
  private interface Loop {
    void step();
  }

  /**
   * Runs both input paths and prints steps/s and their ratio.
   *
   * @param steps updates per round
   * @param rounds rounds per path, alternating
   * @param warmup updates of each path before measuring
   * @param seed the graph seed
   * @throws IOException if MNIST cannot be read or fetched
   */
  static void run(int steps, int rounds, int warmup, long seed) throws IOException {
    Mnist mnist = Mnist.load();
    int m = GanExample.M;
    try (ModelContext fedCtx = ModelContext.withSeed(seed); ModelContext graphCtx = ModelContext.withSeed(seed)) {
      ContextPlaceholder<TFloat32> xPh = fedCtx.placeholder("x_ph", TFloat32.class, Shape.of(m, 784));
      GANInference fed = new GANInference(Map.of(generator(fedCtx), xPh), GanExample::discriminativeNetwork);
      fed.initialize(options());
      Minibatches batches = TutorialData.edward().batches(mnist.train(), m, seed);
      float[] xBatch = batches.newImageBuffer();
      Loop fedLoop = () -> {
        batches.next(xBatch);
        fed.update(Map.of(xPh, xBatch));
      };

      GraphMinibatches inGraph = GraphMinibatches.over(graphCtx.scope("data"), mnist.train(), m, true);
      GANInference graph = new GANInference(Map.of(generator(graphCtx), inGraph.images()), GanExample::discriminativeNetwork);
      graph.initialize(options());
      Loop graphLoop = graph::update;

      time(fedLoop, warmup);
      time(graphLoop, warmup);
      List<Double> fedRates = new ArrayList<>();
      List<Double> graphRates = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        fedRates.add(steps / time(fedLoop, steps));
        graphRates.add(steps / time(graphLoop, steps));
      }
      double f = BenchmarkRounds.median(fedRates);
      double g = BenchmarkRounds.median(graphRates);
      System.out.printf("GAN tutorial (M=%d, binarized batches in file order), %d rounds of %d updates%n", m, rounds, steps);
      System.out.printf("  fed from Java (Minibatches -> placeholder) : %8.1f steps/s  rounds %s%n", f, BenchmarkRounds.format(fedRates, "%.0f"));
      System.out.printf("  read in the graph (GraphMinibatches)       : %8.1f steps/s  rounds %s%n", g, BenchmarkRounds.format(graphRates, "%.0f"));
      System.out.printf("  in-graph / fed                             : %8.3f%n", g / f);
    }
  }

  private static Operand<TFloat32> generator(ModelContext ctx) {
    VariableScope gen = ctx.scope("Gen");
    Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(GanExample.M, GanExample.D).build();
    return GanExample.generativeNetwork(gen, eps);
  }

  private static GanOptions options() {
    return GanOptions.builder().nPrint(0).optimizer(Adam.builder().build()).optimizerD(Adam.builder().build()).build();
  }

  private static double time(Loop loop, int steps) {
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      loop.step();
    }
    return (System.nanoTime() - start) / 1e9;
  }

}
