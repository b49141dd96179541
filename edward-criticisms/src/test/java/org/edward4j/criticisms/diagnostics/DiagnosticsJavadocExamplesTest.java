package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Javadoc examples of the diagnostics package, written out so they compile and run. */
class DiagnosticsJavadocExamplesTest {

  @TempDir Path dir;

  @Test
  void examplesRun() throws IOException {
    // From Autocorrelation's Javadoc:
    double[] rho = Autocorrelation.of(new double[] {1, 2, 3, 4, 3, 2, 1, 2}, 3);
    assertEquals(1.0, rho[0], 0.0);
    // From EffectiveSampleSize's and PotentialScaleReduction's Javadoc:
    double[][] chains = {{0.1, 0.4, 0.3, 0.9, 0.5, 0.2}, {0.3, 0.2, 0.6, 0.8, 0.1, 0.4}};
    double ess = EffectiveSampleSize.of(chains);
    double bulk = EffectiveSampleSize.bulk(chains);
    double rhat = PotentialScaleReduction.split(chains);
    double rankRhat = PotentialScaleReduction.rankNormalized(chains);
    assertTrue(ess > 0 && bulk > 0 && rhat > 0 && rankRhat > 0);
    // From McmcSummary's Javadoc:
    double[][] mu = {{5.1, 6.0, 4.8, 5.5, 6.2, 5.9}, {5.7, 4.9, 6.1, 5.2, 5.0, 6.3}};
    double[][] logTau = {{2.4, 2.5, 2.3, 2.6, 2.4, 2.5}, {2.5, 2.2, 2.6, 2.4, 2.3, 2.7}};
    McmcSummary summary = McmcSummary.builder().add("mu", mu).add("log_tau", logTau).build();
    System.out.println(summary);
    double essMu = summary.row("mu").essBulk();
    assertTrue(essMu > 0);
    // From DiagnosticPlots' Javadoc:
    DiagnosticPlots.trace(dir.resolve("mu-trace.png"), "mu", chains, 640, 400);
    DiagnosticPlots.autocorrelation(dir.resolve("mu-acf.png"), "mu", chains, 4, 640, 400);
    assertTrue(Files.exists(dir.resolve("mu-acf.png")));
  }
}
