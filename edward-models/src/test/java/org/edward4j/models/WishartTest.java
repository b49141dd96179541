package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.edward4j.models.BadInputTest.assertMessage;
import static org.edward4j.models.LogProbTest.assertClose;
import static org.edward4j.models.MomentsTest.assertWithinStandardErrors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.edward4j.core.TensorValue;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Wishart against the textbook density written here with commons-math's matrix algebra, the
 * diagonal marginals {@code X_ii / Sigma_ii ~ chi2(df)} by KS/DKW at alpha 1e-6 on 100,000
 * draws, the mean and an off-diagonal variance within 6 standard errors, entropy against a Monte
 * Carlo estimate, gradients in {@code df} and {@code scaleTril}, the support and bad input.
 */
class WishartTest extends GraphTestBase {

  static final int N = 100_000;
  static final float[][] L = {{1.2f, 0f}, {0.5f, 0.8f}};
  static final double DF = 4.5;

  static double[][] sigma() {
    return MultivariateNormalTest.covarianceOf(L);
  }

  /** {@code (df - k - 1)/2 log|X| - tr(S^-1 X)/2 - df k/2 log 2 - df/2 log|S| - lmvgamma_k(df/2)}. */
  static double logDensity(double df, double[][] s, double[][] x) {
    int k = s.length;
    RealMatrix sm = new Array2DRowRealMatrix(s);
    RealMatrix xm = new Array2DRowRealMatrix(x);
    double trace = new LUDecomposition(sm).getSolver().getInverse().multiply(xm).getTrace();
    double lmvgamma = k * (k - 1) / 4.0 * Math.log(Math.PI);
    for (int j = 0; j < k; j++) {
      lmvgamma += Families.logGamma(df / 2 - j / 2.0);
    }
    return (df - k - 1) / 2 * Math.log(new LUDecomposition(xm).getDeterminant()) - trace / 2 - df * k / 2 * Math.log(2)
        - df / 2 * Math.log(new LUDecomposition(sm).getDeterminant()) - lmvgamma;
  }

  @Test
  void logProbMatchesTheTextbookDensityAtRandomMatrices() {
    Random rng = new Random(11);
    int m = 10;
    float[] xs = new float[4 * m];
    double[] expected = new double[m];
    for (int r = 0; r < m; r++) {
      double a = rng.nextGaussian();
      double b = rng.nextGaussian();
      double c = rng.nextGaussian();
      double[][] x = {{a * a + 0.3, a * b}, {a * b, b * b + c * c + 0.3}};
      for (int i = 0; i < 4; i++) {
        xs[4 * r + i] = (float) x[i / 2][i % 2];
      }
      double[][] xf = {{xs[4 * r], xs[4 * r + 1]}, {xs[4 * r + 2], xs[4 * r + 3]}};
      expected[r] = logDensity(DF, sigma(), xf);
    }
    Wishart w = Wishart.of(scope, DF, L);
    TensorValue lp = ctx.eval(w.logProb(constant(new long[] {m, 2, 2}, xs)));
    assertArrayEquals(new long[] {m}, lp.shape());
    assertClose("Wishart(4.5, L)", expected, lp.data());
  }

  @Test
  void matricesOutsideTheSupportAreMinusInfinity() {
    Wishart w = Wishart.of(scope, DF, L);
    float[] lp = eval(w.logProb(constant(new long[] {3, 2, 2}, 1f, 2f, 2f, 1f, 1f, 0.5f, 0.2f, 1f, -1f, 0f, 0f, 1f)));
    assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, lp,
        "indefinite, asymmetric, negative diagonal");
  }

  @Test
  void drawsHaveChiSquareDiagonalsAndTheRightMoments() {
    Wishart w = Wishart.of(scope, DF, L);
    TensorValue draws = ctx.eval(w.sample(N));
    assertArrayEquals(new long[] {N, 2, 2}, draws.shape());
    float[] x = draws.data();
    double[][] s = sigma();
    ChiSquaredDistribution chi2 = new ChiSquaredDistribution(DF);
    for (int i = 0; i < 2; i++) {
      float[] scaled = new float[N];
      for (int r = 0; r < N; r++) {
        scaled[r] = (float) (x[4 * r + 3 * i] / s[i][i]);
        assertEquals(x[4 * r + 1], x[4 * r + 2], 1e-5f * Math.max(1, Math.abs(x[4 * r + 1])), "symmetric");
      }
      assertMatchesCdf("X_" + i + i + " / Sigma_" + i + i, scaled, chi2::cumulativeProbability, 1e-6);
    }
    double[] offDiagonal = new double[N];
    double[] minusLogP = new double[N];
    for (int r = 0; r < N; r++) {
      offDiagonal[r] = x[4 * r + 1];
      minusLogP[r] = -logDensity(DF, s, new double[][] {{x[4 * r], x[4 * r + 1]}, {x[4 * r + 2], x[4 * r + 3]}});
    }
    float[] mean = eval(w.mean());
    float[] var = eval(w.variance());
    assertEquals(DF * s[0][1], mean[1], 1e-5 * DF);
    assertEquals(DF * (s[0][1] * s[0][1] + s[0][0] * s[1][1]), var[1], 1e-4);
    assertWithinStandardErrors("E[X_01]", offDiagonal, mean[1], 6);
    double m = 0;
    for (double v : offDiagonal) {
      m += v;
    }
    m /= N;
    double[] squares = new double[N];
    for (int r = 0; r < N; r++) {
      squares[r] = (offDiagonal[r] - m) * (offDiagonal[r] - m);
    }
    assertWithinStandardErrors("Var[X_01]", squares, var[1], 6);
    assertWithinStandardErrors("entropy", minusLogP, eval(w.entropy())[0], 6);
  }

  @Test
  void modeIsDfMinusKMinusOneTimesTheScale() {
    double[][] s = sigma();
    float[] mode = eval(Wishart.of(scope, DF, L).mode());
    for (int i = 0; i < 4; i++) {
      assertEquals((DF - 3) * s[i / 2][i % 2], mode[i], 1e-5);
    }
    assertTrue(Float.isNaN(eval(Wishart.of(scope, 2.5, L).mode())[0]), "df < k + 1 has no mode");
  }

  @Test
  void logProbGradientsInDfAndScale() {
    Operand<TFloat32> x = constant(new long[] {2, 2, 2}, 2f, 0.5f, 0.5f, 1f, 1f, -0.3f, -0.3f, 0.7f);
    Placeholder<TFloat32> df = placeholder();
    GradientCheck.assertGradient(ctx, df, Wishart.of(scope, df, constant(new long[] {2, 2}, 1.2f, 0f, 0.5f, 0.8f)).logProb(x),
        new float[] {4.5f}, 1e-2, 1e-2);
    Placeholder<TFloat32> tril = placeholder(2, 2);
    GradientCheck.assertGradient(ctx, tril, Wishart.of(scope, scalar(4.5), tril).logProb(x),
        new float[] {1.2f, 0f, 0.5f, 0.8f}, 1e-2, 1e-2);
  }

  @Test
  void fullScaleIsFactoredAndBadInputIsRejected() {
    Wishart full = Wishart.builder(scope).df(DF).scale(new float[][] {{1.44f, 0.6f}, {0.6f, 0.89f}}).build();
    double[][] s = sigma();
    float[] mean = eval(full.mean());
    for (int i = 0; i < 4; i++) {
      assertEquals(DF * s[i / 2][i % 2], mean[i], 1e-4);
    }
    assertMessage(() -> Wishart.of(scope, 0.5, L), "`df` must be above k - 1 = 1 for 2 x 2 matrices, got 0.5");
    assertMessage(() -> Wishart.of(scope, -1, L), "`df` must be positive and finite, got -1.0");
    assertMessage(() -> Wishart.of(scope, 3, new float[][] {{1f, 0f}, {0f, -1f}}),
        "`scaleTril` must have a positive diagonal (a Cholesky factor), got -1.0 at [1, 1]");
    assertMessage(() -> Wishart.builder(scope).df(3).scale(new float[][] {{1f, 2f}, {2f, 1f}}),
        "`scale` must be positive definite");
    assertMessage(() -> Wishart.of(scope, scalar(3), vector(1f, 1f)), "`scaleTril` must have at least 2 axes (a matrix), got [2]");
    assertTrue(Wishart.of(scope, DF, L).withParameters(Map.of("df", scalar(5), "scaleTril", constant(new long[] {2, 2}, 1f, 0f, 0f, 1f)))
        instanceof Wishart);
  }
}
