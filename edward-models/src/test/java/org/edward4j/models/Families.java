package org.edward4j.models;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.GeometricDistribution;
import org.apache.commons.math3.distribution.PascalDistribution;
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
            Families::betaEntropy));
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
            (s, p) -> Poisson.of(s, p.get(0)), p -> new PoissonDistribution(p[0])),
        // dists-b: count families (TensorFlow's NegativeBinomial(r, p) is commons-math's Pascal(r, 1 - p)).
        new Discrete("Binomial(5, probs=0.3)", List.of("totalCount", "probs"), new double[] {5, 0.3},
            (s, p) -> Binomial.of(s, p.get(0), p.get(1)), p -> new BinomialDistribution((int) p[0], p[1])),
        new Discrete("Binomial(12, logits=0.4)", List.of("totalCount", "logits"), new double[] {12, 0.4},
            (s, p) -> Binomial.builder(s).totalCount(p.get(0)).logits(p.get(1)).build(),
            p -> new BinomialDistribution((int) p[0], sigmoid(p[1]))),
        new Discrete("NegativeBinomial(3, probs=0.4)", List.of("totalCount", "probs"), new double[] {3, 0.4},
            (s, p) -> NegativeBinomial.of(s, p.get(0), p.get(1)), p -> new PascalDistribution((int) p[0], 1 - p[1])),
        new Discrete("NegativeBinomial(2, logits=-0.5)", List.of("totalCount", "logits"), new double[] {2, -0.5},
            (s, p) -> NegativeBinomial.builder(s).totalCount(p.get(0)).logits(p.get(1)).build(),
            p -> new PascalDistribution((int) p[0], 1 - sigmoid(p[1]))),
        new Discrete("Geometric(probs=0.3)", List.of("probs"), new double[] {0.3},
            (s, p) -> Geometric.ofProbs(s, p.get(0)), p -> new GeometricDistribution(p[0])),
        new Discrete("Geometric(logits=0.5)", List.of("logits"), new double[] {0.5},
            (s, p) -> Geometric.builder(s).logits(p.get(0)).build(), p -> new GeometricDistribution(sigmoid(p[0]))));
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
