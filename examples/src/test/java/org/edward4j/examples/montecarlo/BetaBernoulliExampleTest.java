package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward beta-bernoulli} at half Edward's size: the posterior Beta(3, 9) and its check. */
class BetaBernoulliExampleTest {

  @TempDir Path out;

  @Test
  void findsTheExactPosteriorAndChecksIt() throws Exception {
    BetaBernoulliCommand args = ScriptRuns.parse(new BetaBernoulliCommand(), out, "--samples", "500",
        "--ppc-samples", "400", "--seed", "11");
    args.check();
    BetaBernoulliExample.Result r = BetaBernoulliExample.run(args);
    ChainDraws d = r.draws();
    // Beta(1, 1) prior and 2 heads in 10 flips: Beta(3, 9), mean 3 / 12, variance
    // 3 * 9 / (12^2 * 13). Four Monte Carlo standard errors from the ESS (6e-5 false failures each);
    // the chain starts at 0.5, one draw of 500, a bias below 0.0005.
    assertEquals(0.25, d.mean(0), 4 * d.mcseMean(0), "posterior mean");
    assertEquals(Math.sqrt(27.0 / (144 * 13)), d.sd(0), 4 * d.mcseSd(0), "posterior stddev");
    // The proposal Beta(3, 9) is the posterior, so the acceptance ratio p(z') g(z) / (p(z) g(z')) is
    // 1 up to float rounding: nearly every proposal is taken.
    assertTrue(d.moveRate() > 0.95, "acceptance rate " + d.moveRate());
    // T(x_rep) = K / 10 with K ~ BetaBinomial(10, 3, 9): P(K >= 2) = 0.6692 (sum of the pmf). With
    // 400 replicated sets the tail fraction has standard error sqrt(0.67 * 0.33 / 400) = 0.0235;
    // four of them is 0.094 (each replicate draws p from the stored chain, whose draws are
    // independent here).
    assertEquals(0.2, r.ppc().observedMean(), 1e-6);
    assertEquals(0.6692, r.ppc().tailProbability(), 0.094);
    assertTrue(Files.size(out.resolve("ppc.png")) > 0);
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new BetaBernoulliCommand(), "--ppc-samples", "-1");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--ppc-samples must be at least 1, got -1"), r.err());
  }
}
