package org.edward4j.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.edward4j.spark.LocalSpark;
import org.junit.jupiter.api.Test;

/**
 * The sweep function of {@code bin/edward spark sweep} against closed forms: exact at the posterior's
 * width, and biased by the importance weights' variance over 2K at another width.
 */
class ProposalSweepTest {

  private static final int ROWS = 2000;
  private static final ProposalSweep SWEEP = new ProposalSweep(4, 0.8, ROWS, 100, 11);

  @Test
  void theExactPosteriorGivesTheClosedFormForAnyK() {
    Map<String, Double> m = SWEEP.evaluate(new ProposalSweep.Config(1.0, 3));
    System.out.println("scale 1, K 3: " + m);
    // Every weight is p(x): the estimate differs from the closed form by float32 rounding only,
    // about 1e-7 relative per operation on log-weights of size ~6 nats, over some 20 operations.
    assertEquals(0.0, m.get("gap"), 5e-5);
    assertEquals(Math.abs(m.get("gap")), m.get("abs_gap"), 0.0);
    assertEquals(0.8 / Math.sqrt(4 + 0.64), m.get("proposal_sd"), 1e-12);
  }

  @Test
  void aWiderProposalIsBiasedByTheWeightsVarianceOverTwoK() {
    double scale = 2.0;
    int k = 10;
    Map<String, Double> m = SWEEP.evaluate(new ProposalSweep.Config(scale, k));
    System.out.println("scale 2, K 10: " + m);
    // With q = N(mu, c^2 s^2) for the posterior N(mu, s^2), the weights over p(x) have
    // E[r^2] = c^2 / sqrt(2c^2 - 1), so var = 4 / sqrt(7) - 1 = 0.512 at c = 2; the NLL estimate of
    // each row is biased by var / (2K) = 0.0256 (delta method) and has sd sqrt(var / K) = 0.226,
    // so the mean over 2000 rows has standard error 0.0051; allow 4 of them.
    double var = scale * scale / Math.sqrt(2 * scale * scale - 1) - 1;
    double bias = var / (2 * k);
    double se = Math.sqrt(var / k / ROWS);
    assertEquals(bias, m.get("gap"), 4 * se, "gap against var / 2K");
    assertTrue(m.get("abs_gap") > 100 * 5e-5, "a hundred times the exact proposal's rounding allowance");
  }

  @Test
  void gridIsEveryPairScalesOutermostAndBadValuesAreNamed() {
    List<ProposalSweep.Config> grid = ProposalSweep.grid(List.of(0.5, 1.0), List.of(10, 100));
    assertEquals(List.of(new ProposalSweep.Config(0.5, 10), new ProposalSweep.Config(0.5, 100),
        new ProposalSweep.Config(1.0, 10), new ProposalSweep.Config(1.0, 100)), grid);
    assertEquals("`scale` must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> new ProposalSweep.Config(0, 10)).getMessage());
    assertEquals("`samples` must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new ProposalSweep.Config(1, 0)).getMessage());
    assertEquals("`rows` must be at least 2 (for a standard error), got 1",
        assertThrows(IllegalArgumentException.class, () -> new ProposalSweep(4, 0.8, 1, 10, 0)).getMessage());
    assertEquals("`noiseSd` must be positive and finite, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> new ProposalSweep(4, -1, 10, 10, 0)).getMessage());
    assertEquals("`clip` must be positive and finite, got NaN",
        assertThrows(IllegalArgumentException.class, () -> new GanTutorialInversion(64, 0.05, 1, Double.NaN)).getMessage());
    assertEquals("`restarts` must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new GanTutorialInversion(64, 0.05, 0, 1)).getMessage());
  }

  @Test
  void javadocExamplesRunOnSparkAndTheBestConfigurationIsTheExactPosterior() {
    JavaSparkContext sc = LocalSpark.get();
    // ProposalSweep's Javadoc (200 rows instead of 1000):
    ProposalSweep sweep = new ProposalSweep(4, 0.8, 200, 100, 42);
    SweepResult<ProposalSweep.Config> result = HyperparameterSweep.of(sweep)
        .run(sc, ProposalSweep.grid(List.of(0.5, 1.0, 2.0), List.of(10, 100)));
    System.out.println(result);
    assertEquals(6, result.rows().size());
    assertTrue(result.failures().isEmpty(), result.toString());
    assertEquals(1.0, result.best("abs_gap").orElseThrow().config().scale(), 0.0);
    // GanTutorialInversion's Javadoc:
    InversionModel model = new GanTutorialInversion(64, 0.05, 1, 1.0);
    assertEquals("GanTutorialInversion(batchSize=64, learningRate=0.05, restarts=1, clip=1.0)", model.toString());
  }
}
