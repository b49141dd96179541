package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code bench hmc} at a small size: the library's HMC and the hand-written raw HMC sample the same
 * posterior (so the speed comparison compares like with like), and both report positive rates.
 */
class HmcBenchmarkTest {

  @Test
  void libraryAndRawHmcSampleTheSamePosterior() {
    HmcBenchmark.Figures f = HmcBenchmark.measure(400, 4, 5, 0.03, 300, 2, 200, 5);
    assertTrue(f.libraryRate() > 0 && f.rawRate() > 0, f.toString());
    assertTrue(f.libraryAccept() > 0.3 && f.rawAccept() > 0.3, "acceptance " + f.libraryAccept() + ", " + f.rawAccept());
    // Two independent chains of one posterior: their means differ by Z sqrt(sd^2/ESS1 + sd^2/ESS2)
    // at most (Z = 4.5), with the smallest bulk ESS over coordinates and the posterior sd bounded
    // by the prior's, 1.
    double tolerance = 4.5 * Math.sqrt(1 / f.libraryEss() + 1 / f.rawEss());
    for (int j = 0; j < 4; j++) {
      assertEquals(f.rawMean()[j], f.libraryMean()[j], tolerance, "posterior mean of w[" + j + "]");
    }
  }
}
