package org.edward4j.examples;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.inferences.MAP;
import org.edward4j.inferences.VariationalOptions;
import org.edward4j.models.Normal;
import org.edward4j.models.PointMass;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * The fixed cost of {@code Inference.update} on a trivial model: one scalar variable, one Adam
 * step ({@code MAP} of a Normal mean from one fed observation), against a raw {@code Session.run}
 * with the same fetches, targets and feeds (the observation copied into one reused tensor, the
 * context's random step fed as every run of the context feeds it).
 *
 * <p>Two figures per loop: microseconds per call (median over alternating rounds, so warm-up and
 * machine load touch both alike) and Java heap bytes allocated per call in steady state, read
 * from the JVM's per-thread allocation counter ({@code com.sun.management.ThreadMXBean
 * #getThreadAllocatedBytes}) around a whole round. TensorFlow's native allocations are not on the
 * Java heap and are the same for both loops.
 */
public final class OverheadBenchmark {

  private static double sink;

  private OverheadBenchmark() {}

  /** What one loop measured: microseconds and heap bytes per call, per round. */
  private record Rounds(List<Double> micros, List<Double> bytes) {
    Rounds() {
      this(new ArrayList<>(), new ArrayList<>());
    }
  }

  /**
   * Runs the benchmark and prints both loops' cost per call and their difference.
   *
   * @param steps calls per round
   * @param rounds rounds per loop, alternating
   * @param warmup calls of each loop before measuring
   * @param seed the graph seed
   */
  static void run(int steps, int rounds, int warmup, long seed) {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope model = ctx.scope("model");
      Normal mu = Normal.of(model, 0.0, 1.0);
      Normal x = Normal.builder(model).loc(mu).scale(1.0).sampleShape(1).build();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(1));
      Variable<TFloat32> v = ctx.scope("posterior").getVariable("mu", Shape.scalar(), Initializers.zeros());
      MAP inference = new MAP(Map.of(mu, PointMass.of(ctx.scope("posterior"), v)), Map.of(x, xPh));
      inference.initialize(VariationalOptions.builder().nPrint(0).optimizer(Adam.builder().learningRate(1e-4).build()).build());

      float[][] data = {{0.25f}, {-0.5f}, {1.0f}, {0.75f}};
      Op train = inference.trainOp("loss");
      Operand<TFloat32> loss = inference.loss("loss");
      try (TFloat32 input = TFloat32.tensorOf(Shape.of(1))) {
        FloatDataBuffer buffer = input.asRawTensor().data().asFloats();
        Loop library = i -> sink += inference.update(Map.of(xPh, data[i & 3])).loss();
        Loop raw = i -> {
          buffer.write(data[i & 3]);
          Session.Runner r = ctx.runner().feed(xPh, input).addTarget(train).fetch(loss);
          try (Result res = ctx.run(r)) {
            sink += ((TFloat32) res.get(0)).getFloat();
          }
        };
        measure(library, warmup);
        measure(raw, warmup);
        Rounds lib = new Rounds();
        Rounds rawRounds = new Rounds();
        for (int round = 0; round < rounds; round++) {
          record(lib, library, steps);
          record(rawRounds, raw, steps);
        }
        report(steps, rounds, lib, rawRounds);
      }
    }
  }

  private static void report(int steps, int rounds, Rounds lib, Rounds raw) {
    double libUs = BenchmarkRounds.median(lib.micros());
    double rawUs = BenchmarkRounds.median(raw.micros());
    List<Double> diffs = new ArrayList<>();
    for (int i = 0; i < lib.micros().size(); i++) {
      diffs.add(lib.micros().get(i) - raw.micros().get(i));
    }
    double[] sortedDiffs = sorted(diffs);
    System.out.printf("trivial model (MAP: one scalar variable, one Adam step, one fed float), %d rounds of %d calls%n", rounds, steps);
    System.out.printf("  raw Session.run       : %8.1f us/call   heap %8.0f B/call   rounds %s%n", rawUs, BenchmarkRounds.median(raw.bytes()), BenchmarkRounds.format(raw.micros(), "%.0f"));
    System.out.printf("  MAP.update            : %8.1f us/call   heap %8.0f B/call   rounds %s%n", libUs, BenchmarkRounds.median(lib.bytes()), BenchmarkRounds.format(lib.micros(), "%.0f"));
    System.out.printf("  library - raw         : %+8.1f us/call (median of round pairs %+.1f, range %+.1f .. %+.1f; target: at most +30 us)%n",
        libUs - rawUs, BenchmarkRounds.median(diffs), sortedDiffs[0], sortedDiffs[sortedDiffs.length - 1]);
  }

  @FunctionalInterface
  private interface Loop {
    void step(int i);
  }

  private static void record(Rounds into, Loop body, int steps) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long bytes0 = threads.getThreadAllocatedBytes(thread);
    double seconds = measure(body, steps);
    long bytes = threads.getThreadAllocatedBytes(thread) - bytes0;
    into.micros().add(seconds * 1e6 / steps);
    into.bytes().add((double) bytes / steps);
  }

  private static double measure(Loop body, int steps) {
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      body.step(i);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double[] sorted(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return a;
  }

}
