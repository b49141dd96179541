package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward normal} at half Edward's size: HMC on N([1, 1], [[1, 0.8], [0.8, 1]]). */
class NormalExampleTest {

  @TempDir Path out;

  @Test
  void findsTheTargetsMeanAndStddev() throws Exception {
    NormalCommand args = ScriptRuns.parse(new NormalCommand(), out, "--samples", "500", "--seed", "3");
    args.check();
    NormalExample.Result r = NormalExample.run(args);
    ChainDraws d = r.draws();
    for (int j = 0; j < 2; j++) {
      // Four Monte Carlo standard errors (from the chain's own ESS): a Gaussian false-failure rate
      // of 6e-5 per figure. The chain starts at 0, 1.4 sd from the mean; HMC leaves it within a few
      // draws, a bias of order 0.01 against errors of order 0.1.
      assertEquals(1.0, d.mean(j), 4 * d.mcseMean(j), "mean of z[" + j + "]");
      assertEquals(1.0, d.sd(j), 4 * d.mcseSd(j), "stddev of z[" + j + "]");
    }
    // A step of 0.25 on a target whose narrowest direction has sd sqrt(0.2) = 0.45 is accepted
    // almost always (Edward's notebook runs report 0.9 and above); a broken Metropolis test shows
    // as a rate near 0.
    assertTrue(d.moveRate() > 0.8, "acceptance rate " + d.moveRate());
    assertTrue(Files.size(out.resolve("draws.png")) > 0 && Files.size(out.resolve("trace_z0.png")) > 0);
    assertTrue(Files.readString(r.report()).contains("\"mean_z0\""));
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new NormalCommand(), "--samples", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--samples must be at least 1, got 0"), r.err());
    r = ScriptRuns.execute(new NormalCommand(), "--step-size", "-0.5");
    assertTrue(r.err().contains("--step-size must be a finite number above 0, got -0.5"), r.err());
  }
}
