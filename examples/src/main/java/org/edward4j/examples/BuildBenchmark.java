package org.edward4j.examples;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
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
 * <p>Each size is built {@code repeats} times, each in a fresh {@link ModelContext} after a full
 * collection, and each row gives the median and range of three clocks per build: the wall time,
 * the building thread's CPU time (Java and TensorFlow's native graph code both run on it; time lost
 * to other processes on a shared machine does not count), and the time the JVM's collectors
 * report for the pauses inside the build. Wall time growing faster than CPU time by about the
 * collectors' time says the excess is garbage collection, not the build's own work.
 */
public final class BuildBenchmark {

  private static final int WIDTH = 16;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private BuildBenchmark() {}

  /**
   * Runs the benchmark and prints its table.
   *
   * @param maxOps the largest MLP to build, in ops
   * @param k importance samples of the sbn marginal-likelihood graph
   * @param repeats fresh builds per size; the row is their median
   * @param seed graph seed
   */
  static void run(int maxOps, int k, int repeats, long seed) {
    int opsPerLayer = opsPerLayer(seed);
    // Warm the JIT and the native library on a small graph first, so the first row is not start-up.
    for (int i = 0; i < 3; i++) {
      buildMlp(seed, 8000 / opsPerLayer);
    }
    System.out.printf("MLP of width %d, %d ops per layer (Layers.dense with relu); median [min-max] of %d fresh builds%n",
        WIDTH, opsPerLayer, repeats);
    System.out.printf("%8s %6s %22s %8s %6s %22s %8s %6s %16s%n", "ops", "layers", "wall ms", "us/op", "x prev",
        "thread CPU ms", "us/op", "x prev", "GC pause ms");
    // The collectors' share depends on the heap's sizing, so say which one this run had.
    System.out.printf("heap flags %s, load average %.2f%n",
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:+Use")).toList(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Row previous = null;
    for (int target = 1000; target <= maxOps; target *= 2) {
      int layers = Math.max(1, target / opsPerLayer);
      List<Measurement> runs = new ArrayList<>();
      for (int i = 0; i < repeats; i++) {
        System.gc(); // collect the previous graphs' wrappers now, not inside the timed build
        runs.add(buildMlp(seed, layers));
      }
      Row row = new Row(runs);
      System.out.printf("%8d %6d %22s %8.2f %6s %22s %8.2f %6s %16s%n", row.ops, layers, row.wall.text(),
          1000.0 * row.wall.median / row.ops, previous == null ? "" : String.format("%.2f", row.wall.median / previous.wall.median),
          row.cpu.text(), 1000.0 * row.cpu.median / row.ops,
          previous == null ? "" : String.format("%.2f", row.cpu.median / previous.cpu.median), row.gc.text());
      previous = row;
    }
    System.gc();
    Measurement sbn = buildSbnMarginal(seed, k);
    System.out.printf("sbn marginal likelihood, K=%d samples in one graph: %d ops in %.1f ms (thread CPU %.1f ms, GC %.1f ms)%n",
        k, sbn.ops(), sbn.millis(), sbn.cpuMillis(), sbn.gcMillis());
  }

  /**
   * One build: the op count, the wall time, the building thread's CPU time and the collectors'
   * time during it.
   */
  record Measurement(long ops, double millis, double cpuMillis, double gcMillis) {}

  /** The median and range of one clock over the builds of a size. */
  private record Spread(double median, double min, double max) {
    static Spread of(List<Double> xs) {
      return new Spread(BenchmarkRounds.median(xs), xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
          xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }

    String text() {
      return String.format("%.1f [%.1f-%.1f]", median, min, max);
    }
  }

  /** One size's builds, summarized per clock. */
  private static final class Row {
    final long ops;
    final Spread wall;
    final Spread cpu;
    final Spread gc;

    Row(List<Measurement> runs) {
      ops = runs.get(0).ops();
      wall = Spread.of(runs.stream().map(Measurement::millis).toList());
      cpu = Spread.of(runs.stream().map(Measurement::cpuMillis).toList());
      gc = Spread.of(runs.stream().map(Measurement::gcMillis).toList());
    }
  }

  /** A start mark of the three clocks. */
  private record Clocks(long nanos, long cpuNanos, long gcMillis) {
    static Clocks now() {
      long gc = 0;
      for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
        gc += Math.max(0, bean.getCollectionTime());
      }
      return new Clocks(System.nanoTime(), THREADS.getCurrentThreadCpuTime(), gc);
    }

    Measurement since(Clocks start, long ops) {
      return new Measurement(ops, (nanos - start.nanos) / 1e6, (cpuNanos - start.cpuNanos) / 1e6,
          gcMillis - start.gcMillis);
    }
  }

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
      Clocks start = Clocks.now();
      mlp(ctx.scope("net"), input(ctx), layers);
      return Clocks.now().since(start, countOps(ctx.graph()));
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
      Clocks start = Clocks.now();
      SbnExample.Model sbn = SbnExample.model(ctx, 100);
      MarginalLikelihood.builder(Map.of(sbn.z(), sbn.qz()), Map.of(sbn.x(), sbn.xPh())).samples(k).samplesPerRun(k).build();
      return Clocks.now().since(start, countOps(ctx.graph()));
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
