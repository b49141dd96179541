package org.edward4j.models;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.GumbelDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.LogisticDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.AbstractIntegerDistribution;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The scalar-event families under test, each with parameter values, a way to build it from
 * parameter tensors, and an independent reference distribution from commons-math. Parameterized
 * tests take them with {@code @MethodSource("org.edward4j.models.Families#continuous")} (or
 * {@code #discrete}).
 */
final class Families {

  private Families() {}

  /** Builds a variable from parameter tensors in Edward's order. */
  interface Build extends BiFunction<VariableScope, List<Operand<TFloat32>>, AbstractRandomVariable<?>> {}

  /**
   * A continuous family.
   *
   * @param label for test names
   * @param names parameter names in Edward's order
   * @param params parameter values
   * @param build builds the variable from tensors
   * @param reference commons-math's distribution with the same parameters
   * @param entropy the closed-form entropy, written here from the textbook formula
   */
  record Continuous(String label, List<String> names, double[] params, Build build,
      Function<double[], AbstractRealDistribution> reference, ToDoubleFunction<double[]> entropy) {
    AbstractRealDistribution ref() {
      return reference.apply(params);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** A discrete family with a commons-math reference; values are counts or outcomes. */
  record Discrete(String label, List<String> names, double[] params, Build build,
      Function<double[], AbstractIntegerDistribution> reference) {
    AbstractIntegerDistribution ref() {
      return reference.apply(params);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  static List<Continuous> continuous() {
    return List.of(
        new Continuous("Normal(1.5, 2)", List.of("loc", "scale"), new double[] {1.5, 2.0},
            (s, p) -> Normal.of(s, p.get(0), p.get(1)), p -> new NormalDistribution(p[0], p[1]),
            p -> 0.5 * Math.log(2 * Math.PI * Math.E * p[1] * p[1])),
        new Continuous("Uniform(-1, 3)", List.of("low", "high"), new double[] {-1.0, 3.0},
            (s, p) -> Uniform.of(s, p.get(0), p.get(1)), p -> new UniformRealDistribution(p[0], p[1]),
            p -> Math.log(p[1] - p[0])),
        new Continuous("Laplace(0.5, 1.5)", List.of("loc", "scale"), new double[] {0.5, 1.5},
            (s, p) -> Laplace.of(s, p.get(0), p.get(1)), p -> new LaplaceDistribution(p[0], p[1]),
            p -> 1 + Math.log(2 * p[1])),
        new Continuous("Exponential(2)", List.of("rate"), new double[] {2.0},
            (s, p) -> Exponential.of(s, p.get(0)), p -> new ExponentialDistribution(1 / p[0]),
            p -> 1 - Math.log(p[0])),
        new Continuous("Gamma(0.5, 2)", List.of("concentration", "rate"), new double[] {0.5, 2.0},
            (s, p) -> Gamma.of(s, p.get(0), p.get(1)), p -> new GammaDistribution(p[0], 1 / p[1]),
            Families::gammaEntropy),
        new Continuous("Gamma(3, 0.5)", List.of("concentration", "rate"), new double[] {3.0, 0.5},
            (s, p) -> Gamma.of(s, p.get(0), p.get(1)), p -> new GammaDistribution(p[0], 1 / p[1]),
            Families::gammaEntropy),
        new Continuous("Beta(0.7, 2.5)", List.of("concentration1", "concentration0"), new double[] {0.7, 2.5},
            (s, p) -> Beta.of(s, p.get(0), p.get(1)), p -> new BetaDistribution(p[0], p[1]),
            Families::betaEntropy),
        new Continuous("Beta(2, 5)", List.of("concentration1", "concentration0"), new double[] {2.0, 5.0},
            (s, p) -> Beta.of(s, p.get(0), p.get(1)), p -> new BetaDistribution(p[0], p[1]),
            Families::betaEntropy),
        // dists-a: the catalogue's continuous families (issue 12, part A).
        new Continuous("Cauchy(0.5, 2)", List.of("loc", "scale"), new double[] {0.5, 2.0},
            (s, p) -> Cauchy.of(s, p.get(0), p.get(1)), p -> new CauchyDistribution(p[0], p[1]),
            p -> Math.log(4 * Math.PI * p[1])),
        new Continuous("HalfCauchy(1, 1.5)", List.of("loc", "scale"), new double[] {1.0, 1.5},
            (s, p) -> HalfCauchy.of(s, p.get(0), p.get(1)), p -> ReferenceDistributions.halfCauchy(p[0], p[1]),
            p -> Math.log(2 * Math.PI * p[1])),
        new Continuous("HalfNormal(1.5)", List.of("scale"), new double[] {1.5},
            (s, p) -> HalfNormal.of(s, p.get(0)), p -> ReferenceDistributions.halfNormal(p[0]),
            p -> 0.5 * Math.log(Math.PI * p[0] * p[0] / 2) + 0.5),
        new Continuous("StudentT(4, 1, 2)", List.of("df", "loc", "scale"), new double[] {4.0, 1.0, 2.0},
            (s, p) -> StudentT.of(s, p.get(0), p.get(1), p.get(2)), Families::studentT, Families::studentTEntropy),
        new Continuous("StudentT(1.5, -1, 0.5)", List.of("df", "loc", "scale"), new double[] {1.5, -1.0, 0.5},
            (s, p) -> StudentT.of(s, p.get(0), p.get(1), p.get(2)), Families::studentT, Families::studentTEntropy),
        new Continuous("Chi2(3)", List.of("df"), new double[] {3.0},
            (s, p) -> Chi2.of(s, p.get(0)), p -> new ChiSquaredDistribution(p[0]), Families::chi2Entropy),
        new Continuous("Chi2(1.2)", List.of("df"), new double[] {1.2},
            (s, p) -> Chi2.of(s, p.get(0)), p -> new ChiSquaredDistribution(p[0]), Families::chi2Entropy),
        new Continuous("Gumbel(0.5, 2)", List.of("loc", "scale"), new double[] {0.5, 2.0},
            (s, p) -> Gumbel.of(s, p.get(0), p.get(1)), p -> ReferenceDistributions.withMoments(new GumbelDistribution(p[0], p[1]),
                p[0] + p[1] * 0.5772156649015329, Math.PI * Math.PI * p[1] * p[1] / 6),
            p -> Math.log(p[1]) + 0.5772156649015329 + 1),
        new Continuous("Logistic(1, 0.5)", List.of("loc", "scale"), new double[] {1.0, 0.5},
            (s, p) -> Logistic.of(s, p.get(0), p.get(1)), p -> ReferenceDistributions.withMoments(new LogisticDistribution(p[0], p[1]),
                p[0], Math.PI * Math.PI * p[1] * p[1] / 3),
            p -> Math.log(p[1]) + 2),
        new Continuous("LogNormal(0.3, 0.6)", List.of("loc", "scale"), new double[] {0.3, 0.6},
            (s, p) -> LogNormal.of(s, p.get(0), p.get(1)), p -> new LogNormalDistribution(p[0], p[1]),
            p -> p[0] + 0.5 + Math.log(p[1] * Math.sqrt(2 * Math.PI))),
        new Continuous("Kumaraswamy(2, 5)", List.of("concentration1", "concentration0"), new double[] {2.0, 5.0},
            (s, p) -> Kumaraswamy.of(s, p.get(0), p.get(1)), p -> ReferenceDistributions.kumaraswamy(p[0], p[1]),
            p -> ReferenceDistributions.entropy(ReferenceDistributions.kumaraswamy(p[0], p[1]))),
        new Continuous("Kumaraswamy(0.7, 1.5)", List.of("concentration1", "concentration0"), new double[] {0.7, 1.5},
            (s, p) -> Kumaraswamy.of(s, p.get(0), p.get(1)), p -> ReferenceDistributions.kumaraswamy(p[0], p[1]),
            p -> ReferenceDistributions.entropy(ReferenceDistributions.kumaraswamy(p[0], p[1]))),
        new Continuous("VonMises(0.5, 4)", List.of("loc", "concentration"), new double[] {0.5, 4.0},
            (s, p) -> VonMises.of(s, p.get(0), p.get(1)), p -> ReferenceDistributions.vonMises(p[0], p[1]),
            p -> ReferenceDistributions.entropyOnInterval(ReferenceDistributions.vonMises(p[0], p[1]), -Math.PI, Math.PI)),
        new Continuous("VonMises(-2, 0.3)", List.of("loc", "concentration"), new double[] {-2.0, 0.3},
            (s, p) -> VonMises.of(s, p.get(0), p.get(1)), p -> ReferenceDistributions.vonMises(p[0], p[1]),
            p -> ReferenceDistributions.entropyOnInterval(ReferenceDistributions.vonMises(p[0], p[1]), -Math.PI, Math.PI)),
        new Continuous("InverseGamma(3, 2)", List.of("concentration", "rate"), new double[] {3.0, 2.0},
            (s, p) -> InverseGamma.of(s, p.get(0), p.get(1)), p -> ReferenceDistributions.inverseGamma(p[0], p[1]),
            Families::inverseGammaEntropy),
        new Continuous("InverseGamma(1.5, 1)", List.of("concentration", "rate"), new double[] {1.5, 1.0},
            (s, p) -> InverseGamma.of(s, p.get(0), p.get(1)), p -> ReferenceDistributions.inverseGamma(p[0], p[1]),
            Families::inverseGammaEntropy));
  }

  static List<Discrete> discrete() {
    return List.of(
        new Discrete("Bernoulli(probs=0.3)", List.of("probs"), new double[] {0.3},
            (s, p) -> Bernoulli.ofProbs(s, p.get(0)), p -> new BinomialDistribution(1, p[0])),
        new Discrete("Bernoulli(logits=-0.8)", List.of("logits"), new double[] {-0.8},
            (s, p) -> Bernoulli.ofLogits(s, p.get(0)), p -> new BinomialDistribution(1, sigmoid(p[0]))),
        new Discrete("Poisson(3.5)", List.of("rate"), new double[] {3.5},
            (s, p) -> Poisson.of(s, p.get(0)), p -> new PoissonDistribution(p[0])),
        new Discrete("Poisson(0.4)", List.of("rate"), new double[] {0.4},
            (s, p) -> Poisson.of(s, p.get(0)), p -> new PoissonDistribution(p[0])));
  }

  /** Student's t as {@code loc + scale T_df} over commons-math's standard t. */
  static AbstractRealDistribution studentT(double[] p) {
    return ReferenceDistributions.locationScale(new TDistribution(p[0]), p[1], p[2]);
  }

  /** {@code (v+1)/2 (psi((v+1)/2) - psi(v/2)) + log(sqrt(v) B(v/2, 1/2)) + log s}. */
  static double studentTEntropy(double[] p) {
    double v = p[0];
    return (v + 1) / 2 * (digamma((v + 1) / 2) - digamma(v / 2)) + 0.5 * Math.log(v)
        + org.apache.commons.math3.special.Beta.logBeta(v / 2, 0.5) + Math.log(p[2]);
  }

  /** {@code k/2 + log(2 Gamma(k/2)) + (1 - k/2) psi(k/2)}. */
  static double chi2Entropy(double[] p) {
    double h = p[0] / 2;
    return h + Math.log(2) + logGamma(h) + (1 - h) * digamma(h);
  }

  /** {@code a + log(b Gamma(a)) - (1 + a) psi(a)}. */
  static double inverseGammaEntropy(double[] p) {
    double a = p[0];
    return a + Math.log(p[1]) + logGamma(a) - (1 + a) * digamma(a);
  }

  /** {@code a - log b + log Gamma(a) + (1 - a) psi(a)}. */
  static double gammaEntropy(double[] p) {
    double a = p[0];
    return a - Math.log(p[1]) + logGamma(a) + (1 - a) * digamma(a);
  }

  /** {@code log B(a, b) - (a - 1) psi(a) - (b - 1) psi(b) + (a + b - 2) psi(a + b)}. */
  static double betaEntropy(double[] p) {
    double a = p[0];
    double b = p[1];
    return org.apache.commons.math3.special.Beta.logBeta(a, b) - (a - 1) * digamma(a) - (b - 1) * digamma(b)
        + (a + b - 2) * digamma(a + b);
  }

  // commons-math's special functions, spelled out: its Gamma and Beta share names with ours.
  static double digamma(double x) {
    return org.apache.commons.math3.special.Gamma.digamma(x);
  }

  static double logGamma(double x) {
    return org.apache.commons.math3.special.Gamma.logGamma(x);
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
