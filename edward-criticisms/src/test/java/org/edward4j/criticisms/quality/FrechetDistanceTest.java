package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

  // Eigen decompositions of small well-conditioned matrices in double precision are accurate to
  // about 1e-14 relative; 1e-9 is far below any formula error (of order 0.01 or more here).
  private static final double TOL = 1e-9;

  @Test
  void identicalGaussiansAreAtDistanceZero() {
    FeatureGaussian g = FeatureGaussian.of(new double[] {1, 2, 3}, new double[][] {{2, 0.5, 0}, {0.5, 1, 0.2}, {0, 0.2, 3}});
    assertEquals(0.0, FrechetDistance.between(g, g), TOL);
  }

  @Test
  void commutingCovariancesMatchTheDiagonalClosedForm() {
    // For diagonal S1, S2: d^2 = |mu1 - mu2|^2 + sum_i (sqrt(a_i) - sqrt(b_i))^2.
    double[] a = {4, 1, 0.25};
    double[] b = {1, 9, 0.25};
    FeatureGaussian g1 = FeatureGaussian.of(new double[] {0, 0, 0}, diag(a));
    FeatureGaussian g2 = FeatureGaussian.of(new double[] {1, -2, 0.5}, diag(b));
    double expected = 1 + 4 + 0.25;
    for (int i = 0; i < 3; i++) {
      expected += Math.pow(Math.sqrt(a[i]) - Math.sqrt(b[i]), 2);
    }
    assertEquals(expected, FrechetDistance.between(g1, g2), TOL);
  }

  @Test
  void nonCommutingTwoByTwoCovariancesMatchTheClosedForm() {
    // For 2x2 P = S1 S2 with eigenvalues l1, l2 >= 0: Tr(P^(1/2)) = sqrt(l1) + sqrt(l2)
    // = sqrt(Tr P + 2 sqrt(det P)).
    double[][] s1 = {{2, 0.8}, {0.8, 1}};
    double[][] s2 = {{1, -0.3}, {-0.3, 3}};
    RealMatrix p = new Array2DRowRealMatrix(s1).multiply(new Array2DRowRealMatrix(s2));
    double det = p.getEntry(0, 0) * p.getEntry(1, 1) - p.getEntry(0, 1) * p.getEntry(1, 0);
    double traceRoot = Math.sqrt(p.getTrace() + 2 * Math.sqrt(det));
    double expected = 0.5 * 0.5 + 3 + 4 - 2 * traceRoot;
    FeatureGaussian g1 = FeatureGaussian.of(new double[] {0, 0}, s1);
    FeatureGaussian g2 = FeatureGaussian.of(new double[] {0.5, 0}, s2);
    assertEquals(expected, FrechetDistance.between(g1, g2), TOL);
    assertEquals(expected, FrechetDistance.between(g2, g1), TOL, "the distance is symmetric");
  }

  @Test
  void singularCovariancesAreHandled() {
    // Rank-one covariances u u^T and v v^T: Tr((S1 S2)^(1/2)) = |u . v|.
    double[] u = {1, 2};
    double[] v = {3, -1};
    FeatureGaussian g1 = FeatureGaussian.of(new double[2], outer(u));
    FeatureGaussian g2 = FeatureGaussian.of(new double[2], outer(v));
    double expected = 5 + 10 - 2 * Math.abs(1 * 3 + 2 * -1);
    assertEquals(expected, FrechetDistance.between(g1, g2), TOL);
  }

  @Test
  void gaussiansFittedToSamplesApproachTheClosedForm() {
    double[][] s1 = {{2, 0.8, 0}, {0.8, 1, 0.3}, {0, 0.3, 0.5}};
    double[][] s2 = {{1, 0, 0.2}, {0, 2, 0}, {0.2, 0, 1}};
    double[] m1 = {0, 1, 0};
    double[] m2 = {1, 1, -1};
    double exact = FrechetDistance.between(FeatureGaussian.of(m1, s1), FeatureGaussian.of(m2, s2));
    int n = 40_000;
    FeatureGaussian f1 = FeatureGaussian.fit(sample(m1, s1, n, new Random(1)), 3);
    FeatureGaussian f2 = FeatureGaussian.fit(sample(m2, s2, n, new Random(2)), 3);
    // Entries of a covariance estimated from n = 40,000 draws have standard error about
    // sqrt(2 / n) * variance ~ 0.01; the distance (~3.6) moves by a few hundredths. 0.1 is about
    // five standard errors, and a wrong formula (e.g. a missing cross term) is off by 0.5 or more.
    assertEquals(exact, FrechetDistance.between(f1, f2), 0.1);
    assertEquals(n, f1.count());
  }

  @Test
  void fittingComputesTheUnbiasedCovariance() {
    float[] features = {1, 2, 3, 6, 5, 4};
    FeatureGaussian g = FeatureGaussian.fit(features, 2);
    assertEquals(3.0, g.mean()[0], TOL);
    assertEquals(4.0, g.mean()[1], TOL);
    // Deviations (-2, -2), (0, 2), (2, 0): sums of squares 8 and 8, cross products 4, over n - 1 = 2.
    assertEquals(4.0, g.covariance().getEntry(0, 0), TOL);
    assertEquals(4.0, g.covariance().getEntry(1, 1), TOL);
    assertEquals(2.0, g.covariance().getEntry(0, 1), TOL);
  }

  @Test
  void badInputIsRejectedNamingTheArgument() {
    FeatureGaussian two = FeatureGaussian.of(new double[2], diag(new double[] {1, 1}));
    FeatureGaussian three = FeatureGaussian.of(new double[3], diag(new double[] {1, 1, 1}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(two, three));
    assertTrue(e.getMessage().contains("`b`") && e.getMessage().contains("dimension 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureGaussian.fit(new float[] {1, 2}, 2));
    assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureGaussian.fit(new float[] {1, Float.NaN, 3, 4}, 2));
    assertTrue(e.getMessage().contains("finite"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureGaussian.of(new double[2], diag(new double[] {1, 1, 1})));
    assertTrue(e.getMessage().contains("`covariance`"), e.getMessage());
  }

  private static double[][] diag(double[] d) {
    double[][] m = new double[d.length][d.length];
    for (int i = 0; i < d.length; i++) {
      m[i][i] = d[i];
    }
    return m;
  }

  private static double[][] outer(double[] u) {
    double[][] m = new double[u.length][u.length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < u.length; j++) {
        m[i][j] = u[i] * u[j];
      }
    }
    return m;
  }

  /** Draws n vectors from N(mean, cov) as mean + L e with L the Cholesky factor. */
  private static float[] sample(double[] mean, double[][] cov, int n, Random rng) {
    RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(cov)).getL();
    int d = mean.length;
    float[] out = new float[n * d];
    double[] e = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        e[j] = rng.nextGaussian();
      }
      double[] x = l.operate(e);
      for (int j = 0; j < d; j++) {
        out[i * d + j] = (float) (mean[j] + x[j]);
      }
    }
    return out;
  }
}
