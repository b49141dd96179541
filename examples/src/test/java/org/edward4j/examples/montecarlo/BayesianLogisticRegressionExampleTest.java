package org.edward4j.examples.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/edward bayesian-logistic-regression} with a fifth of Edward's draws. */
class BayesianLogisticRegressionExampleTest {

  @TempDir Path out;

  @Test
  void matchesThePosteriorComputedOnAGrid() throws Exception {
    BayesianLogisticRegressionCommand args = ScriptRuns.parse(new BayesianLogisticRegressionCommand(), out,
        "--samples", "1000", "--seed", "17");
    args.check();
    BayesianLogisticRegressionExample.Result r = BayesianLogisticRegressionExample.run(args);
    double[] exact = gridPosteriorMeans(r.data().x(), r.data().y());
    // The chain starts at (0, 0), far from the posterior's bulk: the first 100 draws are dropped.
    // Then four Monte Carlo standard errors from the ESS (6e-5 false failures each) against the
    // posterior mean computed independently by quadrature on a fine grid.
    ChainDraws w = r.w().dropFirst(100);
    ChainDraws b = r.b().dropFirst(100);
    assertEquals(exact[0], w.mean(0), 4 * w.mcseMean(0), "posterior mean of w");
    assertEquals(exact[1], b.mean(0), 4 * b.mcseMean(0), "posterior mean of b");
    assertTrue(Files.size(out.resolve("fit.png")) > 0 && Files.size(out.resolve("fit_00200.png")) > 0);
  }

  /**
   * The posterior means of (w, b) by the midpoint rule on a 600 x 600 grid over [-20, 40] x [-30,
   * 30], where the N(0, 9) priors put all but e^-50 of their mass and the likelihood (labels split
   * at x = -0.86) keeps the posterior well inside.
   */
  static double[] gridPosteriorMeans(float[] x, int[] y) {
    int n = 600;
    double[] logPost = new double[n * n];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double w = -20 + 60.0 * (i + 0.5) / n;
      for (int j = 0; j < n; j++) {
        double b = -30 + 60.0 * (j + 0.5) / n;
        double lp = -(w * w + b * b) / 18;
        for (int k = 0; k < x.length; k++) {
          double logit = x[k] * w + b;
          // log sigmoid(logit) for y = 1, log sigmoid(-logit) for y = 0, stably.
          double s = y[k] == 1 ? logit : -logit;
          lp += s >= 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s));
        }
        logPost[i * n + j] = lp;
        max = Math.max(max, lp);
      }
    }
    double z = 0;
    double mw = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double p = Math.exp(logPost[i * n + j] - max);
        z += p;
        mw += p * (-20 + 60.0 * (i + 0.5) / n);
        mb += p * (-30 + 60.0 * (j + 0.5) / n);
      }
    }
    return new double[] {mw / z, mb / z};
  }

  @Test
  void rejectsBadFlagsBeforeAnyWork() {
    ScriptRuns.Rejected r = ScriptRuns.execute(new BayesianLogisticRegressionCommand(), "--n", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--n must be at least 1, got 0"), r.err());
  }
}
