package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward normal-normal} at half Edward's size: the posterior N(0, sqrt(1/51)). */
class NormalNormalExampleTest {

  @TempDir Path out;

  @Test
  void findsTheAnalyticPosterior() throws Exception {
    NormalNormalCommand args = ScriptRuns.parse(new NormalNormalCommand(), out, "--samples", "500", "--seed", "5");
    args.check();
    ChainDraws d = NormalNormalExample.run(args).draws();
    // Independent of the code: 50 observations of 0 with unit noise and a N(0, 1) prior give
    // precision 51, so N(0, 1/51). Four Monte Carlo standard errors from the chain's ESS (a
    // false-failure rate of 6e-5 per figure); the chain starts at the posterior mean, so no burn-in
    // bias. An untrained chain (all zeros) has stddev 0 and fails the second check.
    assertEquals(0.0, d.mean(0), 4 * d.mcseMean(0), "posterior mean");
    assertEquals(Math.sqrt(1.0 / 51), d.sd(0), 4 * d.mcseSd(0), "posterior stddev");
    assertTrue(Files.size(out.resolve("histogram.png")) > 0 && Files.size(out.resolve("trace.png")) > 0);
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new NormalNormalCommand(), "--leapfrog-steps", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--leapfrog-steps must be at least 1, got 0"), r.err());
  }
}
