package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Edge cases of the catalogue's families: values outside the support (-inf, never NaN),
 * parameters at the edge of their domain, batch broadcasting, undefined moments (NaN) and infinite
 * ones, integer arguments, and the deterministic family's tolerances. Tolerances as in {@link
 * LogProbTest} unless stated.
 */
class CatalogueEdgeCasesTest extends GraphTestBase {

  @Test
  void valuesOutsideTheSupportAreMinusInfinityNotNan() {
    Map<String, Operand<TFloat32>> cases = new java.util.LinkedHashMap<>();
    cases.put("HalfCauchy below loc", HalfCauchy.of(scope, 1, 2).logProb(vector(0.5f, -3f)));
    cases.put("HalfNormal below 0", HalfNormal.of(scope, 1).logProb(vector(-0.1f, -100f)));
    cases.put("Chi2 below 0", Chi2.of(scope, 3).logProb(vector(-0.1f, -5f)));
    cases.put("Chi2(1.2) below 0", Chi2.of(scope, 1.2).logProb(vector(-1e-3f, -1f)));
    cases.put("LogNormal at and below 0", LogNormal.of(scope, 0, 1).logProb(vector(0f, -2f)));
    cases.put("Kumaraswamy outside [0, 1]", Kumaraswamy.of(scope, 0.5, 0.5).logProb(vector(-0.1f, 1.1f)));
    cases.put("VonMises outside [-pi, pi]", VonMises.of(scope, 0, 2).logProb(vector(3.2f, -3.2f)));
    cases.put("InverseGamma at and below 0", InverseGamma.of(scope, 2, 1).logProb(vector(0f, -1f)));
    cases.put("Deterministic away from loc", Deterministic.of(scope, 1).logProb(vector(1.5f, 0f)));
    cases.forEach((what, lp) -> assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, eval(lp), what));
  }

  @Test
  void gradientsStayFiniteOutsideTheSupport() {
    var scale = placeholder();
    Operand<TFloat32> lp = HalfNormal.of(scope, scale).logProb(vector(-1f, 1f));
    Operand<TFloat32> g = tf.gradients(tf.reduceSum(lp, tf.constant(0)), java.util.List.of(scale)).dy(0);
    // Only x = 1 contributes: d/ds (-log s - x^2 / (2 s^2)) = -1/s + x^2 / s^3 = 0 at s = 1.
    assertEquals(0f, evalAll(Map.of(scale, new float[] {1f}), java.util.List.of(g)).get(0).scalar(), 1e-6f);
  }

  @Test
  void parametersAtTheEdgesOfTheirDomains() {
    // A huge df is a normal: log t_v(x) - log N(x) = O(1 / v).
    float[] x = {-2f, 0f, 1.5f};
    float[] t = eval(StudentT.of(scope, 1e6, 0, 1).logProb(vector(x)));
    for (int i = 0; i < x.length; i++) {
      assertEquals(new NormalDistribution(0, 1).logDensity(x[i]), t[i], 1e-4, "df = 1e6 at " + x[i]);
    }
    // Kumaraswamy(1, 1) is uniform on [0, 1], including the endpoints.
    assertArrayEquals(new float[] {0f, 0f, 0f}, eval(Kumaraswamy.of(scope, 1, 1).logProb(vector(0f, 0.4f, 1f))), 1e-6f);
    // Chi2(2) is Exponential(1/2).
    float[] chi = eval(Chi2.of(scope, 2).logProb(vector(0f, 1f, 7f)));
    assertArrayEquals(new float[] {(float) Math.log(0.5), (float) (Math.log(0.5) - 0.5), (float) (Math.log(0.5) - 3.5)}, chi, 1e-6f);
    // A nearly flat von Mises: density 1 / (2 pi), and uniform draws on [-pi, pi).
    VonMises flat = VonMises.of(scope, 1, 1e-4);
    assertEquals(-Math.log(2 * Math.PI), eval(flat.logProb(scalar(-2)))[0], 2e-4);
    float[] draws = eval(flat.sample(20_000));
    assertMatchesCdf("VonMises(1, 1e-4)", draws, v -> Math.min(1, Math.max(0, (v + Math.PI) / (2 * Math.PI))), 1e-6);
  }

  @Test
  void vonMisesDrawsAreWrappedIntoMinusPiToPi() {
    float[] draws = eval(VonMises.of(scope, 3.0, 2.0).sample(20_000));
    int wrapped = 0;
    for (float d : draws) {
      assertTrue(d >= -Math.PI && d <= Math.PI, "draw " + d);
      wrapped += d < 0 ? 1 : 0;
    }
    // loc = 3 sits 0.14 below pi: a sizable share of the mass lies past pi and wraps to negative angles.
    assertTrue(wrapped > 4_000, "wrapped draws: " + wrapped);
    assertMatchesCdf("VonMises(3, 2)", draws, ReferenceDistributions.vonMises(3, 2)::cumulativeProbability, 1e-6);
  }

  @Test
  void batchShapesBroadcastAcrossParameters() {
    StudentT t = StudentT.of(scope, vector(2f, 5f, 30f), scalar(1), constant(new long[] {2, 1}, 0.5f, 2f));
    assertArrayEquals(new long[] {2, 3}, t.batchShape().asArray());
    TensorValue draws = ctx.eval(t.sample(4));
    assertArrayEquals(new long[] {4, 2, 3}, draws.shape());
    TensorValue lp = ctx.eval(t.logProb(scalar(0.3)));
    assertArrayEquals(new long[] {2, 3}, lp.shape());
    float[] df = {2f, 5f, 30f};
    float[] scale = {0.5f, 2f};
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 3; c++) {
        double expected = new TDistribution(df[c]).logDensity((0.3 - 1) / scale[r]) - Math.log(scale[r]);
        assertEquals(expected, lp.data()[r * 3 + c], 2e-5 * Math.max(1, Math.abs(expected)), "row " + r + ", df " + df[c]);
      }
    }
    assertArrayEquals(new long[] {2, 3}, ctx.eval(t.entropy()).shape());
    assertArrayEquals(new long[] {2, 3}, ctx.eval(t.mode()).shape());
    assertArrayEquals(new long[] {2, 3}, ctx.eval(t.cdf(scalar(0))).shape());
  }

  @Test
  void undefinedMomentsAreNanAndDivergentOnesInfinite() {
    StudentT t = StudentT.of(scope, vector(0.8f, 1.5f, 3f), scalar(2), scalar(0.5));
    float[] mean = eval(t.mean());
    assertTrue(Float.isNaN(mean[0]), "df <= 1: no mean");
    assertArrayEquals(new float[] {2f, 2f}, new float[] {mean[1], mean[2]});
    float[] var = eval(t.variance());
    assertTrue(Float.isNaN(var[0]), "df <= 1: no variance");
    assertEquals(Float.POSITIVE_INFINITY, var[1], "1 < df <= 2: infinite variance");
    assertEquals(0.25 * 3, var[2], 1e-6);
    InverseGamma ig = InverseGamma.of(scope, vector(0.8f, 1.5f, 3f), scalar(2));
    float[] igMean = eval(ig.mean());
    assertTrue(Float.isNaN(igMean[0]));
    assertArrayEquals(new float[] {4f, 1f}, new float[] {igMean[1], igMean[2]}, 1e-6f);
    float[] igVar = eval(ig.variance());
    assertTrue(Float.isNaN(igVar[0]) && Float.isNaN(igVar[1]), "a <= 2: no variance");
    assertEquals(4.0 / (4 * 1), igVar[2], 1e-6);
    assertTrue(Float.isNaN(eval(Cauchy.of(scope, 0, 1).mean())[0]));
    assertTrue(Float.isNaN(eval(HalfCauchy.of(scope, 0, 1).stddev())[0]));
  }

  @Test
  void integerArgumentsAreCast() {
    float[] got = eval(Chi2.of(scope, 3).logProb(tf.constant(new int[] {1, 2, 5})));
    ChiSquaredDistribution ref = new ChiSquaredDistribution(3);
    LogProbTest.assertClose("int32 x", new double[] {ref.logDensity(1), ref.logDensity(2), ref.logDensity(5)}, got);
    float[] cdf = eval(Chi2.of(scope, 3).cdf(tf.constant(new long[] {1L, 4L})));
    assertArrayEquals(new float[] {(float) ref.cumulativeProbability(1), (float) ref.cumulativeProbability(4)}, cdf, 1e-5f);
  }

  @Test
  void deterministicHonoursItsTolerances() {
    Deterministic exact = Deterministic.of(scope, vector(1f, -2f));
    assertArrayEquals(new float[] {0f, 0f}, eval(exact.logProb(vector(1f, -2f))));
    assertArrayEquals(new float[] {1f, 1f}, eval(exact.prob(vector(1f, -2f))));
    Deterministic tolerant = Deterministic.builder(scope).loc(vector(1f, -2f)).atol(0.1).rtol(0.5).build();
    // Tolerances 0.1 + 0.5 |loc|: 0.6 and 1.1.
    assertArrayEquals(new float[] {0f, 0f}, eval(tolerant.logProb(vector(1.55f, -3.05f))));
    assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, eval(tolerant.logProb(vector(1.65f, -3.15f))));
    // x of shape [3, 1] against loc [1, -2]: x = 0.9 is below 1 and above -2.
    assertArrayEquals(new float[] {0f, 1f, 1f, 1f, 1f, 1f}, eval(exact.cdf(constant(new long[] {3, 1}, 0.9f, 1f, 5f))));
    assertArrayEquals(new float[] {1f, -2f, 1f, -2f, 1f, -2f}, eval(exact.sample(3)));
    assertArrayEquals(new float[] {0f, 0f}, eval(exact.variance()));
    assertArrayEquals(new float[] {0f, 0f}, eval(exact.entropy()));
    assertArrayEquals(new float[] {1f, -2f}, eval(exact.mode()));
    Deterministic copy = (Deterministic) tolerant.withParameters(tolerant.parameters());
    assertArrayEquals(new float[] {0f, 0f}, eval(copy.logProb(vector(1.55f, -3.05f))), "tolerances survive a copy");
  }

  /** Multi-seed samplers (gamma plus normal, three uniforms per candidate) resume exactly from a saved step. */
  @Test
  void drawsResumeFromTheRandomStep() {
    for (java.util.function.Function<org.edward4j.core.VariableScope, AbstractRandomVariable<?>> make
        : java.util.List.<java.util.function.Function<org.edward4j.core.VariableScope, AbstractRandomVariable<?>>>of(
            s -> StudentT.builder(s).df(3).loc(0).scale(1).sampleShape(5).build(),
            s -> VonMises.builder(s).loc(0.5).concentration(2).sampleShape(5).build(),
            s -> InverseGamma.builder(s).concentration(2).rate(1).sampleShape(5).build())) {
      float[][] draws = new float[3][];
      try (org.edward4j.core.ModelContext c = org.edward4j.core.ModelContext.withSeed(21)) {
        AbstractRandomVariable<?> rv = make.apply(c.scope("m"));
        for (int i = 0; i < draws.length; i++) {
          draws[i] = c.eval(rv).data();
        }
      }
      try (org.edward4j.core.ModelContext c = org.edward4j.core.ModelContext.withSeed(21)) {
        AbstractRandomVariable<?> rv = make.apply(c.scope("m"));
        c.setRandomStep(2);
        assertArrayEquals(draws[2], c.eval(rv).data(), rv.distributionName() + " after restoring the step");
      }
      assertTrue(!java.util.Arrays.equals(draws[0], draws[1]), "draws anew at each run");
    }
  }

  @Test
  void observedValuesReplaceTheDraw() {
    Cauchy c = Cauchy.builder(scope).loc(0).scale(1).value(vector(3f, 4f)).sampleShape(2).build();
    assertTrue(c.isObserved());
    assertArrayEquals(new float[] {3f, 4f}, eval(c));
  }
}
