package org.edward4j.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edward4j.spark.LocalSpark;
import org.junit.jupiter.api.Test;

/**
 * Parallel HMC chains on Edward's conjugate normal-normal model, whose posterior {@code N(sum x /
 * (n + 1), 1 / (n + 1))} is known: the chains must agree with it within 4.5 Monte Carlo standard
 * errors (MCSE = sd / sqrt(ESS), ESS from the chains; a false failure rate of about 7e-6 per
 * assertion if the ESS is right), and chains that cannot move must be caught by R-hat.
 */
class ParallelChainsTest {

  private static final double Z = 4.5;

  @Test
  void fourChainsAgreeWithTheClosedFormPosterior() {
    NormalNormalChains model = new NormalNormalChains(50, 0.5, 7L, 300, 0.1, 5, 2.0);
    ChainsOptions options = ChainsOptions.builder().chains(4).burnIn(50).seed(11).build();
    ChainsResult result = ParallelChains.of(model, options).run(LocalSpark.get());
    System.out.println(result + "\n" + result.summary());
    result.runs().forEach(System.out::println);
    assertEquals(4, result.runs().size());
    double m = model.posteriorMean();
    double sd = model.posteriorSd();
    assertEquals(m, result.mean("mu", 0), Z * result.mcse("mu", 0), "posterior mean");
    // The posterior sd: (mu - m)^2 has mean sd^2 and sd sqrt(2) sd^2; its MCSE from its own ESS.
    double[][] sq = result.chains("mu", 0);
    for (double[] c : sq) {
      for (int i = 0; i < c.length; i++) {
        c[i] = (c[i] - m) * (c[i] - m);
      }
    }
    double meanSq = 0;
    int n = 0;
    for (double[] c : sq) {
      for (double v : c) {
        meanSq += v;
        n++;
      }
    }
    meanSq /= n;
    double mcseSq = Math.sqrt(2) * sd * sd / Math.sqrt(org.edward4j.criticisms.diagnostics.EffectiveSampleSize.ofSplit(sq));
    assertEquals(sd * sd, meanSq, Z * mcseSq, "posterior variance");
    assertTrue(result.splitRhat("mu", 0) < 1.1, "split R-hat " + result.splitRhat("mu", 0));
    assertTrue(result.summary().row("mu").rhat() < 1.1, result.summary().toString());
    result.runs().forEach(r -> assertTrue(r.moveRate() > 0.5, r.toString()));
  }

  @Test
  void chainsThatCannotMoveHaveALargeRhat() {
    // Starts at -10 and +10 with a leapfrog step of 0.001: in 40 draws a chain moves by at most a
    // few hundredths, so the between-chain spread (20) dwarfs the within-chain one.
    NormalNormalChains model = new NormalNormalChains(50, 0.5, 7L, 40, 0.001, 1, 10.0);
    ChainsResult result = ParallelChains.of(model, ChainsOptions.builder().chains(2).burnIn(0).seed(3).build())
        .run(LocalSpark.get());
    assertTrue(result.splitRhat("mu", 0) > 1.1, "split R-hat " + result.splitRhat("mu", 0));
    assertTrue(result.splitRhat("mu", 0) > 10, "split R-hat " + result.splitRhat("mu", 0));
  }

  @Test
  void samePartitionsAndSeedsGiveTheSameChains() {
    NormalNormalChains model = new NormalNormalChains(20, 0.0, 1L, 30, 0.2, 3, 1.0);
    ChainsOptions options = ChainsOptions.builder().chains(2).seed(5).build();
    ChainsResult a = ParallelChains.of(model, options).run(LocalSpark.get());
    ChainsResult b = ParallelChains.of(model, options).run(LocalSpark.get());
    for (int c = 0; c < 2; c++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(a.runs().get(c).values().get("mu"), b.runs().get(c).values().get("mu"));
    }
  }

  @Test
  void badInputIsRejectedOnTheDriver() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChainsOptions.builder().chains(0).build());
    assertEquals("`chains` must be at least 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ChainsOptions.builder().burnIn(-1).build());
    assertEquals("`burnIn` must be 0 or more, got -1", e.getMessage());
    Object notSerializable = new Object();
    ChainModel capturing = (ctx, chain) -> {
      throw new AssertionError(notSerializable);
    };
    e = assertThrows(IllegalArgumentException.class, () -> ParallelChains.of(capturing, ChainsOptions.builder().build()));
    assertTrue(e.getMessage().startsWith("`model` must be serializable"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    NormalNormalChains model = new NormalNormalChains(5, 0.0, 1L, 10, 0.1, 1, 1.0);
    e = assertThrows(IllegalArgumentException.class,
        () -> ParallelChains.of(model, ChainsOptions.builder().chains(1).burnIn(8).build()).run(LocalSpark.get()));
    assertEquals("`burnIn` must leave at least 4 of the 10 draws each chain holds, got 8", e.getMessage());
  }
}
