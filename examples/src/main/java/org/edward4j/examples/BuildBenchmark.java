package org.edward4j.examples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.inferences.MarginalLikelihood;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Measures graph building: the time to build a deep MLP through {@code Layers.dense} against its
 * op count, doubling the depth from about 1,000 to about 64,000 ops, so growth that is worse than
 * linear shows as a ratio above 2 between successive rows; and the time to build the sigmoid
 * belief network's importance-sampled marginal likelihood with all K = 100 samples in one graph.
 *
 * <p>Each size is built five times, each in a fresh {@link ModelContext}, and the median time is
 * reported; the op count is read from the graph after the clock stops.
 */
public final class BuildBenchmark {

  private static final int WIDTH = 16;
  private static final int REPEATS = 5;

  private BuildBenchmark() {}

  /**
   * Runs the benchmark and prints its table.
   *
   * @param maxOps the largest MLP to build, in ops
   * @param k importance samples of the sbn marginal-likelihood graph
   * @param seed graph seed
   */
  static void run(int maxOps, int k, long seed) {
    int opsPerLayer = opsPerLayer(seed);
    // Warm the JIT and the native library on a small graph first, so the first row is not start-up.
    for (int i = 0; i < 3; i++) {
      buildMlp(seed, 8000 / opsPerLayer);
    }
    System.out.printf("MLP of width %d, %d ops per layer (Layers.dense with relu)%n", WIDTH, opsPerLayer);
    System.out.printf("%10s %8s %12s %10s %14s%n", "ops", "layers", "build ms", "us/op", "x prev (2 ideal)");
    double previous = Double.NaN;
    for (int target = 1000; target <= maxOps; target *= 2) {
      int layers = Math.max(1, target / opsPerLayer);
      Measurement m = median(seed, layers);
      double ratio = m.millis() / previous;
      System.out.printf("%10d %8d %12.1f %10.2f %14s%n", m.ops(), layers, m.millis(), 1000.0 * m.millis() / m.ops(),
          Double.isNaN(ratio) ? "" : String.format("%.2f", ratio));
      previous = m.millis();
    }
    Measurement sbn = buildSbnMarginal(seed, k);
    System.out.printf("sbn marginal likelihood, K=%d samples in one graph: %d ops in %.1f ms%n", k, sbn.ops(), sbn.millis());
  }

  /** The median of {@link #REPEATS} builds, so one pause for the JIT or GC does not set a row. */
  private static Measurement median(long seed, int layers) {
    List<Measurement> runs = new ArrayList<>();
    for (int i = 0; i < REPEATS; i++) {
      System.gc(); // collect the previous graphs' wrappers now, not inside the timed build
      runs.add(buildMlp(seed, layers));
    }
    runs.sort(Comparator.comparingDouble(Measurement::millis));
    return runs.get(REPEATS / 2);
  }

  /** One build: the op count and the wall time. */
  record Measurement(long ops, double millis) {}

  private static int opsPerLayer(long seed) {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      Operand<TFloat32> x = input(ctx);
      long withInput = countOps(ctx.graph());
      mlp(ctx.scope("net"), x, 1);
      return (int) Math.max(1, countOps(ctx.graph()) - withInput);
    }
  }

  static Measurement buildMlp(long seed, int layers) {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      long start = System.nanoTime();
      mlp(ctx.scope("net"), input(ctx), layers);
      double millis = (System.nanoTime() - start) / 1e6;
      return new Measurement(countOps(ctx.graph()), millis);
    }
  }

  private static Operand<TFloat32> input(ModelContext ctx) {
    return ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(8, WIDTH)));
  }

  private static Operand<TFloat32> mlp(VariableScope scope, Operand<TFloat32> x, int layers) {
    DenseOptions relu = DenseOptions.builder().activation(Activation.relu()).build();
    Operand<TFloat32> net = x;
    for (int i = 0; i < layers; i++) {
      net = Layers.dense(scope, net, WIDTH, relu);
    }
    return net;
  }

  /** The sbn example's model ({@link SbnExample#model}) with a K-sample marginal likelihood. */
  static Measurement buildSbnMarginal(long seed, int k) {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      long start = System.nanoTime();
      SbnExample.Model sbn = SbnExample.model(ctx, 100);
      MarginalLikelihood.builder(Map.of(sbn.z(), sbn.qz()), Map.of(sbn.x(), sbn.xPh())).samples(k).samplesPerRun(k).build();
      double millis = (System.nanoTime() - start) / 1e6;
      return new Measurement(countOps(ctx.graph()), millis);
    }
  }

  private static long countOps(Graph graph) {
    long n = 0;
    for (Iterator<?> it = graph.operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
