package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EffectiveSampleSizeTest {

  private static final int CHAINS = 4;
  private static final int DRAWS = 1 << 16;

  /**
   * For a stationary AR(1) chain {@code tau = (1 + rho) / (1 - rho)}, so ESS / S -> (1 - rho) /
   * (1 + rho). The estimator sums about M autocorrelations; by Bartlett's formula (Sokal's notes on
   * Monte Carlo methods) its relative standard deviation is about sqrt(2 (2M + 1) / S), with M at
   * most twice the lag where rho^M falls to the noise level sqrt(tau / S). Four of those.
   */
  @ParameterizedTest
  @ValueSource(doubles = {-0.3, 0.0, 0.5, 0.9})
  void ar1ChainsHaveTheKnownEffectiveSampleSize(double rho) {
    double[][] chains = Ar1Chains.ar1(Double.hashCode(rho), CHAINS, DRAWS, rho);
    double s = (double) CHAINS * DRAWS;
    double tau = (1 + rho) / (1 - rho);
    double noiseLag = rho == 0 ? 1 : Math.log(Math.sqrt(tau / s)) / Math.log(Math.abs(rho));
    double m = Math.max(10, 2 * Math.ceil(noiseLag));
    double relativeSd = Math.sqrt(2 * (2 * m + 1) / s);
    double expected = (1 - rho) / (1 + rho);
    double ratio = EffectiveSampleSize.of(chains) / s;
    assertEquals(expected, ratio, 4 * relativeSd * expected, "rho = " + rho);
    // Split chains of a stationary chain estimate the same quantity.
    assertEquals(expected, EffectiveSampleSize.ofSplit(chains) / s, 4 * relativeSd * expected, "split, rho = " + rho);
    // Ranks of Gaussian draws are a monotone map of them: bulk ESS agrees with the plain one.
    assertEquals(expected, EffectiveSampleSize.bulk(chains) / s, 4 * relativeSd * expected, "bulk, rho = " + rho);
  }

  @Test
  void oneChainMatchesTheArrayOfOne() {
    double[] chain = Ar1Chains.ar1(1, 1, 500, 0.5)[0];
    assertEquals(EffectiveSampleSize.of(new double[][] {chain}), EffectiveSampleSize.of(chain), 0.0);
  }

  @Test
  void heavyTailsDoNotFoolTheBulkEstimate() {
    // I.i.d. Cauchy draws: ranks make them i.i.d. normal scores, so the bulk ESS is about S, and the
    // tail ESS (indicators of i.i.d. draws are i.i.d.) too. Relative sd sqrt(2 * 21 / S) with M = 10.
    java.util.Random random = new java.util.Random(11);
    double[][] chains = new double[CHAINS][DRAWS / 4];
    for (double[] c : chains) {
      for (int i = 0; i < c.length; i++) {
        c[i] = Math.tan(Math.PI * (random.nextDouble() - 0.5));
      }
    }
    double s = CHAINS * DRAWS / 4.0;
    double tol = 4 * Math.sqrt(2 * 21 / s);
    assertEquals(1.0, EffectiveSampleSize.bulk(chains) / s, tol);
    assertEquals(1.0, EffectiveSampleSize.tail(chains) / s, tol);
  }

  @Test
  void stuckChainsHaveATinyTailEstimate() {
    // Two chains of 1000 i.i.d. draws in different places: the between-chain variance dominates
    // var+, so every lag looks correlated and the 2000 draws count as a few dozen at most (against
    // about 2000 for mixed chains).
    double[][] chains = Ar1Chains.iid(2, 1000, new double[] {0, 10}, new double[] {1, 1});
    assertTrue(EffectiveSampleSize.tail(chains) < 100, "tail ESS " + EffectiveSampleSize.tail(chains));
    assertTrue(EffectiveSampleSize.bulk(chains) < 100, "bulk ESS " + EffectiveSampleSize.bulk(chains));
    assertTrue(EffectiveSampleSize.of(chains) < 100, "ESS " + EffectiveSampleSize.of(chains));
  }

  @Test
  void constantDrawsHaveNoEffectiveSampleSize() {
    assertTrue(Double.isNaN(EffectiveSampleSize.of(new double[] {2, 2, 2, 2, 2})));
  }

  @Test
  void rejectsBadDraws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EffectiveSampleSize.of(new double[][] {{1, 2, 3, 4}, {1, 2, 3}}));
    assertTrue(e.getMessage().contains("must all have 4 draws"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EffectiveSampleSize.of(new double[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("at least 4 draws"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EffectiveSampleSize.bulk(new double[0][]));
    assertTrue(e.getMessage().contains("at least one chain"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EffectiveSampleSize.tail(new double[][] {{1, 2, Double.POSITIVE_INFINITY, 4}}));
    assertTrue(e.getMessage().contains("finite draws, got Infinity at chain 0, draw 2"), e.getMessage());
  }
}
