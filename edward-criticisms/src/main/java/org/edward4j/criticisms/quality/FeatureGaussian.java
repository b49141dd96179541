package org.edward4j.criticisms.quality;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * A Gaussian fitted to feature vectors: their mean and unbiased covariance, the summary the
 * Frechet distance compares.
 *
 * <p>{@code mean = (1/n) sum_i f_i}, {@code covariance = (1/(n-1)) sum_i (f_i - mean)(f_i -
 * mean)^T}, as {@code numpy.cov} computes it (commons-math's {@link Covariance} does the sums in
 * double precision).
 *
 * <pre>{@code
 * FeatureGaussian real = FeatureGaussian.fit(classifier.classify(testImages));
 * FeatureGaussian fake = FeatureGaussian.fit(classifier.classify(generatedImages));
 * double fid = FrechetDistance.between(real, fake);
 * }</pre>
 *
 * @param mean the mean, length {@code d}
 * @param covariance the {@code d x d} covariance
 * @param count the number of vectors it was fitted to ({@code 0} when given directly)
 */
public record FeatureGaussian(double[] mean, RealMatrix covariance, int count) {

  /**
   * Checks dimensions and finiteness.
   *
   * @param mean finite, at least one dimension
   * @param covariance finite, {@code d x d}
   * @param count the number of vectors fitted, or 0
   */
  public FeatureGaussian {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(covariance, "covariance");
    int d = mean.length;
    if (d == 0) {
      throw new IllegalArgumentException("`mean` must have at least one dimension");
    }
    if (covariance.getRowDimension() != d || covariance.getColumnDimension() != d) {
      throw new IllegalArgumentException("`covariance` must have shape [" + d + ", " + d + "] to match `mean`, got ["
          + covariance.getRowDimension() + ", " + covariance.getColumnDimension() + "]");
    }
    for (int i = 0; i < d; i++) {
      if (!Double.isFinite(mean[i])) {
        throw new IllegalArgumentException("`mean` must be finite, got " + mean[i] + " at " + i);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(covariance.getEntry(i, j))) {
          throw new IllegalArgumentException(
              "`covariance` must be finite, got " + covariance.getEntry(i, j) + " at [" + i + ", " + j + "]");
        }
      }
    }
    mean = mean.clone();
    covariance = covariance.copy();
  }

  /**
   * A Gaussian given by its parameters, e.g. for a closed-form comparison.
   *
   * @param mean the mean
   * @param covariance a symmetric positive semi-definite matrix, {@code covariance[i][j]}
   * @return the Gaussian
   */
  public static FeatureGaussian of(double[] mean, double[][] covariance) {
    Objects.requireNonNull(covariance, "covariance");
    return new FeatureGaussian(mean, new Array2DRowRealMatrix(covariance), 0);
  }

  /**
   * Fits the features of a classifier's outputs.
   *
   * @param outputs the outputs; their {@code features} are used
   * @return the fitted Gaussian
   */
  public static FeatureGaussian fit(ClassifierOutputs outputs) {
    Objects.requireNonNull(outputs, "outputs");
    return fit(outputs.features(), outputs.featureSize());
  }

  /**
   * Fits feature vectors.
   *
   * @param features {@code [n, d]} row-major, at least two rows
   * @param dimension {@code d}
   * @return the fitted Gaussian
   * @throws IllegalArgumentException for fewer than two vectors, a wrong length, or NaN
   */
  public static FeatureGaussian fit(float[] features, int dimension) {
    Objects.requireNonNull(features, "features");
    if (dimension <= 0 || features.length % dimension != 0 || features.length / dimension < 2) {
      throw new IllegalArgumentException("`features` must hold at least two vectors of dimension " + dimension
          + " (a multiple of " + dimension + " values), got " + features.length);
    }
    int n = features.length / dimension;
    double[][] rows = new double[n][dimension];
    double[] mean = new double[dimension];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dimension; j++) {
        float f = features[i * dimension + j];
        if (!Float.isFinite(f)) {
          throw new IllegalArgumentException("`features` must be finite, got " + f + " in vector " + i + " at " + j);
        }
        rows[i][j] = f;
        mean[j] += (double) f / n;
      }
    }
    RealMatrix cov = new Covariance(rows, true).getCovarianceMatrix();
    return new FeatureGaussian(mean, cov, n);
  }

  /**
   * The dimension {@code d}.
   *
   * @return the length of the mean
   */
  public int dimension() {
    return mean.length;
  }

  /**
   * The mean.
   *
   * @return a copy, length {@code d}
   */
  @Override
  public double[] mean() {
    return mean.clone();
  }

  /**
   * The covariance.
   *
   * @return a copy, {@code d x d}
   */
  @Override
  public RealMatrix covariance() {
    return covariance.copy();
  }

  @Override
  public String toString() {
    double trace = covariance.getTrace();
    return String.format("FeatureGaussian(d=%d, n=%d, trace of covariance %.4g)", mean.length, count, trace);
  }
}
