package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Tolerances for a stochastic optimizer's answer, derived from the run itself rather than from a
 * spread seen over seeds.
 *
 * <p>With a constant (or slowly decaying) learning rate, stochastic-gradient VI does not converge to
 * the optimum: its iterates reach a stationary distribution around it whose spread the gradient's
 * Monte Carlo noise and the learning rate set. The average of the last {@code n} iterates estimates
 * the centre of that distribution; its standard error accounts for the iterates' autocorrelation,
 * which a naive {@code sd / sqrt(n)} ignores, as the larger of two estimates: batch means ({@code
 * b} consecutive batches of {@code n / b} iterates, nearly independent once a batch is longer than
 * the autocorrelation time) and the long-run error of an AR(1) fit (right when the autocorrelation
 * time exceeds a batch, as for score-function gradients, whose noise makes Adam's contraction per
 * step small). Under the CLT the standardized error is Student-t with {@code
 * b - 1} degrees of freedom: with {@code b = 20}, {@code |t| > 4.6} has probability 1e-4, the
 * false-failure rate these tests accept.
 *
 * <p>The centre equals the optimum when the expected gradient is linear in the parameter (a
 * Gaussian posterior's location). Through a nonlinear map (the scale as {@code softplus(rho)}) the
 * mean of the image differs from the image of the mean by {@code f''/2 Var(rho)} to second order;
 * {@link Summary#curvatureBias} states that allowance.
 */
final class StationaryIterates {

  /** Student-t quantile for 19 degrees of freedom at two-sided probability 1e-4. */
  static final double T_19 = 4.6;
  static final int BATCHES = 20;

  private StationaryIterates() {}

  /** Average, batch-means standard error and variance of one coordinate's recorded iterates. */
  record Summary(double mean, double standardError, double variance) {

    /**
     * {@code |f''| / (2 f'^2) Var(f(rho))}: the second-order gap between the average of {@code
     * f(rho_t)} and {@code f} of the centre, for {@code f = softplus} at the value {@code s}.
     */
    double curvatureBias(double s) {
      double rho = Math.log(Math.expm1(s));
      double f1 = 1 / (1 + Math.exp(-rho));
      double f2 = f1 * (1 - f1);
      return f2 / (2 * f1 * f1) * variance;
    }

    /** Asserts {@code |mean - expected| <= T_19 * standardError + bias}, with the figures in the message. */
    void assertNear(double expected, double bias, String what) {
      double tol = T_19 * standardError + bias;
      assertTrue(Math.abs(mean - expected) <= tol, String.format(
          "%s: average of the last iterates %.5f, expected %.5f, tolerance %.5f (t_19 %.1f x SE %.5f + bias %.5f)",
          what, mean, expected, tol, T_19, standardError, bias));
    }
  }

  /**
   * The delta method's second-order allowance for a smooth function {@code f} of two optimized
   * parameters: {@code E[f(x, y)] - f(E x, E y) = 1/2 (f_xx Var x + 2 f_xy Cov(x, y) + f_yy Var y)}
   * to second order. The covariance is bounded by Cauchy-Schwarz, {@code |Cov| <= sd_x sd_y}, so
   * the allowance bounds the magnitude of that term whatever the iterates' correlation:
   * {@code 1/2 (|f_xx| Var x + 2 |f_xy| sd_x sd_y + |f_yy| Var y)}. The second derivatives are
   * central differences (step 1e-3, in double precision: truncation error ~1e-6 relative) at the
   * iterates' averages.
   */
  static double curvatureBias(java.util.function.DoubleBinaryOperator f, Summary x, Summary y) {
    double h = 1e-3;
    double u = x.mean();
    double v = y.mean();
    double fxx = (f.applyAsDouble(u + h, v) - 2 * f.applyAsDouble(u, v) + f.applyAsDouble(u - h, v)) / (h * h);
    double fyy = (f.applyAsDouble(u, v + h) - 2 * f.applyAsDouble(u, v) + f.applyAsDouble(u, v - h)) / (h * h);
    double fxy = (f.applyAsDouble(u + h, v + h) - f.applyAsDouble(u + h, v - h)
        - f.applyAsDouble(u - h, v + h) + f.applyAsDouble(u - h, v - h)) / (4 * h * h);
    return 0.5 * (Math.abs(fxx) * x.variance() + 2 * Math.abs(fxy) * Math.sqrt(x.variance() * y.variance())
        + Math.abs(fyy) * y.variance());
  }

  /** {@code log(1 + e^x)}, computed without overflow: the positivity map of the tests' parameters. */
  static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** Mean of Beta(softplus(a), softplus(b)). */
  static double betaMean(double a, double b) {
    double c1 = softplus(a);
    double c0 = softplus(b);
    return c1 / (c1 + c0);
  }

  /** Standard deviation of Beta(softplus(a), softplus(b)). */
  static double betaSd(double a, double b) {
    double c1 = softplus(a);
    double c0 = softplus(b);
    double n = c1 + c0;
    return Math.sqrt(c1 * c0 / (n * n * (n + 1)));
  }

  /**
   * Runs {@code total} updates and records {@code values} after each of the last {@code recorded}.
   *
   * @return one summary per element of {@code values}
   */
  static Summary[] record(ModelContext ctx, Inference<?> inference, List<Operand<TFloat32>> values, int total, int recorded) {
    double[][] trace = trace(ctx, inference, values, total, recorded).values();
    Summary[] out = new Summary[values.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = summarize(trace[k]);
    }
    return out;
  }

  /** The recorded iterates, one row per value, and the loss each recorded update reported (NaN if none). */
  record Trace(double[][] values, double[] losses) {}

  /**
   * Runs {@code total} updates and keeps {@code values} (flattened, one row per entry) and the
   * loss after each of the last {@code recorded}.
   */
  static Trace trace(ModelContext ctx, Inference<?> inference, List<Operand<TFloat32>> values, int total, int recorded) {
    if (recorded % BATCHES != 0 || recorded > total) {
      throw new IllegalArgumentException("recorded must be a multiple of " + BATCHES + " and at most total");
    }
    Ops tf = ctx.tf();
    List<Operand<TFloat32>> flattened = values.stream()
        .map(v -> (Operand<TFloat32>) tf.reshape(v, tf.constant(new int[] {-1}))).toList();
    // ConcatV2 needs at least two inputs: TF Java's tf.concat of a one-element list fails natively.
    Operand<TFloat32> flat = flattened.size() == 1 ? flattened.get(0) : tf.concat(flattened, tf.constant(0));
    double[][] trace = null;
    double[] losses = new double[recorded];
    for (int t = 0; t < total; t++) {
      double loss = inference.update().values().getOrDefault("loss", Double.NaN);
      int r = t - (total - recorded);
      if (r >= 0) {
        float[] v = ctx.eval(flat).data();
        if (trace == null) {
          trace = new double[v.length][recorded];
        }
        for (int k = 0; k < v.length; k++) {
          trace[k][r] = v[k];
        }
        losses[r] = loss;
      }
    }
    inference.finish();
    return new Trace(trace, losses);
  }

  /**
   * Like {@link #summarize}, but the long-run error from Geyer's initial positive sequence instead of
   * an AR(1) fit: for Adam, whose momentum makes consecutive iterates nearly equal, the lag-1
   * correlation is close to 1 even when the iterates decorrelate within tens of steps, so the AR(1)
   * extrapolation {@code 1 / (1 - phi)} overstates the error 5 to 10 times (measured on the
   * AutoTransform traces: phi 0.998, integrated autocorrelation time 30 to 50 steps). Geyer (1992,
   * "Practical Markov chain Monte Carlo", Statistical Science 7) sums the empirical
   * autocorrelations in pairs {@code rho_2m + rho_2m+1} up to the first non-positive pair, made
   * monotone: {@code tau = -1 + 2 sum_m Gamma_m}, {@code SE = sd sqrt(tau / n)}, which holds for any
   * stationary, mixing series; the standard error is the larger of that and batch means. The
   * estimate of {@code tau} itself is only sound when the window spans many autocorrelation
   * times, so this asserts {@code n >= 10 tau}: a window still drifting towards the optimum (whose
   * autocorrelations stay positive) fails here instead of passing with a meaningless error.
   */
  static Summary summarizeByAutocorrelation(double[] x, String what) {
    Summary ar1 = summarize(x);
    double tau = autocorrelationTime(x);
    assertTrue(x.length >= 10 * tau, String.format(
        "%s: the window of %d iterates spans only %.1f autocorrelation times (tau %.1f): not yet stationary",
        what, x.length, x.length / tau, tau));
    double geyer = Math.sqrt(ar1.variance() * tau / x.length);
    return new Summary(ar1.mean(), Math.max(batchMeansError(x, ar1.mean()), geyer), ar1.variance());
  }

  /** Geyer's initial monotone positive sequence estimate of the integrated autocorrelation time. */
  static double autocorrelationTime(double[] x) {
    int n = x.length;
    double mean = 0;
    for (double v : x) {
      mean += v / n;
    }
    double c0 = autocovariance(x, mean, 0);
    if (c0 == 0) {
      return 1;
    }
    double tau = -1;
    double previous = Double.POSITIVE_INFINITY;
    for (int m = 0; 2 * m + 1 < n / 2; m++) {
      double pair = (autocovariance(x, mean, 2 * m) + autocovariance(x, mean, 2 * m + 1)) / c0;
      if (pair <= 0) {
        break;
      }
      previous = Math.min(previous, pair);
      tau += 2 * previous;
    }
    return Math.max(tau, 1);
  }

  /** The standard error of the mean from {@link #BATCHES} consecutive batch means. */
  private static double batchMeansError(double[] x, double mean) {
    int len = x.length / BATCHES;
    double between = 0;
    for (int b = 0; b < BATCHES; b++) {
      double m = 0;
      for (int i = b * len; i < (b + 1) * len; i++) {
        m += x[i] / len;
      }
      between += (m - mean) * (m - mean) / (BATCHES - 1);
    }
    return Math.sqrt(between / BATCHES);
  }

  private static double autocovariance(double[] x, double mean, int lag) {
    double s = 0;
    for (int i = 0; i + lag < x.length; i++) {
      s += (x[i] - mean) * (x[i + lag] - mean);
    }
    return s / x.length;
  }

  static Summary summarize(double[] x) {
    int n = x.length;
    double mean = 0;
    for (double v : x) {
      mean += v / n;
    }
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean) / (n - 1);
    }
    double batchMeans = batchMeansError(x, mean);
    // AR(1) long-run error: x_{t+1} - m = phi (x_t - m) + e_t gives the spectral density at 0,
    // sigma_e^2 / (1 - phi)^2, hence SE = sigma_e / ((1 - phi) sqrt(n)). This is the model of SGD
    // (or Adam, whose steps have a roughly constant size) on a locally quadratic loss: phi = 1 - c
    // with c the contraction per step (learning rate x curvature / gradient noise under Adam).
    // When c is small the autocorrelation time 1/c exceeds a batch and batch means understate the
    // error; phi is capped at 0.999 so a trace too short to resolve c still gets a finite, large SE.
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i + 1 < n; i++) {
      sxx += (x[i] - mean) * (x[i] - mean);
      sxy += (x[i] - mean) * (x[i + 1] - mean);
    }
    double phi = sxx > 0 ? Math.min(0.999, Math.max(0, sxy / sxx)) : 0;
    double se2 = 0;
    for (int i = 0; i + 1 < n; i++) {
      double e = (x[i + 1] - mean) - phi * (x[i] - mean);
      se2 += e * e / (n - 2);
    }
    double ar1 = Math.sqrt(se2) / (1 - phi) / Math.sqrt(n);
    return new Summary(mean, Math.max(batchMeans, ar1), var);
  }
}
