package org.edward4j.models;

import java.util.List;
import java.util.function.Function;
import org.edward4j.core.VariableScope;

/**
 * One way to build each family from Java numbers, for tests that cover them all
 * through {@code @MethodSource("org.edward4j.models.AllFamilies#all")} (or {@code #random}).
 */
final class AllFamilies {

  private AllFamilies() {}

  /** A family and how to build it; {@code reparameterized} is what {@code isReparameterized()} must say. */
  record Maker(String label, Function<VariableScope, AbstractRandomVariable<?>> build, boolean reparameterized) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<Maker> all() {
    return List.of(
        new Maker("Normal", s -> Normal.of(s, 0.5, 2.0), true),
        new Maker("Uniform", s -> Uniform.of(s, -1.0, 3.0), true),
        new Maker("Bernoulli", s -> Bernoulli.ofProbs(s, 0.4), false),
        new Maker("Categorical", s -> Categorical.ofProbs(s, new float[] {0.2f, 0.3f, 0.5f}), false),
        new Maker("Beta", s -> Beta.of(s, 2.0, 3.0), true),
        new Maker("Gamma", s -> Gamma.of(s, 2.0, 1.5), true),
        new Maker("Exponential", s -> Exponential.of(s, 1.5), true),
        new Maker("Laplace", s -> Laplace.of(s, 0.0, 1.0), true),
        new Maker("Poisson", s -> Poisson.of(s, 3.0), false),
        new Maker("MultivariateNormalDiag",
            s -> MultivariateNormalDiag.of(s, new float[] {0f, 1f}, new float[] {1f, 0.5f}), true),
        new Maker("PointMass", s -> PointMass.of(s, new float[] {1f, 2f}), true),
        new Maker("Empirical", s -> Empirical.of(s, new float[] {1f, 2f, 3f, 5f, 8f}), false),
        // dists-a: the catalogue's continuous families (issue 12, part A).
        new Maker("Cauchy", s -> Cauchy.of(s, 0.0, 1.0), true),
        new Maker("HalfCauchy", s -> HalfCauchy.of(s, 0.0, 1.0), true),
        new Maker("HalfNormal", s -> HalfNormal.of(s, 1.5), true),
        new Maker("StudentT", s -> StudentT.of(s, 3.0, 0.0, 1.0), true),
        new Maker("Chi2", s -> Chi2.of(s, 3.0), true),
        new Maker("Gumbel", s -> Gumbel.of(s, 0.0, 1.0), true),
        new Maker("Logistic", s -> Logistic.of(s, 0.0, 1.0), true),
        new Maker("LogNormal", s -> LogNormal.of(s, 0.0, 0.5), true),
        new Maker("Kumaraswamy", s -> Kumaraswamy.of(s, 2.0, 3.0), true),
        new Maker("VonMises", s -> VonMises.of(s, 0.5, 2.0), false),
        new Maker("InverseGamma", s -> InverseGamma.of(s, 3.0, 2.0), true),
        new Maker("Deterministic", s -> Deterministic.of(s, 1.5), true),
        // dists-b: the catalogue's part B and the families Monte Carlo inference needs.
        new Maker("Dirichlet", s -> Dirichlet.of(s, new float[] {1f, 2f, 3f}), true),
        new Maker("Multinomial", s -> Multinomial.of(s, 5, new float[] {0.2f, 0.3f, 0.5f}), false),
        new Maker("DirichletMultinomial", s -> DirichletMultinomial.of(s, 5, new float[] {1f, 2f, 3f}), false),
        new Maker("MultivariateNormalTriL",
            s -> MultivariateNormalTriL.of(s, new float[] {0f, 1f}, new float[][] {{1f, 0f}, {0.5f, 2f}}), true),
        new Maker("MultivariateNormalFullCovariance",
            s -> MultivariateNormalFullCovariance.of(s, new float[] {0f, 1f}, new float[][] {{2f, 0.5f}, {0.5f, 1f}}), true),
        new Maker("MultivariateNormalDiagPlusLowRank", s -> MultivariateNormalDiagPlusLowRank.builder(s)
            .loc(new float[] {0f, 1f}).scaleDiag(new float[] {1f, 2f}).scalePerturbFactor(new float[][] {{1f}, {0.5f}}).build(), true),
        new Maker("ParamMixture", s -> ParamMixture.builder(s).mixingWeights(new float[] {0.4f, 0.6f})
            .components(Normal::builder, java.util.Map.of("loc", s.tf().constant(new float[] {-1f, 1f}),
                "scale", s.tf().constant(new float[] {1f, 0.5f}))).build(), false),
        new Maker("Mixture", s -> Mixture.of(s, Categorical.ofProbs(s, new float[] {0.4f, 0.6f}),
            List.of(Normal.of(s, -1.0, 1.0), Normal.of(s, 1.0, 0.5))), false),
        new Maker("Binomial", s -> Binomial.of(s, 10, 0.3), false),
        new Maker("NegativeBinomial", s -> NegativeBinomial.of(s, 3, 0.4), false),
        new Maker("Geometric", s -> Geometric.ofProbs(s, 0.3), false),
        new Maker("OneHotCategorical", s -> OneHotCategorical.ofProbs(s, new float[] {0.2f, 0.3f, 0.5f}), false),
        new Maker("Wishart", s -> Wishart.of(s, 4.0, new float[][] {{1f, 0f}, {0.5f, 1f}}), false),
        new Maker("RelaxedBernoulli", s -> RelaxedBernoulli.ofProbs(s, 0.5, 0.3), true),
        new Maker("RelaxedOneHotCategorical", s -> RelaxedOneHotCategorical.ofLogits(s, 0.5, new float[] {0f, 1f, 2f}), true),
        new Maker("DirichletProcess", s -> DirichletProcess.of(s, 2.0, Normal.of(s, 0.0, 1.0)), false));
  }

  /** The families that draw from a random op (all but PointMass and Deterministic). */
  static List<Maker> random() {
    return all().stream().filter(m -> !m.label().equals("PointMass") && !m.label().equals("Deterministic")).toList();
  }

}
