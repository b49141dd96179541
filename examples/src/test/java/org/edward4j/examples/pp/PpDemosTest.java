package org.edward4j.examples.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Edward's other pp demos at small sizes: each figure within 5 standard errors of its theory (a
 * false failure about once in 1.7 million runs per figure), reports written, and a bad flag each.
 */
class PpDemosTest {

  @TempDir Path out;

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  @Test
  void dynamicShape() throws Exception {
    int repeats = 400;
    PpDynamicShapeExample.Result r = PpDynamicShapeExample.run(3, repeats, out, quiet());
    // n - 1 is geometric with q = exp(-1/2): variance q / (1 - q)^2 = 3.92
    double q = Math.exp(-0.5);
    assertEquals(1 + q / (1 - q), r.meanLength(), 5 * Math.sqrt(q / ((1 - q) * (1 - q)) / repeats));
    // float32 normalization of up to a few dozen coordinates
    assertTrue(r.worstSumError() < 1e-5, "sum error " + r.worstSumError());
    assertTrue(Files.exists(out.resolve("pp-dynamic-shape.json")));
  }

  @Test
  void persistentRandomness() throws Exception {
    int repeats = 1500;
    PpPersistentRandomnessExample.Result r = PpPersistentRandomnessExample.run(3, repeats, out, quiet());
    assertEquals(2, r.variables(), "Edward's script makes two random variables");
    assertTrue(r.bobPersisted());
    assertEquals(1 / 3.0, r.bobEqualsAlice(), 5 * Math.sqrt((1 / 3.0) * (2 / 3.0) / repeats));
  }

  @Test
  void stochasticControlFlow() throws Exception {
    int draws = 1000;
    double p = 0.1;
    PpStochasticControlFlowExample.Result r = PpStochasticControlFlowExample.run(3, p, draws, out, quiet());
    // geometric on {0, 1, ...}: mean (1 - p) / p = 9, variance (1 - p) / p^2 = 90
    assertEquals(9.0, r.mean(), 5 * Math.sqrt(90.0 / draws));
    assertTrue(Files.size(out.resolve("geometric.png")) > 0);
  }

  @Test
  void stochasticRecursion() throws Exception {
    int draws = 1000;
    PpStochasticRecursionExample.Result r = PpStochasticRecursionExample.run(3, 0.9, draws, out, quiet());
    // (1 - 0.9)^12 = 1e-12: twelve levels
    assertEquals(12, r.depth());
    // mean 1/9, variance 0.1 / 0.81
    assertEquals(1 / 9.0, r.mean(), 5 * Math.sqrt(0.1 / 0.81 / draws));
  }

  @Test
  void badFlagsAreUsageErrors() {
    assertUsage(new PpDynamicShapeCommand(), "--repeats must be at least 1, got 0", "--repeats", "0");
    assertUsage(new PpPersistentRandomnessCommand(), "--repeats must be at least 1, got -3", "--repeats", "-3");
    assertUsage(new PpStochasticControlFlowCommand(), "--p must be in (0, 1), got 1.5", "--p", "1.5");
    assertUsage(new PpStochasticRecursionCommand(), "--p must be in [0.05, 1), got 0.01", "--p", "0.01");
  }

  private void assertUsage(Object command, String message, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setErr(new PrintWriter(err));
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.stream.Stream.of("--out", out.toString())).toArray(String[]::new);
    assertEquals(2, cl.execute(all));
    assertTrue(err.toString().contains(message), err.toString());
  }
}
