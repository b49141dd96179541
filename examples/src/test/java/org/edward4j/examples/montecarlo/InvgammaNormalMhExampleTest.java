package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward invgamma-normal-mh} with Edward's N and half its draws. */
class InvgammaNormalMhExampleTest {

  @TempDir Path out;

  @Test
  void infersTheScaleOfTheData() throws Exception {
    InvgammaNormalMhCommand args = ScriptRuns.parse(new InvgammaNormalMhCommand(), out, "--samples", "500",
        "--seed", "13");
    args.check();
    InvgammaNormalMhExample.Result r = InvgammaNormalMhExample.run(args);
    ChainDraws d = r.draws();
    // The conjugate posterior's mean (computed from the data in Java) against the chain's: four
    // Monte Carlo standard errors from the ESS (6e-5 false failures). The proposal's acceptance is
    // low, so the ESS is small; the start 0.5 is inside the posterior's bulk (sd about 0.02 around
    // 0.49), so there is no burn-in bias of note. An MH that never moves sits at 0.5, whose
    // constant draws have no ESS (NaN) and fail the check.
    assertEquals(r.exactMean(), d.mean(0), 4 * d.mcseMean(0), "posterior mean of sigma^2");
    // Edward's figure: 1000 points of N(7, 0.7) pin the scale to about 0.7 / sqrt(2000) = 0.016.
    assertEquals(0.7, r.inferredScale(), 0.07, "inferred scale");
    assertTrue(d.moveRate() > 0, "some proposals were accepted");
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new InvgammaNormalMhCommand(), "--scale", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--scale must be a finite number above 0, got 0.0"), r.err());
    r = ScriptRuns.execute(new InvgammaNormalMhCommand(), "--loc", "Infinity");
    assertTrue(r.err().contains("--loc must be a finite number, got Infinity"), r.err());
  }
}
