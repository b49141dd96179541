package org.edward4j.models;

import static org.edward4j.models.BadInputTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GeometricDistribution;
import org.apache.commons.math3.distribution.PascalDistribution;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Binomial, NegativeBinomial and Geometric beyond the shared harness: Pearson chi-square on
 * 100,000 draws against commons-math (asymptotic false-failure rate 1e-6 per test), cdfs against
 * commons-math at relative 2e-5 (betainc in float32), boundary parameters, points outside the
 * support, integer dtypes, batch broadcasting and bad input.
 */
class CountFamiliesTest extends GraphTestBase {

  static final int N = 100_000;

  static void assertChiSquare(String what, float[] draws, AbstractIntegerDistribution ref) {
    Map<String, Integer> observed = new HashMap<>();
    for (float d : draws) {
      observed.merge(Integer.toString((int) d), 1, Integer::sum);
    }
    Map<String, Double> p = new TreeMap<>();
    int upper = (int) Math.min(ref.getSupportUpperBound(), 400);
    for (int k = 0; k <= upper; k++) {
      p.put(Integer.toString(k), ref.probability(k));
    }
    MultivariateChecks.assertChiSquare(what, observed, p, draws.length, 1e-6);
  }

  @Test
  void drawsPassChiSquareTests() {
    assertChiSquare("Binomial(20, 0.35)", eval(Binomial.of(scope, 20, 0.35).sample(N)), new BinomialDistribution(20, 0.35));
    assertChiSquare("Binomial(200, 0.9)", eval(Binomial.of(scope, 200, 0.9).sample(N)), new BinomialDistribution(200, 0.9));
    assertChiSquare("NegativeBinomial(4, 0.7)", eval(NegativeBinomial.of(scope, 4, 0.7).sample(N)), new PascalDistribution(4, 0.3));
    assertChiSquare("Geometric(0.15)", eval(Geometric.ofProbs(scope, 0.15).sample(N)), new GeometricDistribution(0.15));
  }

  @Test
  void cdfsMatchCommonsMath() {
    float[] ks = {-1f, 0f, 1f, 2.5f, 4f, 7f, 12f};
    Map<AbstractRandomVariable<?>, AbstractIntegerDistribution> cases = Map.of(
        Binomial.of(scope, 7, 0.4), new BinomialDistribution(7, 0.4),
        NegativeBinomial.of(scope, 3, 0.6), new PascalDistribution(3, 0.4),
        Geometric.ofProbs(scope, 0.2), new GeometricDistribution(0.2));
    cases.forEach((rv, ref) -> {
      float[] cdf = eval(rv.cdf(vector(ks)));
      for (int i = 0; i < ks.length; i++) {
        double expected = ks[i] < 0 ? 0 : ref.cumulativeProbability((int) Math.floor(ks[i]));
        assertEquals(expected, cdf[i], 2e-5 * Math.max(1e-2, expected) + 1e-6, rv.distributionName() + " cdf at " + ks[i]);
      }
    });
  }

  @Test
  void outsideTheSupportIsMinusInfinity() {
    Binomial<TFloat32> b = Binomial.of(scope, 3, 0.5);
    assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
        eval(b.logProb(vector(-1f, 4f))));
    assertEquals(Float.NEGATIVE_INFINITY, eval(NegativeBinomial.of(scope, 2, 0.5).logProb(scalar(-1)))[0]);
    assertEquals(Float.NEGATIVE_INFINITY, eval(Geometric.ofProbs(scope, 0.5).logProb(scalar(-2)))[0]);
  }

  @Test
  void boundaryParametersAreFiniteWhereTheyShouldBe() {
    // p = 0 and p = 1: certain outcomes have log mass 0, impossible ones -inf, never NaN.
    Binomial<TFloat32> certain = Binomial.of(scope, vector(4f, 4f), vector(0f, 1f));
    assertArrayEquals(new float[] {0f, 0f}, eval(certain.logProb(vector(0f, 4f))));
    assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, eval(certain.logProb(vector(1f, 3f))));
    float[] draws = eval(certain.sample(50));
    for (int i = 0; i < 50; i++) {
      assertEquals(0f, draws[2 * i]);
      assertEquals(4f, draws[2 * i + 1]);
    }
    // n = 0 draws nothing; its mass at 0 is 1.
    Binomial<TFloat32> none = Binomial.of(scope, 0, 0.5);
    assertEquals(0f, eval(none.logProb(scalar(0)))[0]);
    assertArrayEquals(new float[] {0f, 0f, 0f}, eval(none.sample(3)));
    // A geometric with p = 1 succeeds at once.
    Geometric<TFloat32> sure = Geometric.ofProbs(scope, 1.0);
    assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, eval(sure.sample(4)));
    assertEquals(0f, eval(sure.logProb(scalar(0)))[0]);
    assertEquals(0f, eval(sure.entropy())[0], 1e-7f);
  }

  @Test
  void modesMatchTheLargestMass() {
    assertEquals(2f, eval(Binomial.of(scope, 7, 0.35).mode())[0]);
    assertEquals(7f, eval(Binomial.of(scope, 7, 1.0).mode())[0], "p = 1 puts everything on n");
    // NegativeBinomial(3, 0.55): floor((r - 1) p / (1 - p)) = floor(2.44) = 2, the largest mass of
    // commons-math's Pascal(3, 0.45) (a whole (r - 1) p / (1 - p) would tie two modes).
    PascalDistribution pascal = new PascalDistribution(3, 0.45);
    int argmax = 0;
    for (int k = 1; k < 50; k++) {
      if (pascal.probability(k) > pascal.probability(argmax)) {
        argmax = k;
      }
    }
    assertEquals(argmax, eval(NegativeBinomial.of(scope, 3.0, 0.55).mode())[0], 1e-6);
    assertEquals(0f, eval(Geometric.ofProbs(scope, 0.4).mode())[0]);
  }

  @Test
  void integerDtypesAndBatchBroadcasting() {
    Binomial<TInt32> b = Binomial.builder(scope).totalCount(vector(1f, 10f, 100f)).probs(0.5).dtype(TInt32.class).build();
    assertEquals(TInt32.class, b.value().type());
    assertArrayEquals(new long[] {3}, b.batchShape().asArray());
    TensorValue draws = ctx.eval(b.sample(1000));
    assertArrayEquals(new long[] {1000, 3}, draws.shape());
    for (int i = 0; i < 1000; i++) {
      assertEquals(true, draws.get(i, 0) <= 1 && draws.get(i, 1) <= 10 && draws.get(i, 2) <= 100, "draw within n");
    }
    assertArrayEquals(new float[] {0.5f, 5f, 50f}, eval(b.mean()));
    Operand<TInt32> ints = tf.constant(new int[] {1, 5, 50});
    float[] lp = eval(b.logProb(ints));
    assertEquals(new BinomialDistribution(100, 0.5).logProbability(50), lp[2], 2e-5 * Math.abs(lp[2]));
    Geometric<TInt32> g = Geometric.builder(scope).probs(0.5).dtype(TInt32.class).sampleShape(4).build();
    assertEquals(TInt32.class, g.value().type());
    NegativeBinomial<TInt32> nb = NegativeBinomial.builder(scope).totalCount(2).probs(0.5).dtype(TInt32.class).build();
    assertEquals(TInt32.class, nb.value().type());
  }

  @Test
  void badInputIsRejectedBeforeAnyOp() {
    assertMessage(() -> Binomial.of(scope, -1, 0.5), "`totalCount` must be a whole number >= 0, got -1.0");
    assertMessage(() -> Binomial.of(scope, 2.5, 0.5), "`totalCount` must be a whole number >= 0, got 2.5");
    assertMessage(() -> Binomial.of(scope, vector(2f, -3f), scalar(0.5)), "`totalCount` must be a whole number >= 0, got -3.0 at flat index 1");
    assertMessage(() -> Binomial.of(scope, 3, 1.5), "`probs` must be in [0, 1], got 1.5");
    assertMessage(() -> Binomial.builder(scope).totalCount(3).build(),
        "exactly one of `probs` and `logits` must be given for Binomial, got neither");
    assertMessage(() -> NegativeBinomial.of(scope, 0, 0.5), "`totalCount` must be positive and finite, got 0.0");
    assertMessage(() -> NegativeBinomial.of(scope, 2, 1.0), "`probs` must be in [0, 1) (1 never stops), got 1.0");
    assertMessage(() -> Geometric.ofProbs(scope, 0.0), "`probs` must be in (0, 1] (0 never succeeds), got 0.0");
    assertMessage(() -> Geometric.ofProbs(scope, Double.NaN), "`probs` must be in [0, 1], got NaN");
    assertMessage(() -> Geometric.builder(scope).dtype(org.tensorflow.types.TFloat64.class),
        "`dtype` must be one of [int32, int64, float32], got float64");
  }
}
