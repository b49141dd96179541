package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMeanWithin;
import static org.edward4j.models.BadInputTest.assertMessage;
import static org.edward4j.models.LogProbTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.edward4j.core.TensorValue;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Multinomial against the textbook mass written here, a chi-square test over every joint outcome
 * (100,000 draws, asymptotic false-failure rate 1e-6), binomial marginal means within 5 standard
 * errors (5.7e-7 two-sided), batch broadcasting of {@code totalCount}, and bad input.
 */
class MultinomialTest extends GraphTestBase {

  static final int N = 100_000;

  /** {@code log n! - sum log x_k! + sum x_k log p_k}. */
  static double logMass(int[] x, double[] p) {
    int n = 0;
    double lp = 0;
    for (int k = 0; k < x.length; k++) {
      n += x[k];
      lp -= Families.logGamma(x[k] + 1);
      if (x[k] > 0) {
        lp += x[k] * Math.log(p[k]);
      }
    }
    return lp + Families.logGamma(n + 1);
  }

  @Test
  void logProbMatchesTheTextbookMassFromProbsAndLogits() {
    double[] p = {0.2, 0.3, 0.5};
    int[][] xs = {{5, 0, 0}, {1, 2, 2}, {0, 0, 5}, {2, 2, 1}};
    float[] flat = new float[12];
    double[] expected = new double[4];
    for (int r = 0; r < 4; r++) {
      for (int k = 0; k < 3; k++) {
        flat[3 * r + k] = xs[r][k];
      }
      expected[r] = logMass(xs[r], p);
    }
    Multinomial<TFloat32> fromProbs = Multinomial.of(scope, 5, new float[] {0.2f, 0.3f, 0.5f});
    assertClose("probs", expected, eval(fromProbs.logProb(constant(new long[] {4, 3}, flat))));
    Multinomial<TFloat32> fromLogits = Multinomial.builder(scope).totalCount(5)
        .logits(new float[] {(float) Math.log(2), (float) Math.log(3), (float) Math.log(5)}).build();
    assertClose("logits", expected, eval(fromLogits.logProb(constant(new long[] {4, 3}, flat))));
  }

  @Test
  void countsOutsideTheSupportAreMinusInfinity() {
    Multinomial<TFloat32> m = Multinomial.of(scope, 4, new float[] {0.5f, 0.5f, 0f});
    float[] lp = eval(m.logProb(constant(new long[] {4, 3}, 1f, 1f, 1f, 5f, -1f, 0f, 2f, 1f, 0f, 2f, 2f, 0f)));
    assertEquals(Float.NEGATIVE_INFINITY, lp[0], "a count in a class of probability 0");
    assertEquals(Float.NEGATIVE_INFINITY, lp[1], "a negative count");
    assertEquals(Float.NEGATIVE_INFINITY, lp[2], "counts summing to 3, not 4");
    assertClose("valid", new double[] {logMass(new int[] {2, 2, 0}, new double[] {0.5, 0.5, 0})}, new float[] {lp[3]});
  }

  @Test
  void jointOutcomesPassAChiSquareTest() {
    double[] p = {0.2, 0.3, 0.5};
    Multinomial<TInt32> m = Multinomial.builder(scope).totalCount(4).probs(new float[] {0.2f, 0.3f, 0.5f})
        .dtype(TInt32.class).build();
    assertEquals(TInt32.class, m.value().type());
    TensorValue draws = ctx.eval(m.sample(N));
    assertArrayEquals(new long[] {N, 3}, draws.shape());
    Map<String, Integer> observed = new HashMap<>();
    for (int r = 0; r < N; r++) {
      String key = (int) draws.data()[3 * r] + "," + (int) draws.data()[3 * r + 1] + "," + (int) draws.data()[3 * r + 2];
      observed.merge(key, 1, Integer::sum);
    }
    Map<String, Double> probabilities = new LinkedHashMap<>();
    for (int a = 0; a <= 4; a++) {
      for (int b = 0; a + b <= 4; b++) {
        probabilities.put(a + "," + b + "," + (4 - a - b), Math.exp(logMass(new int[] {a, b, 4 - a - b}, p)));
      }
    }
    MultivariateChecks.assertChiSquare("Multinomial(4, [0.2, 0.3, 0.5])", observed, probabilities, N, 1e-6);
  }

  @Test
  void largeCountsHaveBinomialMarginals() {
    Multinomial<TFloat32> m = Multinomial.of(scope, 1000, new float[] {0.1f, 0.6f, 0.3f});
    float[] x = eval(m.sample(N));
    double[] p = {0.1, 0.6, 0.3};
    for (int k = 0; k < 3; k++) {
      BinomialDistribution ref = new BinomialDistribution(1000, p[k]);
      assertMeanWithin("class " + k, MultivariateChecks.column(x, 3, k), ref.getNumericalMean(),
          Math.sqrt(ref.getNumericalVariance()), 5);
    }
    // Multinomial covariance is -n p_i p_j.
    MultivariateChecks.assertCovariance("Multinomial(1000)", x, 3, 0, 1, -1000 * 0.1 * 0.6, 6);
  }

  @Test
  void totalCountBroadcastsAgainstTheBatch() {
    Multinomial<TFloat32> m = Multinomial.of(scope, vector(0f, 3f), constant(new long[] {1, 2}, 0.25f, 0.75f));
    assertArrayEquals(new long[] {2}, m.batchShape().asArray());
    TensorValue draws = ctx.eval(m.sample(200));
    assertArrayEquals(new long[] {200, 2, 2}, draws.shape());
    for (int r = 0; r < 200; r++) {
      assertEquals(0f, draws.get(r, 0, 0) + draws.get(r, 0, 1), "n = 0 draws nothing");
      assertEquals(3f, draws.get(r, 1, 0) + draws.get(r, 1, 1), "n = 3 draws three");
    }
    assertArrayEquals(new float[] {0f, 0f, 0.75f, 2.25f}, eval(m.mean()), 1e-6f);
    assertArrayEquals(new float[] {0f, 0f, 0.5625f, 0.5625f}, eval(m.variance()), 1e-6f);
  }

  @Test
  void logProbGradientWithRespectToLogits() {
    Placeholder<TFloat32> logits = placeholder(3);
    Multinomial<TFloat32> m = Multinomial.builder(scope).totalCount(5).logits(logits).build();
    GradientCheck.assertGradient(ctx, logits, m.logProb(constant(new long[] {2, 3}, 1f, 2f, 2f, 0f, 0f, 5f)),
        new float[] {0.3f, -0.2f, 1f}, 1e-2, 1e-2);
  }

  @Test
  void badInputIsRejectedBeforeAnyOp() {
    assertMessage(() -> Multinomial.of(scope, -1, new float[] {0.5f, 0.5f}), "`totalCount` must be a whole number >= 0, got -1.0");
    assertMessage(() -> Multinomial.of(scope, 2.5, new float[] {0.5f, 0.5f}), "`totalCount` must be a whole number >= 0, got 2.5");
    assertMessage(() -> Multinomial.of(scope, vector(3f, -2f), vector(0.5f, 0.5f)),
        "`totalCount` must be a whole number >= 0, got -2.0 at flat index 1");
    assertMessage(() -> Multinomial.of(scope, 3, new float[] {0.5f, 0.4f}), "`probs` must sum to 1 over the last axis, got 0.9");
    assertMessage(() -> Multinomial.of(scope, scalar(3), constant(new long[] {2, 2}, 0.5f, 0.5f, 0.2f, 0.2f)),
        "`probs` must sum to 1 over the last axis, got 0.4 in row 1");
    assertMessage(() -> Multinomial.of(scope, 3, new float[] {1.5f, -0.5f}), "`probs` must be in [0, 1], got 1.5");
    assertMessage(() -> Multinomial.builder(scope).totalCount(3).build(),
        "exactly one of `probs` and `logits` must be given for Multinomial, got neither");
    assertMessage(() -> Multinomial.builder(scope).probs(new float[] {1f}).build(), "`totalCount` must be given for Multinomial");
  }
}
