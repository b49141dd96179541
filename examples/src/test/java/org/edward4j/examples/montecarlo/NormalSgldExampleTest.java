package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward normal-sgld} at half Edward's size, with Edward's step size 5. */
class NormalSgldExampleTest {

  @TempDir Path out;

  @Test
  void settlesOnTheTargetAfterTheUnstableFirstSteps() throws Exception {
    int burnIn = 200;
    NormalSgldCommand args = ScriptRuns.parse(new NormalSgldCommand(), out, "--samples", "1000", "--burn-in", "200",
        "--seed", "7");
    args.check();
    NormalSgldExample.Result r = NormalSgldExample.run(args);
    // eps_t = 5 / (t + 1)^0.55 exceeds 0.8 = 4 / 5 (5 the largest precision) for t < 27: those
    // Langevin steps multiply the deviation along [1, -1] by |1 - 2.5 eps_t| up to 11.5, so the
    // draws of every run reach a spread far above the target's 1.
    assertTrue(r.all().sd(0) > 100, "Edward's all-draw stddev " + r.all().sd(0));
    ChainDraws kept = r.kept();
    // Past the burn-in the step is at most eps = 5 / 201^0.55; for a Gaussian with precision lam a
    // Langevin chain at fixed eps has variance 1 / (lam (1 - eps lam / 4)), so the narrow direction
    // (variance 0.2, lam = 5) is inflated by at most 1 / (1 - 5 eps / 4) and a coordinate's
    // variance, 0.9 + 0.1 * inflation, by the bias computed here. Tolerances: four Monte Carlo
    // standard errors from the chain's ESS (6e-5 false failures each, Gaussian) plus that bias.
    double eps = 5 / Math.pow(burnIn + 1, 0.55);
    double sdBias = Math.sqrt(0.9 + 0.1 / (1 - 5 * eps / 4)) - 1;
    for (int j = 0; j < 2; j++) {
      assertEquals(1.0, kept.mean(j), 4 * kept.mcseMean(j), "mean of z[" + j + "]");
      assertEquals(1.0, kept.sd(j), 4 * kept.mcseSd(j) + sdBias, "stddev of z[" + j + "]");
    }
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new NormalSgldCommand(), "--samples", "100", "--burn-in", "100");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--burn-in must leave at least 4 of the 100 draws, got 100"), r.err());
    r = ScriptRuns.execute(new NormalSgldCommand(), "--step-size", "NaN");
    assertTrue(r.err().contains("--step-size must be a finite number above 0, got NaN"), r.err());
  }
}
