package org.edward4j.criticisms;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Posterior predictive checks whose reference distributions are known in closed form. */
class PosteriorPredictiveCheckTest extends GraphTestBase {

  private static final int N = 50;
  /** False-failure rate of each distribution check (DKW bound). */
  private static final double ALPHA = 1e-6;

  @TempDir Path dir;

  PosteriorPredictiveCheckTest() {
    super(2024);
  }

  @Test
  void theMeanOfReplicatedDataFollowsItsClosedFormAndGivesTheTailProbability() {
    // mu ~ N(0, 1), x | mu ~ N(mu, 1) n times; posterior q(mu) = N(0, 1e-4), nearly a point.
    // T = mean(x): T(x_rep) ~ N(0, 1/n (+1e-8)); observed mean 0.1, so P(T_rep >= 0.1) =
    // 1 - Phi(0.1 sqrt(50)) = 0.240.
    Normal mu = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(N).build();
    Normal qmu = Normal.of(ctx.scope("posterior"), 0.0, 1e-4);
    RandomVariable<TFloat32> xPost = GraphCopy.copy(x, Map.of(mu, qmu));
    float[] data = new float[N];
    for (int i = 0; i < N; i++) {
      data[i] = 0.1f + (i % 2 == 0 ? 1f : -1f);
    }
    int s = 2000;
    PpcResult r = PosteriorPredictiveCheck.builder((xs, zs) -> tf.math.mean(xs.get(xPost), tf.constant(0)),
        Map.of(xPost, data)).nSamples(s).build().run();
    assertEquals(s, r.nSamples());
    NormalDistribution reference = new NormalDistribution(0, 1 / Math.sqrt(N));
    assertMatchesCdf("T(x_rep)", floats(r.replicated()), reference::cumulativeProbability, ALPHA);
    for (double o : r.observed()) {
      assertEquals(0.1, o, 1e-6, "T(x) is the observed mean in every sample");
    }
    // The tail fraction of 2,000 draws has standard error sqrt(0.24 * 0.76 / 2000) = 0.0096; the
    // DKW bound above already limits it to 0.06 at alpha = 1e-6; 0.06 is used here too.
    assertEquals(1 - reference.cumulativeProbability(0.1), r.tailProbability(), 0.06);
  }

  @Test
  void bothStatisticsSeeTheSameLatentDraw() {
    // T = mean(x) - mu with q(mu) = N(3, 0.5): T(x_rep, mu) = mean(x_rep) - mu ~ N(0, 1/n) only if
    // x_rep was drawn at the same mu; T(x, mu) = 0.1 - mu ~ N(-2.9, 0.25).
    Normal mu = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(N).build();
    Normal qmu = Normal.of(ctx.scope("posterior"), 3.0, 0.5);
    RandomVariable<TFloat32> xPost = GraphCopy.copy(x, Map.of(mu, qmu));
    float[] data = new float[N];
    java.util.Arrays.fill(data, 0.1f);
    Discrepancy t = (xs, zs) -> tf.math.sub(tf.math.mean(xs.get(xPost), tf.constant(0)), zs.get(mu));
    PpcResult r = PosteriorPredictiveCheck.builder(t, Map.of(xPost, data)).latentVars(Map.of(mu, qmu)).nSamples(1500)
        .build().run();
    assertMatchesCdf("T(x_rep, z)", floats(r.replicated()),
        new NormalDistribution(0, 1 / Math.sqrt(N))::cumulativeProbability, ALPHA);
    assertMatchesCdf("T(x, z)", floats(r.observed()), new NormalDistribution(-2.9, 0.5)::cumulativeProbability, ALPHA);
  }

  @Test
  void integerDataAndThePlot() throws IOException {
    // Edward's ppc_stat_hist_plot example: 10 coin flips, T = mean; a prior predictive check on
    // the model's own x with p = 0.2 fixed.
    Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(0.2).sampleShape(10).build();
    int[] flips = {0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
    PpcResult r = PosteriorPredictiveCheck.builder(
            (xs, zs) -> tf.math.mean(tf.dtypes.cast(xs.get(x), TFloat32.class), tf.constant(0)), Map.of(x, flips))
        .nSamples(300).build().run();
    assertEquals(0.2, r.observedMean(), 1e-6);
    // P(Binomial(10, 0.2) >= 2) = 0.624; 300 draws: standard error 0.028, 0.12 is over four.
    assertEquals(0.624, r.tailProbability(), 0.12);
    Path png = r.writePlot(dir.resolve("ppc.png"), "mean");
    assertTrue(Files.size(png) > 1000, "a PNG was written");
  }

  @Test
  void badInputIsRejectedNamingTheProblem() {
    Normal x = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(3).build();
    Map<Operand<?>, Object> data = Map.of(x, new float[] {1, 2, 3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PosteriorPredictiveCheck.builder((xs, zs) -> xs.get(x), data).nSamples(2).build().run());
    assertTrue(e.getMessage().contains("one value"), e.getMessage());
    Normal other = Normal.of(scope, 0.0, 1.0);
    e = assertThrows(IllegalArgumentException.class,
        () -> PosteriorPredictiveCheck.builder((xs, zs) -> xs.get(other), data).nSamples(2).build().run());
    assertTrue(e.getMessage().contains("bound keys are [" + x.op().name()), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PosteriorPredictiveCheck.builder((xs, zs) -> tf.constant(1f), data).nSamples(0));
    assertTrue(e.getMessage().contains("`nSamples`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PosteriorPredictiveCheck.ppc((xs, zs) -> tf.constant(1f), Map.of()));
    assertTrue(e.getMessage().contains("`data`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PosteriorPredictiveCheck.ppc((xs, zs) -> tf.constant(1f), Map.of(x, new float[] {1, 2})));
    assertTrue(e.getMessage().contains("3 values"), e.getMessage());
  }

  private static float[] floats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }
}
