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
 * {@code pp-dirichlet-process} at 300 repeats: each figure within 5 standard errors of its theory
 * (a false failure about once in 1.7 million runs per figure), the pictures and the report written.
 */
class PpDirichletProcessTest {

  @TempDir Path out;

  /** {@code sum q (1 - q)} with {@code q = alpha / (alpha + i)}: the variance of the number of tables. */
  private static double atomVariance(double alpha, int n) {
    double v = 0;
    for (int i = 0; i < n; i++) {
      double q = alpha / (alpha + i);
      v += q * (1 - q);
    }
    return v;
  }

  @Test
  void figuresMatchTheory() throws Exception {
    int repeats = 300;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PpDirichletProcessExample.Result r = PpDirichletProcessExample.run(7, 1000, repeats, out,
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    // sticks ~ Geometric(1/11) on {0, 1, ...}: mean 10, variance (10/11) * 121 = 110
    assertEquals(10.0, r.meanSticks(), 5 * Math.sqrt(110.0 / repeats));
    // independently written: H_1000 = 7.4855 for alpha 1
    assertEquals(7.4855, r.distinctAlpha1(), 5 * Math.sqrt(atomVariance(1, 1000) / repeats));
    assertEquals(PpDirichletProcessExample.expectedAtoms(50, 1000), r.distinctAlpha50(),
        5 * Math.sqrt(atomVariance(50, 1000) / repeats));
    // a concentrated DP's second call reuses the first call's atoms for most draws: each of the 75
    // draws opens a new atom with probability at most 1 / 51
    assertTrue(r.persistedFraction() > 0.8, "persisted " + r.persistedFraction());
    for (String f : new String[] {"dp-alpha-1.png", "dp-alpha-50.png", "dp-persistent-x.png", "dp-persistent-y.png",
        "pp-dirichlet-process.json"}) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("DirichletProcess(name=pp/DirichletProcess_4, sample=[], batch=[3], event=[5, 2]"), text);
  }

  @Test
  void badFlagIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new PpDirichletProcessCommand());
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("--repeats", "0", "--out", out.toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("--repeats must be at least 1, got 0"), err.toString());
  }
}
