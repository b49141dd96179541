package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.edward4j.core.testing.StatisticalAssertions.assertMeanWithin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.types.TInt32;

/**
 * Samplers against independent references (commons-math), with stated false-failure rates.
 *
 * <p>Continuous: the Kolmogorov-Smirnov distance of {@value #N} draws against the reference CDF
 * must stay under the DKW bound at {@code alpha = 1e-6}, so a correct sampler fails a check with
 * probability at most 1e-6 whatever the distribution. Discrete: each outcome's frequency must be
 * within 5 binomial standard errors {@code sqrt(p (1 - p) / N)} of its probability, a two-sided
 * normal-approximation rate of 5.7e-7 per outcome (at most a dozen outcomes per test).
 */
class SamplerTest extends GraphTestBase {

  static final int N = 100_000;
  static final double ALPHA = 1e-6;
  static final double Z = 5;

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void continuousDrawsFollowTheReferenceCdf(Families.Continuous f) {
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    float[] draws = eval(rv.sample(N));
    assertEquals(N, draws.length);
    assertMatchesCdf(f.label(), draws, f.ref()::cumulativeProbability, ALPHA);
  }

  @Test
  void valueWithSampleShapeHoldsIndependentDraws() {
    Normal x = Normal.builder(scope).loc(-3).scale(0.25).sampleShape(N).build();
    assertMatchesCdf("value of Normal(-3, 0.25)", eval(x), new NormalDistribution(-3, 0.25)::cumulativeProbability, ALPHA);
  }

  @Test
  void batchedNormalDrawsEachElementFromItsOwnParameters() {
    float[] loc = {-2f, 0f, 5f};
    float[] scale = {0.5f, 1f, 3f};
    Normal x = Normal.of(scope, vector(loc), vector(scale));
    float[][] columns = columns(ctx.eval(x.sample(N)), 3);
    for (int j = 0; j < 3; j++) {
      assertMatchesCdf("column " + j, columns[j], new NormalDistribution(loc[j], scale[j])::cumulativeProbability, ALPHA);
    }
  }

  @Test
  void batchedGammaBroadcastsAScalarRate() {
    float[] concentration = {0.3f, 4f};
    Gamma g = Gamma.of(scope, vector(concentration), scalar(1.5));
    float[][] columns = columns(ctx.eval(g.sample(N)), 2);
    for (int j = 0; j < 2; j++) {
      GammaDistribution ref = new GammaDistribution(concentration[j], 1 / 1.5);
      assertMatchesCdf("column " + j, columns[j], ref::cumulativeProbability, ALPHA);
    }
  }

  @Test
  void multivariateNormalDiagCoordinatesAreIndependentNormals() {
    MultivariateNormalDiag w = MultivariateNormalDiag.of(scope, new float[] {0f, 2f}, new float[] {1f, 0.5f});
    float[][] c = columns(ctx.eval(w.sample(N)), 2);
    assertMatchesCdf("coordinate 0", c[0], new NormalDistribution(0, 1)::cumulativeProbability, ALPHA);
    assertMatchesCdf("coordinate 1", c[1], new NormalDistribution(2, 0.5)::cumulativeProbability, ALPHA);
    // Independent standardized coordinates sum to N(0, 2); correlated ones would not.
    float[] sum = new float[N];
    for (int i = 0; i < N; i++) {
      sum[i] = c[0][i] + (c[1][i] - 2f) / 0.5f;
    }
    assertMatchesCdf("standardized sum", sum, new NormalDistribution(0, Math.sqrt(2))::cumulativeProbability, ALPHA);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#discrete")
  void discreteFrequenciesMatchTheReferenceMass(Families.Discrete f) {
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    float[] draws = eval(rv.sample(N));
    AbstractIntegerDistribution ref = f.ref();
    assertFrequencies(f.label(), draws, ref::probability, 30);
    assertMeanWithin(f.label(), draws, ref.getNumericalMean(), Math.sqrt(ref.getNumericalVariance()), Z);
  }

  @Test
  void categoricalFrequenciesFollowEachBatchRow() {
    Categorical<TInt32> c = Categorical.ofLogits(scope, constant(new long[] {2, 3}, 0f, 0f, 0f, 1f, 2f, 3f));
    float[][] rows = columns(ctx.eval(c.sample(N)), 2);
    assertFrequencies("uniform row", rows[0], k -> k <= 2 ? 1.0 / 3 : 0, 3);
    double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    assertFrequencies("softmax row", rows[1], k -> k <= 2 ? Math.exp(k + 1) / z : 0, 3);
  }

  @Test
  void categoricalFromProbsNormalizesThem() {
    Categorical<TInt32> c = Categorical.ofProbs(scope, vector(0.1f, 0.2f, 0.5f));
    double[] normalized = {0.125, 0.25, 0.625};
    assertFrequencies("probs / sum", eval(c.sample(N)), k -> k <= 2 ? normalized[k] : 0, 3);
  }

  @Test
  void empiricalDrawsEachStoredSampleUniformly() {
    Empirical e = Empirical.of(scope, new float[] {0f, 1f, 2f, 3f, 4f});
    assertFrequencies("Empirical of 0..4", eval(e.sample(N)), k -> k <= 4 ? 0.2 : 0, 5);
  }

  @Test
  void empiricalDrawsWholeRowsOfMatrixParams() {
    Empirical e = Empirical.of(scope, constant(new long[] {3, 2}, 0f, 10f, 1f, 11f, 2f, 12f));
    TensorValue draws = ctx.eval(e.sample(1000));
    assertArrayEquals(new long[] {1000, 2}, draws.shape());
    for (int i = 0; i < 1000; i++) {
      float a = draws.get(i, 0);
      float b = draws.get(i, 1);
      assertEquals(a + 10f, b, "row " + i + " mixes stored samples");
    }
  }

  @Test
  void pointMassDrawsAreItsParams() {
    PointMass p = PointMass.of(scope, new float[] {1f, -2f});
    TensorValue draws = ctx.eval(p.sample(4));
    assertArrayEquals(new long[] {4, 2}, draws.shape());
    assertArrayEquals(new float[] {1f, -2f, 1f, -2f, 1f, -2f, 1f, -2f}, draws.data());
  }

  /** Each outcome 0..maxOutcome within Z binomial standard errors; none outside the support. */
  static void assertFrequencies(String what, float[] draws, java.util.function.IntToDoubleFunction p, int maxOutcome) {
    int[] counts = new int[maxOutcome + 2];
    for (float d : draws) {
      if (d != Math.rint(d) || d < 0) {
        fail(what + ": draw " + d + " is not a non-negative integer");
      }
      counts[(int) Math.min(d, maxOutcome + 1)]++;
    }
    int n = draws.length;
    for (int k = 0; k <= maxOutcome; k++) {
      double pk = p.applyAsDouble(k);
      double freq = (double) counts[k] / n;
      double se = Math.sqrt(pk * (1 - pk) / n);
      // An outcome of probability 0 must never appear.
      assertTrue(pk == 0 ? counts[k] == 0 : Math.abs(freq - pk) <= Z * se,
          what + ": outcome " + k + " has frequency " + freq + ", expected " + pk + " +- " + Z * se);
    }
  }

  /** Splits a row-major [n, k] tensor into k columns. */
  static float[][] columns(TensorValue v, int k) {
    int n = v.size() / k;
    float[][] out = new float[k][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        out[j][i] = v.data()[i * k + j];
      }
    }
    return out;
  }
}
