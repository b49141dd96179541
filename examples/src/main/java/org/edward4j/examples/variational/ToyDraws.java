package org.edward4j.examples.variational;

import java.util.SplittableRandom;

/**
 * The {@code numpy.random} draws Edward's variational scripts use to simulate their toy data sets,
 * from one seeded Java generator: the same seed gives the same data set on every run and machine.
 * The data are made in Java, not in the graph, as Edward makes them in NumPy before building the
 * model, so a script's data do not depend on the graph's random ops.
 */
final class ToyDraws {

  private final SplittableRandom random;
  private final long seed;

  /**
   * A generator.
   *
   * @param seed its seed
   */
  ToyDraws(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** {@code np.random.normal(loc, scale)}, by Box-Muller. */
  double normal(double loc, double scale) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return loc + scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** {@code np.random.uniform()}. */
  double uniform() {
    return random.nextDouble();
  }

  /** {@code np.random.choice(n)}. */
  int choice(int n) {
    return random.nextInt(n);
  }

  /** {@code np.random.binomial(1, p)}. */
  int bernoulli(double p) {
    return random.nextDouble() < p ? 1 : 0;
  }

  /** {@code np.random.gamma(shape, 1)}, by Marsaglia and Tsang (2000), boosted below shape 1. */
  double gamma(double shape) {
    if (shape < 1) {
      return gamma(shape + 1) * Math.pow(1.0 - random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = normal(0, 1);
      double v = Math.pow(1 + c * x, 3);
      if (v <= 0) {
        continue;
      }
      double u = 1.0 - random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /** {@code np.random.dirichlet(alpha)}: normalized Gamma draws. */
  double[] dirichlet(double[] alpha) {
    double[] g = new double[alpha.length];
    double sum = 0;
    for (int i = 0; i < alpha.length; i++) {
      g[i] = gamma(alpha[i]);
      sum += g[i];
    }
    for (int i = 0; i < g.length; i++) {
      g[i] /= sum;
    }
    return g;
  }

  /** {@code np.random.choice(len(p), p=p)}: inverse-CDF draw from a probability vector. */
  int categorical(double[] p) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int k = 0; k < p.length - 1; k++) {
      cumulative += p[k];
      if (u < cumulative) {
        return k;
      }
    }
    return p.length - 1;
  }

  /** {@code np.random.poisson(rate)}: Knuth's product of uniforms below 30, else a rounded Normal. */
  int poisson(double rate) {
    if (rate > 30) {
      // Beyond 30 the Normal approximation's error in the toy data is irrelevant to the scripts'
      // figures (the cox-process counts only feed the likelihood) and Knuth's loop would be slow.
      return (int) Math.max(0, Math.round(normal(rate, Math.sqrt(rate))));
    }
    double limit = Math.exp(-rate);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  @Override
  public String toString() {
    return "ToyDraws(seed=" + seed + ")";
  }
}
