package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PotentialScaleReductionTest {

  /** BDA3's split R-hat written out independently: halves, B, W, var+. */
  private static double bda3SplitRhat(double[][] chains) {
    int half = chains[0].length / 2;
    int m = 2 * chains.length;
    double[] means = new double[m];
    double[] vars = new double[m];
    for (int j = 0; j < m; j++) {
      double[] c = chains[j / 2];
      int start = j % 2 == 0 ? 0 : c.length - half;
      double s = 0;
      for (int i = start; i < start + half; i++) {
        s += c[i];
      }
      means[j] = s / half;
      double ss = 0;
      for (int i = start; i < start + half; i++) {
        ss += (c[i] - means[j]) * (c[i] - means[j]);
      }
      vars[j] = ss / (half - 1);
    }
    double grand = 0;
    for (double v : means) {
      grand += v / m;
    }
    double b = 0;
    double w = 0;
    for (int j = 0; j < m; j++) {
      b += half * (means[j] - grand) * (means[j] - grand) / (m - 1);
      w += vars[j] / m;
    }
    return Math.sqrt(((half - 1.0) / half * w + b / half) / w);
  }

  @Test
  void mixedChainsGiveOne() {
    int n = 1000;
    double[][] chains = Ar1Chains.iid(1, n, new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 1});
    double rhat = PotentialScaleReduction.split(chains);
    assertEquals(bda3SplitRhat(chains), rhat, 1e-12);
    // For i.i.d. halves of h = n/2 draws, B/W ~ chi2(m'-1)/(m'-1) so R-hat ~ 1 + (chi2/(m'-1) - 1)/(2h):
    // standard deviation sqrt(2/(m'-1)) / (2h) with m' = 8 halves. Four of those.
    double sd = Math.sqrt(2.0 / 7) / n;
    assertEquals(1.0, rhat, 4 * sd);
    assertEquals(1.0, PotentialScaleReduction.rankNormalized(chains), 4 * sd + 1e-3);
  }

  @Test
  void chainsStartedApartGiveMuchMoreThanOne() {
    double[] means = {0, 3, 6, 9};
    double[][] chains = Ar1Chains.iid(2, 400, means, new double[] {1, 1, 1, 1});
    double rhat = PotentialScaleReduction.split(chains);
    assertEquals(bda3SplitRhat(chains), rhat, 1e-12);
    // Expected: halves' means {0,0,3,3,6,6,9,9} have variance 90/7 against W = 1: R-hat ~ sqrt(1 + 12.86).
    assertEquals(Math.sqrt(1 + 90.0 / 7), rhat, 0.2);
    assertTrue(PotentialScaleReduction.rankNormalized(chains) > 1.5);
  }

  @Test
  void aTrendWithinOneChainShowsInItsHalves() {
    double[] chain = new double[400];
    java.util.Random random = new java.util.Random(4);
    for (int i = 0; i < chain.length; i++) {
      chain[i] = i / 100.0 + random.nextGaussian();
    }
    double rhat = PotentialScaleReduction.split(new double[][] {chain});
    assertEquals(bda3SplitRhat(new double[][] {chain}), rhat, 1e-12);
    assertTrue(rhat > 1.2, "split R-hat " + rhat);
  }

  @Test
  void rankNormalizedRhatSeesChainsThatDisagreeOnlyInScale() {
    // Same mean, spreads 1 and 3: the classic R-hat compares means only; folding compares spreads
    // (Vehtari et al. 2021, section 4.2).
    double[][] chains = Ar1Chains.iid(3, 1000, new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 3});
    assertTrue(PotentialScaleReduction.split(chains) < 1.01, "split " + PotentialScaleReduction.split(chains));
    assertTrue(PotentialScaleReduction.rankNormalized(chains) > 1.05,
        "rank-normalized " + PotentialScaleReduction.rankNormalized(chains));
  }

  @Test
  void rejectsBadDraws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PotentialScaleReduction.split(new double[][] {{1, 2, 3, 4}, null}));
    assertTrue(e.getMessage().contains("`chains[1]` must not be null"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PotentialScaleReduction.rankNormalized(null));
    assertTrue(e.getMessage().contains("`chains` must not be null"), e.getMessage());
  }
}
