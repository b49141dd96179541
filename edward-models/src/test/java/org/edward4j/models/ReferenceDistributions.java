package org.edward4j.models;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Reference distributions commons-math lacks, written here from their textbook densities and
 * cdfs (in double precision) so the catalogue's families are checked against an independent
 * implementation: half-normal, half-Cauchy, location-scale shifts (Student's t), Kumaraswamy,
 * inverse-gamma and von Mises. Where no closed form exists (von Mises cdf, Kumaraswamy moments,
 * circular variance), they integrate numerically with Simpson's rule on a fine grid (error far
 * below float32 resolution for these smooth densities).
 */
final class ReferenceDistributions {

  private ReferenceDistributions() {}

  /** A continuous distribution from a density and cdf; quantiles by commons-math's solver unless overridden. */
  abstract static class Reference extends AbstractRealDistribution {
    private final double lower;
    private final double upper;

    Reference(double lower, double upper) {
      super(null);
      this.lower = lower;
      this.upper = upper;
    }

    @Override
    public double getSupportLowerBound() {
      return lower;
    }

    @Override
    public double getSupportUpperBound() {
      return upper;
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
      return true;
    }

    @Override
    public boolean isSupportUpperBoundInclusive() {
      return true;
    }

    @Override
    public boolean isSupportConnected() {
      return true;
    }

    @Override
    public double density(double x) {
      return Math.exp(logDensity(x));
    }
  }

  /** {@code |N(0, s^2)|}. */
  static Reference halfNormal(double s) {
    return new Reference(0, Double.POSITIVE_INFINITY) {
      @Override
      public double logDensity(double x) {
        return x < 0 ? Double.NEGATIVE_INFINITY : 0.5 * Math.log(2 / Math.PI) - Math.log(s) - x * x / (2 * s * s);
      }

      @Override
      public double cumulativeProbability(double x) {
        return x <= 0 ? 0 : Erf.erf(x / (s * Math.sqrt(2)));
      }

      @Override
      public double inverseCumulativeProbability(double p) {
        return s * Math.sqrt(2) * Erf.erfInv(p);
      }

      @Override
      public double getNumericalMean() {
        return s * Math.sqrt(2 / Math.PI);
      }

      @Override
      public double getNumericalVariance() {
        return s * s * (1 - 2 / Math.PI);
      }
    };
  }

  /** A Cauchy folded at {@code loc}. */
  static Reference halfCauchy(double loc, double s) {
    return new Reference(loc, Double.POSITIVE_INFINITY) {
      @Override
      public double logDensity(double x) {
        double z = (x - loc) / s;
        return x < loc ? Double.NEGATIVE_INFINITY : Math.log(2 / (Math.PI * s * (1 + z * z)));
      }

      @Override
      public double cumulativeProbability(double x) {
        return x <= loc ? 0 : 2 / Math.PI * Math.atan((x - loc) / s);
      }

      @Override
      public double inverseCumulativeProbability(double p) {
        return loc + s * Math.tan(Math.PI * p / 2);
      }

      @Override
      public double getNumericalMean() {
        return Double.NaN;
      }

      @Override
      public double getNumericalVariance() {
        return Double.NaN;
      }
    };
  }

  /** {@code loc + scale X} for {@code X ~ base}. */
  static Reference locationScale(AbstractRealDistribution base, double loc, double scale) {
    return new Reference(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY) {
      @Override
      public double logDensity(double x) {
        return base.logDensity((x - loc) / scale) - Math.log(scale);
      }

      @Override
      public double cumulativeProbability(double x) {
        return base.cumulativeProbability((x - loc) / scale);
      }

      @Override
      public double inverseCumulativeProbability(double p) {
        return loc + scale * base.inverseCumulativeProbability(p);
      }

      @Override
      public double getNumericalMean() {
        return loc + scale * base.getNumericalMean();
      }

      @Override
      public double getNumericalVariance() {
        return scale * scale * base.getNumericalVariance();
      }
    };
  }

  /**
   * {@code base} with its moments replaced: commons-math 3.6's {@code GumbelDistribution} takes
   * Euler's constant as {@code pi / (2 e) = 0.5778} (it is 0.5772) and {@code LogisticDistribution}
   * returns the variance {@code pi^2 / (3 s^2)} instead of {@code pi^2 s^2 / 3}; their densities and
   * cdfs are right.
   */
  static Reference withMoments(AbstractRealDistribution base, double mean, double variance) {
    return new Reference(base.getSupportLowerBound(), base.getSupportUpperBound()) {
      @Override
      public double logDensity(double x) {
        return base.logDensity(x);
      }

      @Override
      public double cumulativeProbability(double x) {
        return base.cumulativeProbability(x);
      }

      @Override
      public double inverseCumulativeProbability(double p) {
        return base.inverseCumulativeProbability(p);
      }

      @Override
      public double getNumericalMean() {
        return mean;
      }

      @Override
      public double getNumericalVariance() {
        return variance;
      }
    };
  }

  /** Density {@code a b x^(a-1) (1 - x^a)^(b-1)} on [0, 1]; moments by integration. */
  static Reference kumaraswamy(double a, double b) {
    return new Reference(0, 1) {
      @Override
      public double logDensity(double x) {
        if (x < 0 || x > 1) {
          return Double.NEGATIVE_INFINITY;
        }
        return Math.log(a * b) + (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-Math.pow(x, a));
      }

      @Override
      public double cumulativeProbability(double x) {
        return x <= 0 ? 0 : x >= 1 ? 1 : 1 - Math.pow(1 - Math.pow(x, a), b);
      }

      @Override
      public double inverseCumulativeProbability(double p) {
        return Math.pow(1 - Math.pow(1 - p, 1 / b), 1 / a);
      }

      @Override
      public double getNumericalMean() {
        return integrateOverQuantiles(this, x -> x);
      }

      @Override
      public double getNumericalVariance() {
        double m = getNumericalMean();
        return integrateOverQuantiles(this, x -> (x - m) * (x - m));
      }
    };
  }

  /** {@code 1 / Gamma(a, rate b)}: density {@code b^a x^(-a-1) e^(-b/x) / Gamma(a)}. */
  static Reference inverseGamma(double a, double b) {
    return new Reference(0, Double.POSITIVE_INFINITY) {
      @Override
      public double logDensity(double x) {
        return x <= 0 ? Double.NEGATIVE_INFINITY : a * Math.log(b) - Gamma.logGamma(a) - (a + 1) * Math.log(x) - b / x;
      }

      @Override
      public double cumulativeProbability(double x) {
        return x <= 0 ? 0 : Gamma.regularizedGammaQ(a, b / x);
      }

      @Override
      public double getNumericalMean() {
        return a > 1 ? b / (a - 1) : Double.NaN;
      }

      @Override
      public double getNumericalVariance() {
        return a > 2 ? b * b / ((a - 1) * (a - 1) * (a - 2)) : Double.NaN;
      }
    };
  }

  /**
   * Von Mises on [-pi, pi]: density {@code exp(k cos(x - m)) / (2 pi I0(k))} with {@code I0} from its
   * power series; the cdf is a table of Simpson integrals; "mean" is {@code m} and "variance" the
   * circular variance {@code 1 - E[cos(x - m)]}, both as TensorFlow Probability defines them.
   */
  static Reference vonMises(double m, double k) {
    int cells = 1 << 14;
    double h = 2 * Math.PI / cells;
    double logNorm = Math.log(2 * Math.PI * besselI0(k));
    double[] cdf = new double[cells + 1];
    for (int i = 0; i < cells; i++) {
      double x0 = -Math.PI + i * h;
      double f0 = Math.exp(k * Math.cos(x0 - m) - logNorm);
      double f1 = Math.exp(k * Math.cos(x0 + h / 2 - m) - logNorm);
      double f2 = Math.exp(k * Math.cos(x0 + h - m) - logNorm);
      cdf[i + 1] = cdf[i] + h / 6 * (f0 + 4 * f1 + f2);
    }
    return new Reference(-Math.PI, Math.PI) {
      @Override
      public double logDensity(double x) {
        return x < -Math.PI || x > Math.PI ? Double.NEGATIVE_INFINITY : k * Math.cos(x - m) - logNorm;
      }

      @Override
      public double cumulativeProbability(double x) {
        if (x <= -Math.PI) {
          return 0;
        }
        if (x >= Math.PI) {
          return 1;
        }
        double pos = (x + Math.PI) / h;
        int i = Math.min((int) pos, cells - 1);
        // Inside a cell, integrate the density from the cell's start with Simpson's rule.
        double x0 = -Math.PI + i * h;
        double w = x - x0;
        double f0 = density(x0);
        double f1 = density(x0 + w / 2);
        double f2 = density(x);
        return cdf[i] + w / 6 * (f0 + 4 * f1 + f2);
      }

      @Override
      public double getNumericalMean() {
        return m;
      }

      @Override
      public double getNumericalVariance() {
        double meanCos = 0;
        for (int i = 0; i < cells; i++) {
          double x0 = -Math.PI + i * h;
          meanCos += h / 6 * (density(x0) * Math.cos(x0 - m) + 4 * density(x0 + h / 2) * Math.cos(x0 + h / 2 - m)
              + density(x0 + h) * Math.cos(x0 + h - m));
        }
        return 1 - meanCos;
      }
    };
  }

  /** {@code I0(k) = sum (k/2)^(2j) / (j!)^2}. */
  static double besselI0(double k) {
    double term = 1;
    double sum = 1;
    for (int j = 1; j < 200; j++) {
      term *= (k / 2) * (k / 2) / ((double) j * j);
      sum += term;
    }
    return sum;
  }

  /** {@code -integral p log p} over the support, by Simpson's rule on the quantile scale. */
  static double entropy(AbstractRealDistribution d) {
    return integrateOverQuantiles(d, x -> -d.logDensity(x));
  }

  /** {@code -integral p log p} over {@code [lo, hi]} for a smooth bounded density, by Simpson's rule. */
  static double entropyOnInterval(AbstractRealDistribution d, double lo, double hi) {
    int cells = 1 << 14;
    double h = (hi - lo) / cells;
    double sum = 0;
    for (int i = 0; i < cells; i++) {
      double x0 = lo + i * h;
      sum += h / 6 * (plogp(d, x0) + 4 * plogp(d, x0 + h / 2) + plogp(d, x0 + h));
    }
    return -sum;
  }

  private static double plogp(AbstractRealDistribution d, double x) {
    double lp = d.logDensity(x);
    return Math.exp(lp) * lp;
  }

  /**
   * {@code E[f(X)] = integral_0^1 f(F^-1(u)) du} by the midpoint rule on 200,000 cells; the
   * substitution keeps the integrand bounded where a density is not.
   */
  static double integrateOverQuantiles(AbstractRealDistribution d, java.util.function.DoubleUnaryOperator f) {
    int cells = 200_000;
    double sum = 0;
    for (int i = 0; i < cells; i++) {
      sum += f.applyAsDouble(d.inverseCumulativeProbability((i + 0.5) / cells));
    }
    return sum / cells;
  }
}
