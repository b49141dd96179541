package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward bayesian-linear-regression} with Edward's data and 2,000 of its 5,000 draws. */
class BayesianLinearRegressionExampleTest {

  @TempDir Path out;

  @Test
  void matchesTheConjugatePosteriorAndItsTestError() throws Exception {
    BayesianLinearRegressionCommand args = ScriptRuns.parse(new BayesianLinearRegressionCommand(), out,
        "--samples", "2000", "--seed", "19");
    args.check();
    BayesianLinearRegressionExample.Result r = BayesianLinearRegressionExample.run(args);
    // The exact posterior mean, solved in closed form from the training data, against the chain's
    // after Edward's burn-in of 100: four Monte Carlo standard errors from the ESS (6e-5 false
    // failures each). SGHMC has no accept test, but at a learning rate of 1e-5 its discretization
    // bias (of order eta * largest precision, 1e-5 * 1100) is far below these errors.
    double[] exact = BayesianLinearRegressionExample.exactPosteriorMean(r.train());
    ChainDraws w = r.w().dropFirst(100);
    ChainDraws b = r.b().dropFirst(100);
    double dw = 4 * w.mcseMean(0);
    double db = 4 * b.mcseMean(0);
    assertEquals(exact[0], w.mean(0), dw, "posterior mean of w");
    assertEquals(exact[1], b.mean(0), db, "posterior mean of b");

    // The test error of the exact posterior mean's line. Evaluate predicts with the mean of 500
    // draws of y_post; each prediction then differs from the exact line by at most
    // max|x| dw + db (the chain's error) plus the noise of 500 draws of N(x w + b, 1) with w, b from
    // the chain (sd at most 1.2 / sqrt(500) = 0.054, four of them 0.21). |MSE - MSE*| is at most
    // 2 rms(residual) delta + delta^2.
    float[] x = r.test().x();
    float[] y = r.test().y();
    double mse = 0;
    for (int i = 0; i < x.length; i++) {
      double e = y[i] - (x[i] * exact[0] + exact[1]);
      mse += e * e / x.length;
    }
    double delta = 8 * dw + db + 0.21;
    assertEquals(mse, r.testMse(), 2 * Math.sqrt(mse) * delta + delta * delta, "test mean squared error");
    assertTrue(Files.size(out.resolve("joint.png")) > 0 && Files.size(out.resolve("posterior_lines.png")) > 0);
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new BayesianLinearRegressionCommand(), "--n", "3");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--n must be at least 4, got 3"), r.err());
    r = ScriptRuns.execute(new BayesianLinearRegressionCommand(), "--step-size", "0");
    assertTrue(r.err().contains("--step-size must be a finite number above 0, got 0.0"), r.err());
  }
}
