package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.edward4j.criticisms.diagnostics.ParameterSummary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward eight-schools} with 4 chains of 6,000 draws and 3,000 KLqp iterations (about a minute unloaded: slow). */
class EightSchoolsExampleTest {

  @TempDir Path out;

  @Test
  @Tag("slow")
  void hmcAgreesWithStansNuts() throws Exception {
    EightSchoolsCommand args = ScriptRuns.parse(new EightSchoolsCommand(), out, "--klqp-iterations", "3000",
        "--chains", "4", "--samples", "6000", "--seed", "29");
    args.check();
    EightSchoolsExample.Result r = EightSchoolsExample.run(args);
    ParameterSummary mu = r.summary().row("mu");
    ParameterSummary logTau = r.summary().row("log_tau");
    // Stan's NUTS means (40,000 draws in Edward's notebook, a Monte Carlo error near 0.03 for mu)
    // against ours: four of our Monte Carlo standard errors (split ESS over 4 chains) bound a false
    // failure at 6e-5 each; the command reports the distance at Edward's size against two.
    assertEquals(EightSchoolsExample.STAN_MU, mu.mean(), 4 * mu.mcseMean(), "E[mu]");
    assertEquals(EightSchoolsExample.STAN_LOG_TAU, logTau.mean(), 4 * logTau.mcseMean(), "E[log tau]");
    // Chains started apart must have met. Log tau mixes well; mu diffuses (Edward's fixed 2 x 0.25
    // leapfrog moves it about 0.5 per draw against a posterior sd of 4.6), so its ESS is small and
    // its split R-hat legitimately above 1: with 2C half-chains and a total ESS N, stationary
    // chains give R-hat^2 about 1 + 2C / N (the half-chain means scatter with variance sd^2 2C / N).
    // Bound: 4.5 times that excess, the 1e-4 quantile of the chi-square (7 degrees of freedom, /7)
    // that the between-chain variance of 8 half-chains follows.
    int halves = 2 * 4;
    assertTrue(mu.rhat() < Math.sqrt(1 + 4.5 * halves / mu.essBulk()), "R-hat of mu " + mu.rhat() + ", ESS " + mu.essBulk());
    assertTrue(logTau.rhat() < Math.sqrt(1 + 4.5 * halves / logTau.essBulk()),
        "R-hat of log tau " + logTau.rhat() + ", ESS " + logTau.essBulk());
    // KLqp's mean-field Normal lands near the posterior's centre for these location parameters
    // (Edward's notebook: 6.21 and 2.30); the posterior sd of mu is about 4, of log tau about 0.8.
    assertEquals(EightSchoolsExample.STAN_MU, r.klqpMu(), 2.0, "KLqp E[mu]");
    assertEquals(EightSchoolsExample.STAN_LOG_TAU, r.klqpLogTau(), 0.6, "KLqp E[log tau]");
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new EightSchoolsCommand(), "--chains", "1");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--chains must be at least 2 (R-hat compares chains), got 1"), r.err());
    r = ScriptRuns.execute(new EightSchoolsCommand(), "--samples", "10");
    assertTrue(r.err().contains("--samples must be at least 16"), r.err());
  }
}
