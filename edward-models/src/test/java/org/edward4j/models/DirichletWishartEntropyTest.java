package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Gamma;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The Dirichlet's and the Wishart's entropies against closed forms written here from the
 * textbook (Bishop, PRML, B.22 and B.82), with commons-math's digamma and log-gamma, and their
 * gradients with respect to every parameter against finite differences ({@code GradientCheck}: step
 * 1e-2, five-point stencil, relative tolerance 1e-2), which is how a variational objective
 * differentiates them (through the {@code Digamma} and {@code Polygamma} gradients).
 */
class DirichletWishartEntropyTest extends GraphTestBase {

  /** {@code log B(a) - (a0 - K) psi(a0) - sum (a_i - 1) psi(a_i)}. */
  private static double dirichletEntropy(double[] a) {
    double a0 = 0;
    double h = 0;
    for (double ai : a) {
      a0 += ai;
      h += Gamma.logGamma(ai) - (ai - 1) * Gamma.digamma(ai);
    }
    return h - Gamma.logGamma(a0) + (a0 - a.length) * Gamma.digamma(a0);
  }

  /**
   * {@code (k+1)/2 log|S| + k(k+1)/2 log 2 + log Gamma_k(n/2) - (n-k-1)/2 psi_k(n/2) + n k / 2}, with
   * {@code psi_k(x) = sum_{i<k} psi(x - i/2)} and {@code log Gamma_k(x) = k(k-1)/4 log pi + sum_{i<k}
   * log Gamma(x - i/2)}.
   */
  private static double wishartEntropy(double n, double logDetScale, int k) {
    double lmg = k * (k - 1) / 4.0 * Math.log(Math.PI);
    double mpsi = 0;
    for (int i = 0; i < k; i++) {
      lmg += Gamma.logGamma(n / 2 - i / 2.0);
      mpsi += Gamma.digamma(n / 2 - i / 2.0);
    }
    return (k + 1) / 2.0 * logDetScale + k * (k + 1) / 2.0 * Math.log(2) + lmg - (n - k - 1) / 2 * mpsi + n * k / 2.0;
  }

  @Test
  void dirichletEntropyMatchesTheDigammaClosedForm() {
    double[][] cases = {{1, 1, 1}, {0.5, 2, 7.5}, {20, 30}, {0.2, 0.3, 0.4, 0.1}};
    for (double[] a : cases) {
      float[] af = new float[a.length];
      for (int i = 0; i < a.length; i++) {
        af[i] = (float) a[i];
      }
      double expected = dirichletEntropy(a);
      // float32 arithmetic over a few lgamma/digamma terms of order 10: a few ulps of the largest term
      assertEquals(expected, eval(Dirichlet.of(scope, af).entropy())[0], 2e-5 * Math.max(1, Math.abs(expected)));
    }
  }

  @Test
  void wishartEntropyMatchesTheDigammaClosedForm() {
    // L = [[1.5, 0], [0.5, 0.8]]: Sigma = L L^T has log det 2 (log 1.5 + log 0.8)
    float[][] tril = {{1.5f, 0f}, {0.5f, 0.8f}};
    double logDet = 2 * (Math.log(1.5) + Math.log(0.8));
    for (double df : new double[] {2.5, 4, 11}) {
      double expected = wishartEntropy(df, logDet, 2);
      assertEquals(expected, eval(Wishart.of(scope, df, tril).entropy())[0], 2e-5 * Math.max(1, Math.abs(expected)));
    }
    // 3 x 3, identity scale
    float[][] eye = {{1f, 0f, 0f}, {0f, 1f, 0f}, {0f, 0f, 1f}};
    double expected = wishartEntropy(5, 0, 3);
    assertEquals(expected, eval(Wishart.of(scope, 5.0, eye).entropy())[0], 2e-5 * Math.max(1, Math.abs(expected)));
  }

  @Test
  void dirichletEntropyGradientMatchesFiniteDifferences() {
    Placeholder<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
    GradientCheck.assertGradient(ctx, a, Dirichlet.of(scope, a).entropy(), new float[] {0.7f, 2f, 5f}, 1e-2, 1e-2);
  }

  @Test
  void wishartEntropyGradientMatchesFiniteDifferences() {
    Placeholder<TFloat32> df = placeholder();
    GradientCheck.assertGradient(ctx, df,
        Wishart.of(scope, df, constant(new long[] {2, 2}, 1.5f, 0f, 0.5f, 0.8f)).entropy(), new float[] {4f}, 1e-2, 1e-2);
    Placeholder<TFloat32> l = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 2)));
    GradientCheck.assertGradient(ctx, l, Wishart.of(scope, scalar(4.0), l).entropy(),
        new float[] {1.5f, 0f, 0.5f, 0.8f}, 1e-2, 1e-2);
  }
}
