package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Log densities and masses against commons-math and formulas written here, including broadcasting
 * of {@code x} against the batch shape, event sums, integer {@code x} and points outside the
 * support.
 *
 * <p>Tolerance: float32 evaluation of a log density of magnitude {@code v} is good to a few ulps,
 * about {@code 1e-6 max(1, |v|)}; lgamma and digamma in float32 to about {@code 1e-5}. The checks
 * allow {@code 2e-5 max(1, |v|)}.
 */
class LogProbTest extends GraphTestBase {

  static final double[] QUANTILES = {0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999};

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void continuousLogProbMatchesTheReferenceDensity(Families.Continuous f) {
    AbstractRealDistribution ref = f.ref();
    float[] x = new float[QUANTILES.length];
    double[] expected = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) ref.inverseCumulativeProbability(QUANTILES[i]);
      expected[i] = ref.logDensity(x[i]);
    }
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    assertClose(f.label(), expected, eval(rv.logProb(vector(x))));
    float[] prob = eval(rv.prob(vector(x)));
    for (int i = 0; i < x.length; i++) {
      assertEquals(Math.exp(expected[i]), prob[i], 2e-5 * Math.max(1, Math.exp(expected[i])), "prob at " + x[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#discrete")
  void discreteLogProbMatchesTheReferenceMass(Families.Discrete f) {
    AbstractIntegerDistribution ref = f.ref();
    // Bernoulli x outside {0, 1} gets the cross-entropy formula, as in TensorFlow, not -inf.
    int[] ks = java.util.stream.IntStream.of(0, 1, 2, 3, 7).filter(k -> k <= ref.getSupportUpperBound()).toArray();
    double[] expected = new double[ks.length];
    for (int i = 0; i < ks.length; i++) {
      expected[i] = ref.logProbability(ks[i]);
    }
    AbstractRandomVariable<?> rv = f.build().apply(scope, constants(f.params()));
    // Integer x is cast to float32 inside logProb.
    float[] got = eval(rv.logProb(tf.constant(ks)));
    assertClose(f.label(), expected, got);
  }

  @Test
  void xBroadcastsAgainstTheBatchShape() {
    float[] loc = {0f, 1f, -2f};
    float[] scale = {1f, 0.5f, 3f};
    Normal n = Normal.of(scope, vector(loc), vector(scale));
    // x of shape [2, 3]: each row against the batch [3].
    float[] x = {0.3f, 0.3f, 0.3f, -1f, 2f, 4f};
    TensorValue lp = ctx.eval(n.logProb(constant(new long[] {2, 3}, x)));
    assertArrayEquals(new long[] {2, 3}, lp.shape());
    double[] expected = new double[6];
    for (int i = 0; i < 6; i++) {
      expected[i] = new NormalDistribution(loc[i % 3], scale[i % 3]).logDensity(x[i]);
    }
    assertClose("[2, 3] against [3]", expected, lp.data());
    // A scalar x against the batch [3] gives [3].
    TensorValue scalarX = ctx.eval(n.logProb(scalar(0.3)));
    assertArrayEquals(new long[] {3}, scalarX.shape());
    assertClose("scalar against [3]", new double[] {expected[0], expected[1], expected[2]}, scalarX.data());
  }

  @Test
  void multivariateNormalDiagSumsOverTheEvent() {
    float[] loc = {0f, 1f, -1f};
    float[] s = {1f, 2f, 0.5f};
    MultivariateNormalDiag w = MultivariateNormalDiag.of(scope, loc, s);
    float[] x = {0.5f, 0.5f, 0.5f, -1f, 3f, -1.2f};
    TensorValue lp = ctx.eval(w.logProb(constant(new long[] {2, 3}, x)));
    assertArrayEquals(new long[] {2}, lp.shape());
    double[] expected = new double[2];
    for (int r = 0; r < 2; r++) {
      for (int j = 0; j < 3; j++) {
        expected[r] += new NormalDistribution(loc[j], s[j]).logDensity(x[r * 3 + j]);
      }
    }
    assertClose("event sum", expected, lp.data());
  }

  @Test
  void multivariateNormalDiagWithABatchSumsOnlyTheLastAxis() {
    // Batch [2] from loc [2, 2]; scaleDiag [2] broadcasts.
    MultivariateNormalDiag w = MultivariateNormalDiag.of(scope, constant(new long[] {2, 2}, 0f, 0f, 5f, 5f), vector(1f, 2f));
    assertArrayEquals(new long[] {2}, w.batchShape().asArray());
    assertArrayEquals(new long[] {2}, w.eventShape().asArray());
    TensorValue lp = ctx.eval(w.logProb(vector(1f, 1f)));
    assertArrayEquals(new long[] {2}, lp.shape());
    NormalDistribution a = new NormalDistribution(0, 1);
    NormalDistribution b = new NormalDistribution(0, 2);
    double row0 = a.logDensity(1) + b.logDensity(1);
    double row1 = a.logDensity(1 - 5) + b.logDensity(1 - 5);
    assertClose("batched event sums", new double[] {row0, row1}, lp.data());
  }

  @Test
  void outsideTheSupportIsMinusInfinity() {
    assertEquals(Float.NEGATIVE_INFINITY, eval(Uniform.of(scope, 0, 1).logProb(scalar(1.5)))[0]);
    assertEquals(Float.NEGATIVE_INFINITY, eval(Uniform.of(scope, 0, 1).logProb(scalar(1.0)))[0], "high is excluded");
    assertEquals(Float.NEGATIVE_INFINITY, eval(Exponential.of(scope, 1).logProb(scalar(-0.1)))[0]);
    assertEquals(Float.NEGATIVE_INFINITY, eval(Gamma.of(scope, 2, 1).logProb(scalar(-0.1)))[0]);
    assertEquals(Float.NEGATIVE_INFINITY, eval(Beta.of(scope, 2, 2).logProb(scalar(1.1)))[0]);
    assertEquals(Float.NEGATIVE_INFINITY, eval(Poisson.of(scope, 2).logProb(scalar(-1)))[0]);
    Categorical<TInt32> c = Categorical.ofProbs(scope, new float[] {0.5f, 0.5f});
    assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
        eval(c.logProb(tf.constant(new int[] {-1, 2}))));
  }

  @Test
  void bernoulliFromProbsIsFiniteAtCertainOutcomes() {
    Bernoulli<TInt32> certain = Bernoulli.ofProbs(scope, vector(0f, 1f));
    // log P(0 | p=0) = 0, log P(1 | p=1) = 0; the impossible outcomes are -inf.
    assertArrayEquals(new float[] {0f, 0f}, eval(certain.logProb(tf.constant(new int[] {0, 1}))));
    assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
        eval(certain.logProb(tf.constant(new int[] {1, 0}))));
  }

  @Test
  void categoricalLogProbPicksTheNormalizedLogProbability() {
    Categorical<TInt32> fromLogits = Categorical.ofLogits(scope, constant(new long[] {2, 3}, 1f, 2f, 3f, 0f, 0f, 0f));
    double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    // x [2] against batch [2]: row 0 takes category 2, row 1 category 0.
    assertClose("logits", new double[] {3 - Math.log(z), Math.log(1.0 / 3)},
        eval(fromLogits.logProb(tf.constant(new int[] {2, 0}))));
    Categorical<TInt32> fromProbs = Categorical.ofProbs(scope, new float[] {0.2f, 0f, 0.6f});
    assertClose("probs", new double[] {Math.log(0.25), Double.NEGATIVE_INFINITY, Math.log(0.75)},
        eval(fromProbs.logProb(tf.constant(new int[] {0, 1, 2}))));
  }

  @Test
  void poissonLogProbOfFloatCounts() {
    Poisson<TFloat32> p = Poisson.of(scope, vector(0.5f, 4f));
    PoissonDistribution a = new PoissonDistribution(0.5);
    PoissonDistribution b = new PoissonDistribution(4);
    assertClose("rates [0.5, 4]", new double[] {a.logProbability(0), b.logProbability(6)},
        eval(p.logProb(vector(0f, 6f))));
  }

  @Test
  void pointMassIsZeroOnlyAtItsParams() {
    PointMass p = PointMass.of(scope, new float[] {1f, 2f});
    TensorValue lp = ctx.eval(p.logProb(constant(new long[] {3, 2}, 1f, 2f, 1f, 2.5f, 0f, 0f)));
    assertArrayEquals(new long[] {3}, lp.shape());
    assertArrayEquals(new float[] {0f, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, lp.data());
  }

  @Test
  void empiricalLogProbIsTheLogFractionOfEqualSamples() {
    Empirical e = Empirical.of(scope, new float[] {0.1f, 0.4f, 0.4f, 0.9f});
    assertClose("scalar samples", new double[] {Math.log(0.5), Math.log(0.25), Double.NEGATIVE_INFINITY},
        eval(e.logProb(vector(0.4f, 0.9f, 0.5f))));
    Empirical rows = Empirical.of(scope, constant(new long[] {3, 2}, 1f, 2f, 1f, 3f, 1f, 2f));
    assertClose("vector samples", new double[] {Math.log(2.0 / 3), Math.log(1.0 / 3), Double.NEGATIVE_INFINITY},
        eval(rows.logProb(constant(new long[] {3, 2}, 1f, 2f, 1f, 3f, 2f, 2f))));
  }

  static void assertClose(String what, double[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + ": size");
    for (int i = 0; i < expected.length; i++) {
      if (Double.isInfinite(expected[i])) {
        assertEquals((float) expected[i], actual[i], what + " at " + i);
      } else {
        assertEquals(expected[i], actual[i], 2e-5 * Math.max(1, Math.abs(expected[i])), what + " at " + i);
      }
    }
  }
}
