package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TNumber;

/**
 * Running a sample-and-logProb graph 10,000 times leaks no native memory: every fetched tensor is
 * closed inside {@code ModelContext.evalAll}.
 *
 * <p>Resident memory (VmRSS in {@code /proc/self/status}) swings by tens of megabytes from run to
 * run as the heap and the allocators touch and release pages, so single readings are noise.
 * Instead it is read every {@value #EVERY} runs and the test compares the floor (minimum) over the
 * first and over the last 2,000 runs: a leak raises the floor steadily, noise does not. Leaking
 * the two fetched 2,000-float tensors of each run would raise it by about 100 MB between the two
 * windows (measured: about 95 MB); the allowed 50 MB leaves room for allocator noise (measured: a
 * few MB either way).
 *
 * <p>The Java heap must not blur the reading: with the suite's 2 GB heap, first touches of a
 * growing young generation alone raised the floor by 170 MB. So the module's pom runs this class
 * in its own JVM with a 128 MB heap touched at start-up ({@code -XX:+AlwaysPreTouch}); in any
 * other JVM the test is skipped.
 */
class ResourceHygieneTest extends GraphTestBase {

  static final int RUNS = 10_000;
  static final int EVERY = 250;
  static final int WINDOW = 2_000 / EVERY;
  static final long ALLOWED_GROWTH_KB = 50 * 1024;

  @Test
  void repeatedRunsDoNotGrowNativeMemory() throws IOException {
    assumeTrue(Runtime.getRuntime().maxMemory() <= 256L << 20,
        "needs the small pre-touched heap of the native-memory surefire execution");
    Normal z = Normal.builder(scope).loc(vector(0f, 1f)).scale(2).sampleShape(1000).build();
    List<Operand<? extends TNumber>> fetches = List.of(z.sample(1000), z.logProb(z));
    long runsBefore = ctx.sessionRunCount();
    long growth = floorGrowthKb(i -> {
      List<TensorValue> v = ctx.evalAll(fetches, Map.of());
      assertEquals(2000, v.get(1).size());
    });
    assertEquals(1000 + RUNS, ctx.sessionRunCount() - runsBefore, "warm-up and measured runs");
    assertTrue(growth < ALLOWED_GROWTH_KB, "resident memory floor grew by " + growth + " kB over " + RUNS + " runs");
  }

  /** Warms up for 1,000 runs, then returns the rise of the RSS floor from the first to the last window. */
  static long floorGrowthKb(IntConsumer run) throws IOException {
    for (int i = 0; i < 1000; i++) {
      run.accept(i);
    }
    long[] rss = new long[RUNS / EVERY];
    for (int i = 0; i < RUNS; i++) {
      run.accept(i);
      if ((i + 1) % EVERY == 0) {
        rss[i / EVERY] = residentKb();
      }
    }
    long first = Arrays.stream(rss, 0, WINDOW).min().orElseThrow();
    long last = Arrays.stream(rss, rss.length - WINDOW, rss.length).min().orElseThrow();
    return last - first;
  }

  static long residentKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }
}
