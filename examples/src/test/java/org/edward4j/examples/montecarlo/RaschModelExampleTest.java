package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward rasch-model} with 60 subjects and 1,000 draws. */
class RaschModelExampleTest {

  @TempDir Path out;

  @Test
  void inferredTraitsErrAsMuchAsThePosteriorSays() throws Exception {
    int nsubj = 60;
    RaschModelCommand args = ScriptRuns.parse(new RaschModelCommand(), out, "--nsubj", "60", "--samples", "1000",
        "--seed", "23");
    args.check();
    RaschModelExample.Result r = RaschModelExample.run(args);
    // The data come from the prior, so each true trait is a draw from its posterior: the squared
    // error of the posterior mean has expectation v_i, the posterior variance, and for a nearly
    // Gaussian posterior variance 2 v_i^2. The MSE over 60 subjects then has mean vbar and sd
    // about sqrt(2 / 60) vbar; four of those bound a false failure at 6e-5. An untrained chain
    // (traits stuck at 0) has MSE near 1 and a posterior variance of 0, and fails.
    double v = r.meanPosteriorVariance();
    assertTrue(v > 0.05 && v < 0.5, "with 25 items a trait's posterior variance is about 0.2, got " + v);
    assertEquals(v, r.mse(), 4 * Math.sqrt(2.0 / nsubj) * v, "MSE of the inferred traits");
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new RaschModelCommand(), "--nitem", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--nitem must be at least 1, got 0"), r.err());
  }
}
