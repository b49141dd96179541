package org.edward4j.models.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * {@code rbf} against its pairwise definition and Edward's values, its gradients and checks; and
 * {@code get_control_variate_coef}.
 */
class KernelsTest extends TensorFunctionTestBase {

  /** The kernel from its definition, pair by pair: no expansion of the square. */
  private static double[][] rbfReference(double[][] x, double[][] x2, double[] lengthscale, double variance) {
    double[][] k = new double[x.length][x2.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x2.length; j++) {
        double s = 0;
        for (int d = 0; d < x[0].length; d++) {
          double l = lengthscale[lengthscale.length == 1 ? 0 : d];
          s += (x[i][d] - x2[j][d]) * (x[i][d] - x2[j][d]) / (l * l);
        }
        k[i][j] = variance * Math.exp(-0.5 * s);
      }
    }
    return k;
  }

  /**
   * float32 expansion |a|^2 + |b|^2 - 2 a.b loses about eps * (|a|^2 + |b|^2) in the squared
   * distance (values here stay below ~60, eps = 6e-8), so kernel values are exact to ~1e-5 relative.
   */
  private static void assertKernel(double[][] expected, float[] actual, double variance) {
    int m = expected[0].length;
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < m; j++) {
        assertEquals(expected[i][j], actual[i * m + j], 2e-5 * variance, "k[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void rbfMatchesItsDefinition() {
    double[][] x = randomMatrix(5, 3);
    double[][] x2 = randomMatrix(4, 3);
    double[] ls = {0.7, 1.3, 2.0};
    float[] k = eval(Kernels.rbf(tf, matrix(x), matrix(x2), vector(ls), tf.constant(1.7f)));
    assertKernel(rbfReference(x, x2, ls, 1.7), k, 1.7);
    float[] scalar = eval(Kernels.rbf(tf, matrix(x), matrix(x2), 1.5, 0.3));
    assertKernel(rbfReference(x, x2, new double[] {1.5}, 0.3), scalar, 0.3);
  }

  @Test
  void rbfOfOneMatrixIsSymmetricWithTheVarianceOnItsDiagonal() {
    double[][] x = randomMatrix(6, 2);
    float[] k = eval(Kernels.rbf(tf, matrix(x), null, 0.8, 2.5));
    assertKernel(rbfReference(x, x, new double[] {0.8}, 2.5), k, 2.5);
    for (int i = 0; i < 6; i++) {
      // the clamp at 0 makes the diagonal exactly the variance
      assertEquals(2.5f, k[i * 6 + i]);
      for (int j = 0; j < 6; j++) {
        assertEquals(k[i * 6 + j], k[j * 6 + i], 1e-6);
      }
    }
    assertKernel(rbfReference(x, x, new double[] {1}, 1), eval(Kernels.rbf(tf, matrix(x))), 1);
  }

  @Test
  void rbfGivesEdwardsTestValues() {
    // Edward's test_rbf (values checked by hand there): lengthscale [2, 1.5], variance 1.4
    double[][] x = {{2.0, 2.5}, {4.1, 5.0}};
    double[][] x2 = {{1.5, 2.0}, {3.1, 4.2}};
    float[] k = eval(Kernels.rbf(tf, matrix(x), matrix(x2), vector(new double[] {2.0, 1.5}), tf.constant(1.4f)));
    assertArrayEquals(new float[] {1.283597f, 0.633180f, 0.081387f, 1.071704f}, k, 1e-5f);
  }

  @Test
  void rbfHasGradientsInItsParametersMatchingFiniteDifferences() {
    // GP hyperparameters are trained through the kernel: the run-time checks must not block gradients
    double[][] x = randomMatrix(3, 2);
    double[][] x2 = randomMatrix(2, 2);
    double[] ls = {0.9, 1.4};
    double variance = 1.3;
    Operand<TFloat32> lt = vector(ls);
    Operand<TFloat32> vt = tf.constant((float) variance);
    Operand<TFloat32> total = tf.reduceSum(Kernels.rbf(tf, matrix(x), matrix(x2), lt, vt), tf.constant(new int[] {0, 1}));
    var grads = tf.gradients(total, List.of(lt, vt));
    float[] gl = eval(grads.<TFloat32>dy(0));
    float gv = eval(grads.<TFloat32>dy(1))[0];
    double h = 1e-6;
    for (int d = 0; d < 2; d++) {
      double[] up = ls.clone();
      double[] down = ls.clone();
      up[d] += h;
      down[d] -= h;
      double fd = (sum(rbfReference(x, x2, up, variance)) - sum(rbfReference(x, x2, down, variance))) / (2 * h);
      // six kernel values of size <= 1.3, each with float32 error ~1e-6 relative in its gradient
      assertEquals(fd, gl[d], 2e-5 * (1 + Math.abs(fd)), "d sum K / d lengthscale_" + d);
    }
    // the kernel is linear in the variance: d sum K / d variance = sum K / variance
    assertEquals(sum(rbfReference(x, x2, ls, variance)) / variance, gv, 1e-5);
  }

  private static double sum(double[][] m) {
    double s = 0;
    for (double[] row : m) {
      for (double v : row) {
        s += v;
      }
    }
    return s;
  }

  @Test
  void rbfChecksItsParameters() {
    Operand<TFloat32> x = matrix(new double[][] {{0}});
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> eval(Kernels.rbf(tf, x, x, tf.constant(-5f), tf.constant(1f))));
    assertTrue(e.getMessage().contains("`lengthscale` must be positive"), e.getMessage());
    e = assertThrows(RuntimeException.class, () -> eval(Kernels.rbf(tf, x, x, tf.constant(1f), tf.constant(-1f))));
    assertTrue(e.getMessage().contains("`variance` must be positive"), e.getMessage());
    assertMessage("`lengthscale` must be positive and finite, got -5.0", () -> Kernels.rbf(tf, x, x, -5, 1));
    assertMessage("`variance` must be positive and finite, got NaN", () -> Kernels.rbf(tf, x, x, 1, Double.NaN));
    Operand<TFloat32> x3 = matrix(new double[2][3]);
    assertMessage("`x2` must have shape [M, 3] to match `x` of shape [2, 3], got [2, 2]",
        () -> Kernels.rbf(tf, x3, matrix(new double[2][2])));
    assertMessage("`x` must be a matrix [N, D], got shape [3]", () -> Kernels.rbf(tf, vector(new double[3])));
    assertMessage("`lengthscale` must be a scalar or have shape [3] to match the columns of `x`, got [2]",
        () -> Kernels.rbf(tf, x3, null, vector(new double[] {1, 1}), tf.constant(1f)));
    assertMessage("`variance` must be a scalar, got shape [1]",
        () -> Kernels.rbf(tf, x3, null, tf.constant(1f), vector(new double[] {1})));
  }

  @Test
  void controlVariateCoefficientIsCovarianceOverVariance() {
    // Edward's test value, 1/29 (the sample covariance 1/3 over the variance 29/3)
    float c = eval(ControlVariates.coefficient(tf, vector(new double[] {1, 2, 3, 4}), vector(new double[] {2, 3, 8, 1})))[0];
    assertEquals(1 / 29.0, c, 1e-7);
    // h = 2 f + 1 exactly: c = Cov(f, 2f) / Var(2f) = 1/2
    double[] f = randomVector(50);
    double[] h = new double[50];
    for (int i = 0; i < 50; i++) {
      h[i] = 2 * f[i] + 1;
    }
    assertEquals(0.5, eval(ControlVariates.coefficient(tf, vector(f), vector(h)))[0], 1e-5);
    assertMessage("`h` must have shape [4] to match `f`, got [3]",
        () -> ControlVariates.coefficient(tf, vector(new double[4]), vector(new double[3])));
    assertMessage("`f` must hold at least 2 draws, got 1",
        () -> ControlVariates.coefficient(tf, vector(new double[1]), vector(new double[1])));
  }
}
