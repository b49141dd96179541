package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutocorrelationTest {

  @Test
  void fftMatchesTheDirectSumAtEveryLag() {
    double[] x = Ar1Chains.ar1(3, 1, 1000, 0.7)[0];
    int n = x.length;
    double mean = 0;
    for (double v : x) {
      mean += v / n;
    }
    double[] acov = Autocorrelation.autocovariance(x);
    for (int t = 0; t < 60; t++) {
      double direct = 0;
      for (int i = 0; i + t < n; i++) {
        direct += (x[i] - mean) * (x[i + t] - mean);
      }
      direct /= n;
      // Double-precision FFT of 2048 points: relative rounding of order 1e-13 of acov(0).
      assertEquals(direct, acov[t], 1e-10 * acov[0], "lag " + t);
    }
  }

  @Test
  void ar1AutocorrelationIsRhoToTheLag() {
    double rho = 0.6;
    double[] r = Autocorrelation.of(Ar1Chains.ar1(5, 1, 1 << 16, rho)[0], 5);
    assertEquals(1.0, r[0], 0.0);
    for (int t = 1; t <= 5; t++) {
      // Bartlett: sd(r_t) <= sqrt((1 + rho^2) / (1 - rho^2) / n) ~ 0.0052 for n = 65536; four sd.
      assertEquals(Math.pow(rho, t), r[t], 4 * Math.sqrt((1 + rho * rho) / (1 - rho * rho) / (1 << 16)), "lag " + t);
    }
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autocorrelation.of(new double[] {1, 2, 3}, 3));
    assertTrue(e.getMessage().contains("`maxLag` must be in [0, 2]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Autocorrelation.autocovariance(new double[] {1, Double.NaN}));
    assertTrue(e.getMessage().contains("finite"), e.getMessage());
  }
}
