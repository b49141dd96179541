package org.edward4j.models;

import static org.edward4j.models.MomentsTest.assertWithinStandardErrors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.GumbelDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Closed-form KL divergences against Monte Carlo estimates {@code E_p[log p(x) - log q(x)]} with
 * commons-math densities (continuous pairs) and exact sums written here (discrete pairs).
 *
 * <p>The Monte Carlo check uses {@value #MC_DRAWS} draws from {@code p}'s own sampler (checked in
 * {@link SamplerTest}) and allows 6 standard errors of the mean log-ratio, a two-sided
 * normal-approximation false-failure rate of 2e-9. Exact sums are compared at relative 2e-5
 * (float32).
 */
class KlDivergenceTest extends GraphTestBase {

  static final int MC_DRAWS = 50_000;

  /** A pair of one family, the closed form's inputs, and commons-math log densities of p and q. */
  record Pair(String label, Function<VariableScope, AbstractRandomVariable<?>> p,
      Function<VariableScope, AbstractRandomVariable<?>> q, Function<double[], Double> logRatio, int eventSize) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<Pair> continuousPairs() {
    NormalDistribution n1 = new NormalDistribution(1, 2);
    NormalDistribution n2 = new NormalDistribution(-0.5, 1.2);
    ExponentialDistribution e1 = new ExponentialDistribution(1 / 2.0);
    ExponentialDistribution e2 = new ExponentialDistribution(1 / 0.5);
    GammaDistribution g1 = new GammaDistribution(2, 1 / 3.0);
    GammaDistribution g2 = new GammaDistribution(0.8, 1 / 1.5);
    BetaDistribution b1 = new BetaDistribution(2, 5);
    BetaDistribution b2 = new BetaDistribution(0.9, 1.3);
    NormalDistribution[] w1 = {new NormalDistribution(0, 1), new NormalDistribution(1, 2)};
    NormalDistribution[] w2 = {new NormalDistribution(0.5, 2), new NormalDistribution(-1, 0.7)};
    return List.of(
        new Pair("Normal", s -> Normal.of(s, 1, 2), s -> Normal.of(s, -0.5, 1.2),
            x -> n1.logDensity(x[0]) - n2.logDensity(x[0]), 1),
        new Pair("Exponential", s -> Exponential.of(s, 2), s -> Exponential.of(s, 0.5),
            x -> e1.logDensity(x[0]) - e2.logDensity(x[0]), 1),
        new Pair("Gamma", s -> Gamma.of(s, 2, 3), s -> Gamma.of(s, 0.8, 1.5),
            x -> g1.logDensity(x[0]) - g2.logDensity(x[0]), 1),
        new Pair("Beta", s -> Beta.of(s, 2, 5), s -> Beta.of(s, 0.9, 1.3),
            x -> b1.logDensity(x[0]) - b2.logDensity(x[0]), 1),
        new Pair("MultivariateNormalDiag",
            s -> MultivariateNormalDiag.of(s, new float[] {0f, 1f}, new float[] {1f, 2f}),
            s -> MultivariateNormalDiag.of(s, new float[] {0.5f, -1f}, new float[] {2f, 0.7f}),
            x -> w1[0].logDensity(x[0]) + w1[1].logDensity(x[1]) - w2[0].logDensity(x[0]) - w2[1].logDensity(x[1]), 2),
        // dists-a: the catalogue's closed-form pairs (issue 12, part A).
        ratio("HalfNormal", s -> HalfNormal.of(s, 1.5), s -> HalfNormal.of(s, 0.7),
            ReferenceDistributions.halfNormal(1.5), ReferenceDistributions.halfNormal(0.7)),
        ratio("Gumbel", s -> Gumbel.of(s, 0.5, 2), s -> Gumbel.of(s, -1, 1.3),
            new GumbelDistribution(0.5, 2), new GumbelDistribution(-1, 1.3)),
        ratio("LogNormal", s -> LogNormal.of(s, 0.3, 0.6), s -> LogNormal.of(s, -0.2, 1.1),
            new LogNormalDistribution(0.3, 0.6), new LogNormalDistribution(-0.2, 1.1)),
        ratio("Chi2", s -> Chi2.of(s, 3), s -> Chi2.of(s, 5.5), new ChiSquaredDistribution(3), new ChiSquaredDistribution(5.5)),
        ratio("InverseGamma", s -> InverseGamma.of(s, 3, 2), s -> InverseGamma.of(s, 2, 0.5),
            ReferenceDistributions.inverseGamma(3, 2), ReferenceDistributions.inverseGamma(2, 0.5)),
        ratio("VonMises", s -> VonMises.of(s, 0.5, 4), s -> VonMises.of(s, -0.3, 1.5),
            ReferenceDistributions.vonMises(0.5, 4), ReferenceDistributions.vonMises(-0.3, 1.5)));
  }

  /** A scalar pair whose log-ratio comes from two reference densities. */
  static Pair ratio(String label, Function<VariableScope, AbstractRandomVariable<?>> p,
      Function<VariableScope, AbstractRandomVariable<?>> q, AbstractRealDistribution refP, AbstractRealDistribution refQ) {
    return new Pair(label, p, q, x -> refP.logDensity(x[0]) - refQ.logDensity(x[0]), 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("continuousPairs")
  void continuousKlMatchesAMonteCarloEstimate(Pair pair) {
    AbstractRandomVariable<?> p = pair.p().apply(scope);
    AbstractRandomVariable<?> q = pair.q().apply(scope);
    float kl = eval(p.klDivergence(q).orElseThrow())[0];
    float[] draws = eval(p.sample(MC_DRAWS));
    int k = pair.eventSize();
    double[] ratios = new double[MC_DRAWS];
    for (int i = 0; i < MC_DRAWS; i++) {
      double[] x = new double[k];
      for (int j = 0; j < k; j++) {
        x[j] = draws[i * k + j];
      }
      ratios[i] = pair.logRatio().apply(x);
    }
    assertWithinStandardErrors("KL(" + pair.label() + ")", ratios, kl, 6);
    assertEquals(0f, eval(p.klDivergence(p).orElseThrow())[0], 1e-5f, "KL(p || p)");
  }

  @Test
  void bernoulliKlMatchesTheExactSumFromProbsAndLogits() {
    double p1 = 0.3;
    double p2 = 0.65;
    double exact = p1 * Math.log(p1 / p2) + (1 - p1) * Math.log((1 - p1) / (1 - p2));
    Bernoulli<TInt32> probs1 = Bernoulli.ofProbs(scope, p1);
    Bernoulli<TInt32> probs2 = Bernoulli.ofProbs(scope, p2);
    Bernoulli<TInt32> logits1 = Bernoulli.ofLogits(scope, Math.log(p1 / (1 - p1)));
    Bernoulli<TInt32> logits2 = Bernoulli.ofLogits(scope, Math.log(p2 / (1 - p2)));
    assertClose("probs || probs", exact, eval(probs1.klDivergence(probs2).orElseThrow())[0]);
    assertClose("logits || logits", exact, eval(logits1.klDivergence(logits2).orElseThrow())[0]);
    assertClose("probs || logits", exact, eval(probs1.klDivergence(logits2).orElseThrow())[0]);
  }

  @Test
  void bernoulliKlAtCertainOutcomes() {
    Bernoulli<TInt32> certain = Bernoulli.ofProbs(scope, 0.0);
    Bernoulli<TInt32> fair = Bernoulli.ofProbs(scope, 0.5);
    // KL(delta_0 || fair) = log 2; KL(fair || delta_0) is infinite.
    assertClose("certain || fair", Math.log(2), eval(certain.klDivergence(fair).orElseThrow())[0]);
    assertEquals(Float.POSITIVE_INFINITY, eval(fair.klDivergence(certain).orElseThrow())[0]);
  }

  @Test
  void categoricalKlMatchesTheExactSum() {
    double[] q = {0.5, 0.25, 0.25};
    double exact = 0.2 * Math.log(0.2 / 0.5) + 0.8 * Math.log(0.8 / 0.25);
    Categorical<TInt32> cp = Categorical.ofProbs(scope, new float[] {0.2f, 0f, 0.8f});
    Categorical<TInt32> cq = Categorical.ofLogits(scope, new float[] {(float) Math.log(q[0]), (float) Math.log(q[1]), (float) Math.log(q[2])});
    assertClose("with 0 log 0", exact, eval(cp.klDivergence(cq).orElseThrow())[0]);
    assertEquals(Float.POSITIVE_INFINITY, eval(cq.klDivergence(cp).orElseThrow())[0], "q puts mass where p has none");
  }

  @Test
  void poissonKlMatchesTheExactSum() {
    PoissonDistribution a = new PoissonDistribution(3);
    PoissonDistribution b = new PoissonDistribution(5);
    double exact = 0;
    for (int k = 0; k < 100; k++) {
      double pk = a.probability(k);
      if (pk > 0) {
        exact += pk * (a.logProbability(k) - b.logProbability(k));
      }
    }
    Poisson<TFloat32> p = Poisson.of(scope, 3);
    Poisson<TInt32> q = Poisson.builder(scope).rate(5).dtype(TInt32.class).build();
    assertClose("Poisson(3) || Poisson(5)", exact, eval(p.klDivergence(q).orElseThrow())[0]);
  }

  @Test
  void klBroadcastsBatchShapes() {
    Normal p = Normal.of(scope, vector(0f, 1f, 2f), scalar(1));
    Normal q = Normal.of(scope, 0, 2);
    TensorValue kl = ctx.eval(p.klDivergence(q).orElseThrow());
    assertArrayEquals(new long[] {3}, kl.shape());
    for (int i = 0; i < 3; i++) {
      double exact = Math.log(2) + (1 + i * i) / 8.0 - 0.5;
      assertClose("element " + i, exact, kl.data()[i]);
    }
  }

  @Test
  void noClosedFormIsEmpty() {
    assertTrue(Normal.of(scope, 0, 1).klDivergence(Laplace.of(scope, 0, 1)).isEmpty());
    assertTrue(Uniform.of(scope, 0, 1).klDivergence(Uniform.of(scope, 0, 2)).isEmpty());
    assertTrue(Exponential.of(scope, 1).klDivergence(Gamma.of(scope, 1, 1)).isEmpty());
  }

  @Test
  void mismatchedShapesAreRejected() {
    Normal p = Normal.of(scope, vector(0f, 1f, 2f), scalar(1));
    Normal q = Normal.of(scope, vector(0f, 1f), scalar(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.klDivergence(q));
    assertTrue(e.getMessage().startsWith("`other` must have batch shape [3]"), e.getMessage());
    Categorical<TInt32> c3 = Categorical.ofProbs(scope, new float[] {0.2f, 0.3f, 0.5f});
    Categorical<TInt32> c2 = Categorical.ofProbs(scope, new float[] {0.5f, 0.5f});
    e = assertThrows(IllegalArgumentException.class, () -> c3.klDivergence(c2));
    assertTrue(e.getMessage().startsWith("`other` must have 3 categories"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.klDivergence(null));
  }

  static void assertClose(String what, double expected, float actual) {
    assertEquals(expected, actual, 2e-5 * Math.max(1, Math.abs(expected)), what);
  }
}
