package org.edward4j.examples.montecarlo;

import java.util.Arrays;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.criticisms.diagnostics.EffectiveSampleSize;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The draws of one chain as an {@code Empirical}'s {@code params} holds them, copied into Java:
 * {@code draws} rows of {@code width} coordinates (the latent's shape flattened row-major), with
 * the posterior summaries Edward's scripts print and the Monte Carlo errors that say how far those
 * summaries may be from the truth.
 *
 * <p>Edward's {@code Empirical} divides by {@code n} for its standard deviation, and so does {@link
 * #sd(int)}. The Monte Carlo standard error of a mean is {@code sd / sqrt(ESS)} (the effective
 * sample size from Geyer's initial monotone sequence); that of a standard deviation comes from the
 * draws of {@code (z - mean)^2} and their own ESS by the delta method, {@code se(sd) = se(var) / (2
 * sd)}.
 *
 * @param name the latent's name, for messages and plots
 * @param draws the number of rows
 * @param width the number of coordinates per row
 * @param values the rows, {@code draws * width} values
 */
public record ChainDraws(String name, int draws, int width, float[] values) {

  /**
   * Checks the sizes.
   *
   * @throws IllegalArgumentException if {@code values} does not hold {@code draws * width} values
   */
  public ChainDraws {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    if (draws < 1 || width < 1 || (long) draws * width != values.length) {
      throw new IllegalArgumentException("`values` must hold draws * width = " + draws + " * " + width
          + " numbers, got " + values.length);
    }
  }

  /**
   * Fetches the draws stored in {@code params}, a tensor of shape {@code [T] + event}.
   *
   * @param ctx the context that owns {@code params}
   * @param name the latent's name
   * @param params the {@code Empirical}'s {@code params}
   * @return its {@code T} rows
   */
  public static ChainDraws fetch(ModelContext ctx, String name, Operand<TFloat32> params) {
    TensorValue v = ctx.eval(params);
    int t = Math.toIntExact(v.shape()[0]);
    return new ChainDraws(name, t, v.data().length / t, v.data());
  }

  /**
   * The rows after the first {@code n} (a chain's burn-in dropped).
   *
   * @param n rows to drop, {@code 0 <= n < draws}
   * @return the remaining rows
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public ChainDraws dropFirst(int n) {
    if (n < 0 || n >= draws) {
      throw new IllegalArgumentException("`n` must be in [0, " + (draws - 1) + "] for the " + draws
          + " draws of " + name + ", got " + n);
    }
    return new ChainDraws(name, draws - n, width, Arrays.copyOfRange(values, n * width, values.length));
  }

  /**
   * The draws of one coordinate.
   *
   * @param j the coordinate, {@code 0 <= j < width}
   * @return its {@code draws} values
   */
  public double[] coordinate(int j) {
    Objects.checkIndex(j, width);
    double[] c = new double[draws];
    for (int t = 0; t < draws; t++) {
      c[t] = values[t * width + j];
    }
    return c;
  }

  /**
   * The posterior mean of a coordinate.
   *
   * @param j the coordinate
   * @return the mean of its draws
   */
  public double mean(int j) {
    return mean(coordinate(j));
  }

  /**
   * The posterior standard deviation of a coordinate, dividing by the number of draws as Edward's
   * {@code Empirical.stddev()}.
   *
   * @param j the coordinate
   * @return the standard deviation of its draws
   */
  public double sd(int j) {
    double[] c = coordinate(j);
    double m = mean(c);
    double s = 0;
    for (double x : c) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / c.length);
  }

  /**
   * The effective sample size of a coordinate's draws.
   *
   * @param j the coordinate
   * @return Geyer's estimate; NaN for constant draws
   */
  public double ess(int j) {
    return EffectiveSampleSize.of(coordinate(j));
  }

  /**
   * The Monte Carlo standard error of a coordinate's mean, {@code sd / sqrt(ESS)}.
   *
   * @param j the coordinate
   * @return the standard error; NaN for constant draws
   */
  public double mcseMean(int j) {
    return sd(j) / Math.sqrt(ess(j));
  }

  /**
   * The Monte Carlo standard error of a coordinate's standard deviation, from the draws of {@code
   * (z - mean)^2}: {@code se(sd) = sd((z - mean)^2) / sqrt(ESS((z - mean)^2)) / (2 sd)}.
   *
   * @param j the coordinate
   * @return the standard error; NaN for constant draws
   */
  public double mcseSd(int j) {
    double[] c = coordinate(j);
    double m = mean(c);
    double[] sq = new double[c.length];
    for (int t = 0; t < c.length; t++) {
      sq[t] = (c[t] - m) * (c[t] - m);
    }
    double sqMean = mean(sq);
    double sqVar = 0;
    for (double x : sq) {
      sqVar += (x - sqMean) * (x - sqMean);
    }
    double seVar = Math.sqrt(sqVar / sq.length / EffectiveSampleSize.of(sq));
    return seVar / (2 * Math.sqrt(sqMean));
  }

  /**
   * The means of every coordinate.
   *
   * @return {@code width} means
   */
  public double[] means() {
    double[] m = new double[width];
    for (int j = 0; j < width; j++) {
      m[j] = mean(j);
    }
    return m;
  }

  /**
   * The standard deviations of every coordinate.
   *
   * @return {@code width} standard deviations
   */
  public double[] sds() {
    double[] s = new double[width];
    for (int j = 0; j < width; j++) {
      s[j] = sd(j);
    }
    return s;
  }

  /**
   * The fraction of transitions that moved the chain: rows that differ from the row before them.
   * For a Metropolis-corrected sampler (HMC, Metropolis-Hastings) this is the acceptance rate,
   * read from the draws themselves.
   *
   * @return in {@code [0, 1]}; 0 for a single draw
   */
  public double moveRate() {
    int moved = 0;
    for (int t = 1; t < draws; t++) {
      if (!Arrays.equals(values, t * width, (t + 1) * width, values, (t - 1) * width, t * width)) {
        moved++;
      }
    }
    return draws == 1 ? 0 : (double) moved / (draws - 1);
  }

  /**
   * Numbers as numpy prints a vector, e.g. {@code [0.9871 1.0213]}.
   *
   * @param v the numbers
   * @return them in brackets, four decimals each
   */
  public static String format(double... v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.4f", v[i]));
    }
    return sb.append("]").toString();
  }

  private static double mean(double[] c) {
    double s = 0;
    for (double x : c) {
      s += x;
    }
    return s / c.length;
  }

  @Override
  public String toString() {
    return "ChainDraws[" + name + ": " + draws + " draws of " + width + "]";
  }
}
