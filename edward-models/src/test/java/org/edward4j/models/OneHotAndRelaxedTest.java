package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.edward4j.models.BadInputTest.assertMessage;
import static org.edward4j.models.LogProbTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.TensorValue;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * OneHotCategorical, RelaxedBernoulli and RelaxedOneHotCategorical against checks written here:
 * one-hot masses, chi-square on 100,000 draws (asymptotic false-failure rate 1e-6), the relaxed
 * Bernoulli's exact cdf {@code sigmoid(t logit(y) - l)} by KS/DKW at alpha 1e-6, the Concrete
 * density against the relaxed Bernoulli's (K = 2) and against normalization on the 2-simplex (K =
 * 3, midpoint rule), argmax of Concrete draws against the categorical, gradients of log densities
 * and draws against finite differences, bad input.
 */
class OneHotAndRelaxedTest extends GraphTestBase {

  static final int N = 100_000;

  @Test
  void oneHotLogProbMomentsAndKl() {
    OneHotCategorical<TInt32> z = OneHotCategorical.ofProbs(scope, new float[] {0.2f, 0f, 0.8f});
    assertArrayEquals(new long[] {3}, z.eventShape().asArray());
    Operand<TFloat32> x = constant(new long[] {4, 3}, 1f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f, 0.5f, 0f, 0.5f);
    assertClose("one-hot masses", new double[] {Math.log(0.2), Double.NEGATIVE_INFINITY, Math.log(0.8), Double.NEGATIVE_INFINITY},
        eval(z.logProb(x)));
    assertArrayEquals(new float[] {0.2f, 0f, 0.8f}, eval(z.mean()), 1e-7f);
    assertArrayEquals(new float[] {0.16f, 0f, 0.16f}, eval(z.variance()), 1e-6f);
    assertArrayEquals(new float[] {0f, 0f, 1f}, eval(z.mode()));
    assertEquals(-0.2 * Math.log(0.2) - 0.8 * Math.log(0.8), eval(z.entropy())[0], 1e-6);
    OneHotCategorical<TInt32> q = OneHotCategorical.ofLogits(scope, vector(0f, 0f, (float) Math.log(2)));
    double exact = 0.2 * Math.log(0.2 / 0.25) + 0.8 * Math.log(0.8 / 0.5);
    assertEquals(exact, eval(z.klDivergence(q).orElseThrow())[0], 1e-6);
    assertEquals(Float.POSITIVE_INFINITY, eval(q.klDivergence(z).orElseThrow())[0]);
    assertMessage(() -> z.klDivergence(OneHotCategorical.ofProbs(scope, new float[] {0.5f, 0.5f})), "`other` must have 3 categories");
  }

  @Test
  void oneHotDrawsPassAChiSquareTestPerBatchRow() {
    OneHotCategorical<TInt32> z = OneHotCategorical.ofLogits(scope, constant(new long[] {2, 3}, 0f, 0f, 0f, 1f, 2f, 3f));
    TensorValue draws = ctx.eval(z.sample(N));
    assertArrayEquals(new long[] {N, 2, 3}, draws.shape());
    double s = Math.exp(1) + Math.exp(2) + Math.exp(3);
    double[][] p = {{1.0 / 3, 1.0 / 3, 1.0 / 3}, {Math.exp(1) / s, Math.exp(2) / s, Math.exp(3) / s}};
    for (int row = 0; row < 2; row++) {
      Map<String, Integer> observed = new HashMap<>();
      for (int i = 0; i < N; i++) {
        StringBuilder key = new StringBuilder();
        for (int k = 0; k < 3; k++) {
          key.append((int) draws.get(i, row, k));
        }
        observed.merge(key.toString(), 1, Integer::sum);
      }
      Map<String, Double> expected = new LinkedHashMap<>();
      expected.put("100", p[row][0]);
      expected.put("010", p[row][1]);
      expected.put("001", p[row][2]);
      MultivariateChecks.assertChiSquare("row " + row, observed, expected, N, 1e-6);
    }
  }

  @Test
  void relaxedBernoulliDrawsFollowTheExactCdf() {
    double t = 0.7;
    double l = Math.log(0.3 / 0.7);
    RelaxedBernoulli y = RelaxedBernoulli.ofProbs(scope, t, 0.3);
    float[] draws = eval(y.sample(N));
    assertMatchesCdf("RelaxedBernoulli(0.7, 0.3)", draws, v -> v <= 0 ? 0 : v >= 1 ? 1
        : 1 / (1 + Math.exp(-(t * Math.log(v / (1 - v)) - l))), 1e-6);
    float[] points = {0.05f, 0.3f, 0.5f, 0.9f};
    float[] cdf = eval(y.cdf(vector(points)));
    for (int i = 0; i < 4; i++) {
      double expected = 1 / (1 + Math.exp(-(t * Math.log(points[i] / (1 - points[i])) - l)));
      assertEquals(expected, cdf[i], 1e-6);
    }
  }

  /** The density by the change of variables from the logistic, in double precision. */
  static double relaxedBernoulliLogDensity(double t, double l, double y) {
    double x = Math.log(y / (1 - y));
    double z = t * x - l;
    double softplusMinusZ = Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    return Math.log(t) - z - 2 * softplusMinusZ - Math.log(y) - Math.log1p(-y);
  }

  @Test
  void relaxedBernoulliDensityAndSupport() {
    RelaxedBernoulli y = RelaxedBernoulli.ofLogits(scope, scalar(0.4), scalar(0.6));
    float[] points = {0.01f, 0.2f, 0.5f, 0.97f};
    double[] expected = new double[4];
    for (int i = 0; i < 4; i++) {
      expected[i] = relaxedBernoulliLogDensity(0.4, 0.6, points[i]);
    }
    assertClose("RelaxedBernoulli", expected, eval(y.logProb(vector(points))));
    assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
        eval(y.logProb(vector(0f, 1f, 1.5f))));
    // The reference density integrates to 1 over (0, 1): midpoint rule in the logit coordinate x
    // over [-30, 30] (the tails beyond hold about e^-11 of the mass), dy = y (1 - y) dx.
    double total = 0;
    for (int i = 0; i < 6000; i++) {
      double x = -30 + 60 * (i + 0.5) / 6000;
      double v = 1 / (1 + Math.exp(-x));
      total += Math.exp(relaxedBernoulliLogDensity(0.4, 0.6, v)) * v * (1 - v) * 60 / 6000;
    }
    assertEquals(1, total, 1e-4);
  }

  @Test
  void concreteDensityReducesToTheRelaxedBernoulliForTwoClasses() {
    RelaxedOneHotCategorical c = RelaxedOneHotCategorical.ofLogits(scope, 0.6, new float[] {0.9f, -0.3f});
    RelaxedBernoulli b = RelaxedBernoulli.ofLogits(scope, scalar(0.6), scalar(1.2f));
    float[] ys = {0.1f, 0.45f, 0.8f};
    float[] pairs = new float[6];
    for (int i = 0; i < 3; i++) {
      pairs[2 * i] = ys[i];
      pairs[2 * i + 1] = 1 - ys[i];
    }
    float[] concrete = eval(c.logProb(constant(new long[] {3, 2}, pairs)));
    float[] bernoulli = eval(b.logProb(vector(ys)));
    for (int i = 0; i < 3; i++) {
      assertEquals(bernoulli[i], concrete[i], 2e-5 * Math.max(1, Math.abs(bernoulli[i])), "y = " + ys[i]);
    }
  }

  @Test
  void concreteDensityIntegratesToOneOnTheSimplex() {
    int m = 300;
    float[] grid = new float[3 * m * m];
    int count = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m - i; j++) {
        // The lower triangle of cell (i, j), and the upper one where it lies inside the simplex.
        for (float offset : i + j < m - 1 ? new float[] {1f / 3, 2f / 3} : new float[] {1f / 3}) {
          float a = (i + offset) / m;
          float b = (j + offset) / m;
          grid[3 * count] = a;
          grid[3 * count + 1] = b;
          grid[3 * count + 2] = 1f - a - b;
          count++;
        }
      }
    }
    RelaxedOneHotCategorical c = RelaxedOneHotCategorical.ofLogits(scope, 1.5, new float[] {0.2f, -0.5f, 0.4f});
    float[] lp = eval(c.logProb(constant(new long[] {count, 3}, java.util.Arrays.copyOf(grid, 3 * count))));
    double total = 0;
    for (float v : lp) {
      total += Math.exp(v);
    }
    // The triangles of a grid of step 1/m, each of area 1 / (2 m^2), sampled at their centroids;
    // at t = 1.5 the density is smooth and bounded, so the rule is good to about 1e-2.
    total /= 2.0 * m * m;
    assertEquals(1, total, 2e-2);
  }

  @Test
  void concreteArgmaxIsCategoricalAndDrawsLieOnTheSimplex() {
    float[] logits = {0.2f, -0.5f, 1.1f};
    RelaxedOneHotCategorical c = RelaxedOneHotCategorical.ofLogits(scope, 0.8, logits);
    float[] draws = eval(c.sample(N));
    Map<String, Integer> observed = new HashMap<>();
    for (int i = 0; i < N; i++) {
      int arg = 0;
      for (int k = 1; k < 3; k++) {
        if (draws[3 * i + k] > draws[3 * i + arg]) {
          arg = k;
        }
      }
      observed.merge(Integer.toString(arg), 1, Integer::sum);
      assertEquals(1f, draws[3 * i] + draws[3 * i + 1] + draws[3 * i + 2], 1e-5f);
    }
    double s = Math.exp(0.2) + Math.exp(-0.5) + Math.exp(1.1);
    Map<String, Double> p = Map.of("0", Math.exp(0.2) / s, "1", Math.exp(-0.5) / s, "2", Math.exp(1.1) / s);
    MultivariateChecks.assertChiSquare("argmax of Concrete draws", observed, p, N, 1e-6);
  }

  @Test
  void gradientsOfDensitiesAndDraws() {
    Placeholder<TFloat32> logits = placeholder(3);
    GradientCheck.assertGradient(ctx, logits, RelaxedOneHotCategorical.ofLogits(scope, scalar(0.7), logits)
        .logProb(constant(new long[] {2, 3}, 0.2f, 0.3f, 0.5f, 0.6f, 0.3f, 0.1f)), new float[] {0.1f, -0.4f, 0.8f}, 1e-2, 1e-2);
    Placeholder<TFloat32> t = placeholder();
    GradientCheck.assertGradient(ctx, t, RelaxedBernoulli.ofLogits(scope, t, scalar(0.3)).logProb(vector(0.2f, 0.7f)),
        new float[] {0.8f}, 1e-3, 1e-2);
    Placeholder<TFloat32> ohLogits = placeholder(3);
    GradientCheck.assertGradient(ctx, ohLogits, OneHotCategorical.ofLogits(scope, ohLogits)
        .logProb(constant(new long[] {2, 3}, 0f, 1f, 0f, 0f, 0f, 1f)), new float[] {0.5f, -1f, 1.5f}, 1e-2, 1e-2);
    // Draws: y = sigmoid((l + L) / t), so d y / d l = y (1 - y) / t, checked draw by draw.
    int n = 2000;
    Placeholder<TFloat32> l = placeholder(n);
    RelaxedBernoulli y = RelaxedBernoulli.ofLogits(scope, scalar(0.5), l);
    assertTrue(y.isReparameterized());
    Operand<TFloat32> g = tf.gradients(tf.reduceSum(y, tf.constant(0)), List.of(l)).dy(0);
    List<TensorValue> r = evalAll(Map.of(l, filled(n, 0.3)), List.of(y.value(), g));
    for (int i = 0; i < n; i++) {
      double v = r.get(0).data()[i];
      assertEquals(v * (1 - v) / 0.5, r.get(1).data()[i], 1e-5, "d y / d logits at y = " + v);
    }
  }

  @Test
  void badInputIsRejectedBeforeAnyOp() {
    assertMessage(() -> RelaxedBernoulli.ofProbs(scope, 0, 0.5), "`temperature` must be positive and finite, got 0.0");
    assertMessage(() -> RelaxedBernoulli.ofProbs(scope, -1, 0.5), "`temperature` must be positive and finite, got -1.0");
    assertMessage(() -> RelaxedBernoulli.builder(scope).probs(0.5).build(), "`temperature` must be given for RelaxedBernoulli");
    assertMessage(() -> RelaxedOneHotCategorical.ofLogits(scope, Double.NaN, new float[] {0f, 1f}),
        "`temperature` must be positive and finite, got NaN");
    assertMessage(() -> RelaxedOneHotCategorical.builder(scope).temperature(1).probs(new float[] {0.5f, 0.6f}),
        "`probs` must sum to 1 over the last axis, got 1.1");
    assertMessage(() -> OneHotCategorical.ofProbs(scope, new float[] {0.5f, 0.4f}), "`probs` must sum to 1 over the last axis, got 0.9");
    assertMessage(() -> OneHotCategorical.ofProbs(scope, scalar(1)), "`probs` must have at least 1 axes (the event), got []");
    assertMessage(() -> OneHotCategorical.builder(scope).build(),
        "exactly one of `probs` and `logits` must be given for OneHotCategorical, got neither");
  }
}
