package org.edward4j.examples;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.models.Uniform;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Where the time to the first update of {@code bin/edward gan} goes: the launcher (from the
 * {@code bin/edward} command to the JVM's start, including its check that the build is current),
 * the JVM's own start-up to {@code main}, loading TensorFlow's native library, reading the cached
 * MNIST files, building the tutorial's graph and its inference, creating the session and
 * initializing the variables, and the first update. The launcher passes the moment it started as
 * the system property {@code edward4j.launchEpochMillis}; run without it, the launcher's share is
 * not known and is reported as such.
 */
final class StartupBenchmark {

  /** System property holding the launcher's start, in milliseconds since the epoch. */
  static final String LAUNCH_PROPERTY = "edward4j.launchEpochMillis";

  private StartupBenchmark() {}

  /**
   * Measures each phase once, in this JVM, and prints them.
   *
   * @param seed the graph seed
   * @throws IOException if MNIST cannot be read or fetched
   */
  static void run(long seed) throws IOException {
    long mainNanos = System.nanoTime();
    long mainMillis = System.currentTimeMillis();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Map<String, Double> phases = new LinkedHashMap<>();
    String launched = System.getProperty(LAUNCH_PROPERTY);
    if (launched != null) {
      phases.put("launcher (bin/edward: build check, java exec)", (jvmStart - Long.parseLong(launched)) / 1e3);
    }
    phases.put("JVM start-up to main", (mainMillis - jvmStart) / 1e3);
    long t = System.nanoTime();
    String version = TensorFlow.version();
    phases.put("TensorFlow native library loading", seconds(t));
    t = System.nanoTime();
    Mnist mnist = Mnist.load();
    phases.put("MNIST from the cache (verified)", seconds(t));
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      t = System.nanoTime();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(GanExample.M, 784));
      VariableScope gen = ctx.scope("Gen");
      Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(GanExample.M, GanExample.D).build();
      Operand<TFloat32> x = GanExample.generativeNetwork(gen, eps);
      GANInference inference = new GANInference(Map.of(x, xPh), GanExample::discriminativeNetwork);
      phases.put("graph building (model, discriminator, losses)", seconds(t));
      t = System.nanoTime();
      inference.initialize(GanOptions.builder().nIter(1).nPrint(0)
          .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build()).build());
      phases.put("optimizers, session creation, variable initialization", seconds(t));
      float[] batch = mnist.train().firstImages(GanExample.M);
      t = System.nanoTime();
      inference.update(Map.of(xPh, batch));
      phases.put("first update", seconds(t));
    }
    double total = 0;
    System.out.printf("start-up of the GAN tutorial to its first update (TensorFlow %s)%n", version);
    for (Map.Entry<String, Double> e : phases.entrySet()) {
      System.out.printf("  %-58s %7.3f s%n", e.getKey(), e.getValue());
      total += e.getValue();
    }
    System.out.printf("  %-58s %7.3f s%s%n", "total", total, launched == null ? "  (launcher not included: run through bin/edward)" : "");
    System.out.printf("  (measured inside main: %.3f s)%n", seconds(mainNanos));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
