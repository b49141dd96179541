package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.edward4j.models.BadInputTest.assertMessage;
import static org.edward4j.models.LogProbTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.edward4j.core.TensorValue;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * ParamMixture (Edward's) and Mixture (TensorFlow's) against mixtures written here with
 * commons-math components: the value is the component its assignment picks, conditional and
 * marginal densities, KS/DKW at alpha 1e-6 on 100,000 draws against the mixture CDF, chi-square on
 * the assignments, moments, vector events, integer components, shapes, bad input.
 */
class MixtureTest extends GraphTestBase {

  static final int N = 100_000;
  static final float[] W = {0.3f, 0.7f};
  static final float[] MU = {-2f, 2f};
  static final float[] SIGMA = {1f, 0.5f};

  ParamMixture<TFloat32> normalMixture(long... sampleShape) {
    return ParamMixture.builder(scope).mixingWeights(W)
        .components(Normal::builder, Map.of("loc", vector(MU), "scale", vector(SIGMA))).sampleShape(sampleShape).build();
  }

  static double mixtureCdf(double x) {
    return W[0] * new NormalDistribution(MU[0], SIGMA[0]).cumulativeProbability(x)
        + W[1] * new NormalDistribution(MU[1], SIGMA[1]).cumulativeProbability(x);
  }

  @Test
  void valueIsTheComponentEachAssignmentPicks() {
    ParamMixture<TFloat32> x = normalMixture(500);
    assertArrayEquals(new long[] {500}, x.cat().value().shape().asArray());
    assertArrayEquals(new long[] {500, 2}, x.components().value().shape().asArray());
    List<TensorValue> r = ctx.evalAll(List.of(x.value(), x.cat().value(), x.components().value()), Map.of());
    for (int i = 0; i < 500; i++) {
      int z = (int) r.get(1).data()[i];
      assertEquals(r.get(2).get(i, z), r.get(0).data()[i], "draw " + i + " is component " + z + "'s");
    }
    assertEquals("test/ParamMixture/cat", x.cat().name());
    assertEquals("test/ParamMixture/components", x.components().name());
    assertEquals(2, x.numComponents());
    assertTrue(!x.isReparameterized());
  }

  @Test
  void logProbIsConditionalOnTheAssignmentsAndMarginalSumsThemOut() {
    ParamMixture<TFloat32> x = normalMixture(4);
    float[] points = {-2.5f, 0f, 1.7f, 3f};
    // One run: every run advances the random step, and with it the assignments.
    List<TensorValue> r = ctx.evalAll(List.of(x.cat().value(), x.logProb(vector(points)), x.marginalLogProb(vector(points))),
        Map.of());
    float[] z = r.get(0).data();
    double[] conditional = new double[4];
    double[] marginal = new double[4];
    for (int i = 0; i < 4; i++) {
      int k = (int) z[i];
      conditional[i] = new NormalDistribution(MU[k], SIGMA[k]).logDensity(points[i]);
      marginal[i] = Math.log(W[0] * new NormalDistribution(MU[0], SIGMA[0]).density(points[i])
          + W[1] * new NormalDistribution(MU[1], SIGMA[1]).density(points[i]));
    }
    assertClose("given cat", conditional, r.get(1).data());
    assertClose("marginal", marginal, r.get(2).data());
  }

  @Test
  void drawsFollowTheMixtureCdfAndAssignmentsTheWeights() {
    ParamMixture<TFloat32> x = normalMixture(N);
    assertMatchesCdf("value of the mixture", eval(x), MixtureTest::mixtureCdf, 1e-6);
    assertMatchesCdf("sample(N) of the mixture", eval(normalMixture().sample(N)), MixtureTest::mixtureCdf, 1e-6);
    float[] z = eval(x.cat());
    int ones = 0;
    for (float v : z) {
      ones += (int) v;
    }
    Map<String, Integer> observed = Map.of("0", N - ones, "1", ones);
    MultivariateChecks.assertChiSquare("assignments", observed, Map.of("0", (double) W[0], "1", (double) W[1]), N, 1e-6);
  }

  @Test
  void momentsAreThoseOfTheMixture() {
    ParamMixture<TFloat32> x = normalMixture();
    double mean = W[0] * MU[0] + W[1] * MU[1];
    double second = W[0] * (SIGMA[0] * SIGMA[0] + MU[0] * MU[0]) + W[1] * (SIGMA[1] * SIGMA[1] + MU[1] * MU[1]);
    assertEquals(mean, eval(x.mean())[0], 1e-5);
    assertEquals(second - mean * mean, eval(x.variance())[0], 1e-5);
    assertEquals(Math.sqrt(second - mean * mean), eval(x.stddev())[0], 1e-5);
  }

  @Test
  void vectorEventsAndBatchesKeepTheComponentAxisFirst() {
    // Two 3-dimensional diagonal normals, as Edward's mixture_gaussian examples build them.
    Operand<TFloat32> loc = constant(new long[] {2, 3}, 0f, 0f, 0f, 10f, 10f, 10f);
    Operand<TFloat32> scale = constant(new long[] {2, 3}, 1f, 1f, 1f, 1f, 1f, 1f);
    ParamMixture<TFloat32> x = ParamMixture.builder(scope).mixingWeights(W)
        .components(MultivariateNormalDiag::builder, Map.of("loc", loc, "scaleDiag", scale)).sampleShape(200).build();
    assertArrayEquals(new long[] {3}, x.eventShape().asArray());
    assertArrayEquals(new long[] {200, 3}, x.value().shape().asArray());
    List<TensorValue> r = ctx.evalAll(List.of(x.value(), x.cat().value(), x.logProb(x)), Map.of());
    for (int i = 0; i < 200; i++) {
      float centre = r.get(1).data()[i] * 10f;
      double lp = 0;
      for (int j = 0; j < 3; j++) {
        assertEquals(centre, r.get(0).get(i, j), 6f, "row " + i + " near its component");
        lp += new NormalDistribution(centre, 1).logDensity(r.get(0).get(i, j));
      }
      assertEquals(lp, r.get(2).data()[i], 2e-5 * Math.max(1, Math.abs(lp)), "conditional density of row " + i);
    }
    // Weights [K] with component parameters [K, 2]: the batch is [2].
    ParamMixture<TFloat32> batched = ParamMixture.builder(scope).mixingWeights(W)
        .components(Normal::builder, Map.of("loc", constant(new long[] {2, 2}, -1f, 1f, 5f, 6f), "scale", scalar(1)))
        .build();
    assertArrayEquals(new long[] {2}, batched.batchShape().asArray());
    assertArrayEquals(new long[] {2}, batched.cat().batchShape().asArray());
    assertArrayEquals(new float[] {0.3f * -1 + 0.7f * 5, 0.3f * 1 + 0.7f * 6}, eval(batched.mean()), 1e-5f);
  }

  @Test
  void integerComponentsGiveIntegerValues() {
    ParamMixture<TInt32> counts = ParamMixture.builder(scope).mixingWeights(W)
        .components(s -> Poisson.builder(s).dtype(TInt32.class), Map.of("rate", vector(1f, 8f))).sampleShape(N).build();
    assertEquals(TInt32.class, counts.value().type());
    float[] draws = eval(counts);
    PoissonDistribution a = new PoissonDistribution(1);
    PoissonDistribution b = new PoissonDistribution(8);
    SamplerTest.assertFrequencies("Poisson mixture", draws, k -> W[0] * a.probability(k) + W[1] * b.probability(k), 20);
  }

  @Test
  void marginalLogProbGradientWithRespectToComponentParameters() {
    Placeholder<TFloat32> mu = placeholder(2);
    ParamMixture<TFloat32> x = ParamMixture.builder(scope).mixingWeights(W)
        .components(Normal::builder, Map.of("loc", mu, "scale", vector(SIGMA))).build();
    GradientCheck.assertGradient(ctx, mu, x.marginalLogProb(vector(-1f, 0.5f, 2.5f)), new float[] {-2f, 2f}, 1e-2, 1e-2);
  }

  @Test
  void withParametersRebuildsCatAndComponents() {
    ParamMixture<TFloat32> x = normalMixture();
    Map<String, Operand<TFloat32>> p = new LinkedHashMap<>(x.parameters());
    assertEquals(List.of("mixingWeights", "loc", "scale"), List.copyOf(p.keySet()).stream().sorted(
        (a, b) -> a.equals("mixingWeights") ? -1 : b.equals("mixingWeights") ? 1 : a.compareTo(b)).toList());
    p.put("loc", vector(0f, 1f));
    AbstractRandomVariable<TFloat32> copy = x.withParameters(p);
    assertTrue(copy instanceof ParamMixture<?>);
    assertEquals(0.7f, eval(copy.mean())[0], 1e-6f);
  }

  @Test
  void paramMixtureBadInput() {
    assertMessage(() -> ParamMixture.builder(scope).mixingWeights(new float[] {0.3f, 0.6f}),
        "`mixingWeights` must sum to 1 over the last axis, got 0.9");
    assertMessage(() -> ParamMixture.builder(scope).mixingWeights(new float[] {1.3f, -0.3f}), "`mixingWeights` must be in [0, 1], got 1.3");
    assertMessage(() -> ParamMixture.builder(scope).mixingWeights(W)
        .components(Normal::builder, Map.of("mu", vector(MU), "scale", vector(SIGMA))),
        "`parameters` key `mu` is not a parameter of the component family; valid names are [loc, scale]");
    assertMessage(() -> ParamMixture.builder(scope).mixingWeights(W)
        .components(Normal::builder, Map.of("loc", vector(0f, 1f, 2f), "scale", scalar(1))).build(),
        "the component parameters must have batch shape [2, ...] (K = 2 components first, from `mixingWeights`), got [3]");
    assertMessage(() -> ParamMixture.builder(scope).mixingWeights(W).build(),
        "`components` (a family and its parameters) must be given for ParamMixture");
    assertMessage(() -> ParamMixture.builder(scope).mixingWeights(W).components(Normal::builder, Map.of("loc", vector(MU))).build(),
        "`scale` must be given for Normal");
    assertMessage(() -> ParamMixture.builder(scope).mixingWeights(W)
        .components(Normal::builder, Map.of("loc", vector(MU), "scale", vector(1f, -1f))),
        "`scale` must be positive and finite, got -1.0 at flat index 1");
  }

  static double normalLaplaceCdf(double x) {
    return 0.4 * new NormalDistribution(-1, 0.5).cumulativeProbability(x) + 0.6 * new LaplaceDistribution(2, 1).cumulativeProbability(x);
  }

  Mixture<TFloat32> normalLaplace(long... sampleShape) {
    Categorical<TInt32> cat = Categorical.ofProbs(scope, new float[] {0.4f, 0.6f});
    return Mixture.builder(scope, cat, List.of(Normal.of(scope, -1.0, 0.5), Laplace.of(scope, 2.0, 1.0)))
        .sampleShape(sampleShape).build();
  }

  @Test
  void mixtureLogProbAndDrawsAgainstTheReference() {
    Mixture<TFloat32> x = normalLaplace(N);
    assertMatchesCdf("Mixture value", eval(x), MixtureTest::normalLaplaceCdf, 1e-6);
    float[] points = {-1.5f, 0f, 2f, 4f};
    double[] expected = new double[4];
    for (int i = 0; i < 4; i++) {
      expected[i] = Math.log(0.4 * new NormalDistribution(-1, 0.5).density(points[i])
          + 0.6 * new LaplaceDistribution(2, 1).density(points[i]));
    }
    assertClose("Mixture log density", expected, eval(x.logProb(vector(points))));
    double mean = 0.4 * -1 + 0.6 * 2;
    double second = 0.4 * (0.25 + 1) + 0.6 * (2 + 4);
    assertEquals(mean, eval(x.mean())[0], 1e-5);
    assertEquals(second - mean * mean, eval(x.variance())[0], 1e-5);
  }

  @Test
  void mixtureWithParametersRebuildsItsMembers() {
    Mixture<TFloat32> x = normalLaplace();
    assertEquals(List.of("cat/probs", "components/0/loc", "components/0/scale", "components/1/loc", "components/1/scale"),
        List.copyOf(x.parameters().keySet()));
    Map<String, Operand<TFloat32>> p = new LinkedHashMap<>(x.parameters());
    p.put("components/1/loc", scalar(0));
    Mixture<?> copy = (Mixture<?>) x.withParameters(p);
    assertEquals(-0.4f, eval(copy.mean())[0], 1e-6f);
    assertEquals(0f, eval(copy.components().get(1).mean())[0]);
    assertTrue(copy.components().get(0) == x.components().get(0), "unchanged members are reused");
  }

  @Test
  void mixtureBadInput() {
    Categorical<TInt32> cat3 = Categorical.ofProbs(scope, new float[] {0.2f, 0.3f, 0.5f});
    assertMessage(() -> Mixture.of(scope, cat3, List.of(Normal.of(scope, 0, 1))),
        "`components` must have 3 entries to match the categories of `cat`, got 1");
    Categorical<TInt32> cat2 = Categorical.ofProbs(scope, new float[] {0.5f, 0.5f});
    assertMessage(() -> Mixture.of(scope, cat2, List.of(Normal.of(scope, 0, 1), Normal.of(scope, vector(0f, 1f), scalar(1)))),
        "`components` must have batch shape [] (`cat`'s) and event shape [], got batch [2] and event [] at 1");
    assertMessage(() -> Mixture.of(scope, null, List.of(Normal.of(scope, 0, 1))), "`cat` must be a Categorical, got null");
    assertMessage(() -> Mixture.<TFloat32>of(scope, cat2, List.of()), "`components` must hold at least one random variable, got none");
  }
}
