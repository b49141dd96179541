package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class McmcSummaryTest {

  @Test
  void rowsHoldTheDrawsStatistics() {
    double[][] mu = Ar1Chains.ar1(7, 4, 1000, 0.5);
    double[][] tau = Ar1Chains.iid(8, 1000, new double[] {2, 2, 2, 2}, new double[] {0.5, 0.5, 0.5, 0.5});
    McmcSummary summary = McmcSummary.builder().add("mu", mu).add("tau", tau).build();
    assertEquals(2, summary.rows().size());
    assertEquals("mu", summary.rows().get(0).name());

    double[] all = new double[4000];
    for (int c = 0; c < 4; c++) {
      System.arraycopy(mu[c], 0, all, 1000 * c, 1000);
    }
    double mean = Arrays.stream(all).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(all).map(v -> (v - mean) * (v - mean)).sum() / 3999);
    Arrays.sort(all);
    ParameterSummary r = summary.row("mu");
    assertEquals(4000, r.draws());
    assertEquals(4, r.chains());
    assertEquals(mean, r.mean(), 1e-12);
    assertEquals(sd, r.sd(), 1e-12);
    // Type-7 quantiles: h = 3999 p, interpolating between order statistics.
    assertEquals(all[1999] + 0.5 * (all[2000] - all[1999]), r.q50(), 1e-12);
    double h = 3999 * 0.05;
    assertEquals(all[199] + (h - 199) * (all[200] - all[199]), r.q5(), 1e-12);
    assertEquals(sd / Math.sqrt(EffectiveSampleSize.ofSplit(mu)), r.mcseMean(), 1e-12);
    assertEquals(EffectiveSampleSize.bulk(mu), r.essBulk(), 0.0);
    assertEquals(PotentialScaleReduction.rankNormalized(mu), r.rhat(), 0.0);
    // rho = 0.5 gives ESS ~ S / 3 = 1333 (about 10% sampling error here), R-hat ~ 1.
    assertEquals(4000 / 3.0, r.essBulk(), 250);
    assertTrue(r.looksConverged(), r.toString());
    assertEquals(2.0, summary.row("tau").mean(), 4 * 0.5 / Math.sqrt(4000));
  }

  @Test
  void printsATable() {
    McmcSummary summary = McmcSummary.builder().add("mu", Ar1Chains.ar1(1, 2, 200, 0.2))
        .add("log_tau", Ar1Chains.ar1(2, 1, 400, 0.2)[0]).build();
    String text = summary.toString();
    String[] lines = text.split("\n");
    assertEquals(4, lines.length, text);
    for (String column : new String[] {"mean", "sd", "mcse", "5%", "50%", "95%", "ess_bulk", "ess_tail", "rhat"}) {
      assertTrue(lines[1].contains(column), text);
    }
    assertTrue(lines[2].startsWith("mu "), text);
    assertTrue(lines[3].startsWith("log_tau "), text);
  }

  @Test
  void chainsStuckApartDoNotLookConverged() {
    McmcSummary summary = McmcSummary.builder()
        .add("z", Ar1Chains.iid(1, 500, new double[] {0, 5}, new double[] {1, 1})).build();
    assertFalse(summary.row("z").looksConverged());
    // Ranks bound the rank-normalized R-hat: fully separated chains give about sqrt(1 + 0.64/0.36).
    assertTrue(summary.row("z").rhat() > 1.5, summary.toString());
  }

  @Test
  void coordinatesOfMatrixDrawsGetTheirOwnRows() {
    // Two chains of 5 draws of a 2 x 3 latent, row-major as fetched from params [5, 2, 3]:
    // element (i, j) of draw t is 100 t + 10 i + j (+ 0.5 in chain 1).
    float[][] chains = new float[2][30];
    for (int c = 0; c < 2; c++) {
      for (int t = 0; t < 5; t++) {
        for (int e = 0; e < 6; e++) {
          chains[c][t * 6 + e] = 100 * t + 10 * (e / 3) + (e % 3) + 0.5f * c;
        }
      }
    }
    McmcSummary summary = McmcSummary.builder().addCoordinates("w", chains, 2, 3).build();
    assertEquals(6, summary.rows().size());
    assertEquals("w[1,2]", summary.rows().get(5).name());
    // Mean over t = 0..4 and both chains: 200 + 12 + 0.25.
    assertEquals(212.25, summary.row("w[1,2]").mean(), 1e-4);
    assertEquals(200.25, summary.row("w[0,0]").mean(), 1e-4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> McmcSummary.builder().addCoordinates("v", new float[][] {new float[7]}, 2));
    assertTrue(e.getMessage().contains("whole number of draws of 2 values"), e.getMessage());
  }

  @Test
  void rejectsBadInput() {
    McmcSummary.Builder b = McmcSummary.builder().add("mu", new double[] {1, 2, 3, 4});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add("mu", new double[] {1, 2, 3, 4}));
    assertTrue(e.getMessage().contains("got mu a second time"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.add("sigma", new double[][] {{1, 2, 3, 4}, {1, 2}}));
    assertTrue(e.getMessage().startsWith("`sigma` chains must all have 4 draws"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.build().row("tau"));
    assertTrue(e.getMessage().contains("must be one of [mu], got tau"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> McmcSummary.builder().build());
  }
}
