package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Edward's cox_process.py at 100 players and 2000 iterations (Edward: 308 and 5000). */
class CoxProcessExampleTest {

  @Test
  void posteriorLogIntensityFollowsTheLogCounts() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CoxProcessExample.Result r = CoxProcessExample.run(new CoxProcessExample.Settings(100, 2, 2000, 42),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Loss: "));
    // A count x contributes x f - exp(f) to log p, which peaks at f = log x with curvature x, so
    // for x >= 1 the posterior mean of f sits within about 1 / sqrt(x) of log x, pulled towards 0
    // by the unit-variance prior; the simulated log-intensities have sd 2.5-3.5, so E_q[f] and
    // log(x + 1) should correlate at well above 0.9 (0.986 at Edward's size, seed 42). An untrained
    // q (Glorot-uniform locations) has correlation near 0.
    assertTrue(r.logCountCorrelation() > 0.9, "correlation " + r.logCountCorrelation());
    // The first loss is dominated by exp(f) at Glorot-uniform f against counts in the thousands;
    // fitting removes most of it (308 players: 13,140 at the end).
    assertTrue(r.finalLoss() < r.firstLoss(), "loss " + r.firstLoss() + " -> " + r.finalLoss());
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CoxProcessExample.Settings(10, 0, 1, 1));
    assertEquals("`v` must be at least 1, got 0", e.getMessage());
  }
}
