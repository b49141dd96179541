package org.edward4j.criticisms.diagnostics;

import java.util.Objects;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * The autocovariance and autocorrelation of one chain, by fast Fourier transform (Geyer 1992's
 * estimator, dividing by {@code n} at every lag so the sequence is positive definite).
 *
 * <p>{@code acov(t) = (1/n) sum_{i < n-t} (x_i - mean)(x_{i+t} - mean)} and {@code rho(t) =
 * acov(t) / acov(0)}. The transform is zero-padded to a power of two of at least {@code 2n}, so
 * there is no wrap-around; cost {@code O(n log n)}.
 *
 * <pre>{@code
 * double[] rho = Autocorrelation.of(new double[] {1, 2, 3, 4, 3, 2, 1, 2}, 3);
 * // rho[0] == 1
 * }</pre>
 */
public final class Autocorrelation {

  private Autocorrelation() {}

  /**
   * The autocovariances at lags {@code 0 .. n-1}.
   *
   * @param chain the draws of one chain, finite, at least two
   * @return {@code acov[t]} for {@code t = 0 .. n-1}, dividing by {@code n}
   * @throws IllegalArgumentException if {@code chain} is null, shorter than two or not finite
   */
  public static double[] autocovariance(double[] chain) {
    Objects.requireNonNull(chain, "chain");
    Chains.check("chain", new double[][] {chain}, 2);
    int n = chain.length;
    double mu = Chains.mean(chain);
    int size = Integer.highestOneBit(2 * n - 1) << 1;
    // Real and imaginary parts in primitive arrays: no Complex object per point.
    double[][] ri = new double[2][size];
    for (int i = 0; i < n; i++) {
      ri[0][i] = chain[i] - mu;
    }
    FastFourierTransformer.transformInPlace(ri, DftNormalization.STANDARD, TransformType.FORWARD);
    for (int i = 0; i < size; i++) {
      ri[0][i] = ri[0][i] * ri[0][i] + ri[1][i] * ri[1][i];
      ri[1][i] = 0;
    }
    FastFourierTransformer.transformInPlace(ri, DftNormalization.STANDARD, TransformType.INVERSE);
    double[] acov = new double[n];
    for (int t = 0; t < n; t++) {
      acov[t] = ri[0][t] / n;
    }
    return acov;
  }

  /**
   * The autocorrelations at lags {@code 0 .. maxLag}.
   *
   * @param chain the draws of one chain, finite, at least two
   * @param maxLag the largest lag, {@code 0 <= maxLag < chain.length}
   * @return {@code rho[t]} for {@code t = 0 .. maxLag}; {@code rho[0] = 1}; NaN everywhere when
   *     the chain is constant
   * @throws IllegalArgumentException for a bad chain or a lag out of range
   */
  public static double[] of(double[] chain, int maxLag) {
    Objects.requireNonNull(chain, "chain");
    if (maxLag < 0 || maxLag >= chain.length) {
      throw new IllegalArgumentException(
          "`maxLag` must be in [0, " + (chain.length - 1) + "] for a chain of " + chain.length + " draws, got " + maxLag);
    }
    double[] acov = autocovariance(chain);
    double[] rho = new double[maxLag + 1];
    for (int t = 0; t <= maxLag; t++) {
      rho[t] = acov[t] / acov[0];
    }
    return rho;
  }
}
