package org.edward4j.models.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.edward4j.core.ModelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code dot}, {@code rbf} and {@code toSimplex} against values computed here in double precision
 * from their definitions (not from the library's formulas), Edward's own test values, and their
 * run-time and build-time checks.
 */
class TensorFunctionsTest {

  private ModelContext ctx;
  private Ops tf;
  private final Random random = new Random(20261205L);

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(3);
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private float[] eval(Operand<TFloat32> x) {
    return ctx.eval(x).data();
  }

  private Operand<TFloat32> matrix(double[][] m) {
    float[] flat = new float[m.length * m[0].length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        flat[i * m[0].length + j] = (float) m[i][j];
      }
    }
    return tf.constant(Shape.of(m.length, m[0].length), DataBuffers.of(flat, true, false));
  }

  private Operand<TFloat32> vector(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return tf.constant(f);
  }

  /** Values rounded to float32 first, so the reference sees exactly what the graph sees. */
  private double[][] randomMatrix(int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return m;
  }

  private double[] randomVector(int n) {
    return randomMatrix(1, n)[0];
  }

  @Test
  void dotIsTheMatrixVectorAndVectorMatrixProduct() {
    double[][] w = randomMatrix(4, 3);
    double[] v3 = randomVector(3);
    double[] v4 = randomVector(4);
    float[] wv = eval(LinearAlgebra.dot(tf, matrix(w), vector(v3)));
    float[] vw = eval(LinearAlgebra.dot(tf, vector(v4), matrix(w)));
    assertEquals(4, wv.length);
    assertEquals(3, vw.length);
    for (int i = 0; i < 4; i++) {
      double sum = 0;
      double abs = 0;
      for (int j = 0; j < 3; j++) {
        sum += w[i][j] * v3[j];
        abs += Math.abs(w[i][j] * v3[j]);
      }
      // float32 accumulation of 3 products: error below a few ulps of the sum of magnitudes
      assertEquals(sum, wv[i], 4e-7 * 3 * abs + 1e-7);
    }
    for (int j = 0; j < 3; j++) {
      double sum = 0;
      double abs = 0;
      for (int i = 0; i < 4; i++) {
        sum += v4[i] * w[i][j];
        abs += Math.abs(v4[i] * w[i][j]);
      }
      assertEquals(sum, vw[j], 4e-7 * 4 * abs + 1e-7);
    }
  }

  @Test
  void dotWithTheIdentityReturnsTheVector() {
    // Edward's test_dot: arange(5) against the identity, both ways, exactly
    double[][] eye = new double[5][5];
    for (int i = 0; i < 5; i++) {
      eye[i][i] = 1;
    }
    double[] range = {0, 1, 2, 3, 4};
    assertArrayEquals(new float[] {0, 1, 2, 3, 4}, eval(LinearAlgebra.dot(tf, vector(range), matrix(eye))));
    assertArrayEquals(new float[] {0, 1, 2, 3, 4}, eval(LinearAlgebra.dot(tf, matrix(eye), vector(range))));
  }

  @Test
  void dotHasAGradient() {
    // d/dv sum(W v) = the column sums of W
    double[][] w = randomMatrix(3, 2);
    Operand<TFloat32> v = vector(new double[] {0.5, -1});
    Operand<TFloat32> total = tf.reduceSum(LinearAlgebra.dot(tf, matrix(w), v), tf.constant(0));
    float[] g = eval(tf.gradients(total, List.of(v)).<TFloat32>dy(0));
    for (int j = 0; j < 2; j++) {
      assertEquals(w[0][j] + w[1][j] + w[2][j], g[j], 1e-6);
    }
  }

  @Test
  void dotRejectsNonFiniteValuesAtRunTime() {
    double[][] eye = {{1, 0}, {0, 1}};
    Operand<TFloat32> bad = vector(new double[] {Double.POSITIVE_INFINITY, 1});
    RuntimeException e = assertThrows(RuntimeException.class, () -> eval(LinearAlgebra.dot(tf, bad, matrix(eye))));
    assertTrue(e.getMessage().contains("`x` must be finite") && e.getMessage().contains("Inf"), e.getMessage());
    Operand<TFloat32> nan = matrix(new double[][] {{Double.NaN, 0}, {0, 1}});
    e = assertThrows(RuntimeException.class, () -> eval(LinearAlgebra.dot(tf, vector(new double[] {1, 2}), nan)));
    assertTrue(e.getMessage().contains("`y` must be finite") && e.getMessage().contains("NaN"), e.getMessage());
  }

  @Test
  void dotChecksShapesInJava() {
    Operand<TFloat32> m23 = matrix(new double[2][3]);
    Operand<TFloat32> v2 = vector(new double[2]);
    Operand<TFloat32> v3 = vector(new double[3]);
    assertMessage("`y` must have shape [3] to match `x` of shape [2, 3], got [2]", () -> LinearAlgebra.dot(tf, m23, v2));
    assertMessage("`y` must have shape [3, N] to match `x` of shape [3], got [2, 3]",
        () -> LinearAlgebra.dot(tf, v3, m23));
    assertMessage("`y` must be a matrix [2, N] when `x` is a vector of shape [2], got shape [2]",
        () -> LinearAlgebra.dot(tf, v2, v2));
    assertMessage("`y` must be a vector [3] when `x` is a matrix of shape [2, 3], got shape [2, 3]",
        () -> LinearAlgebra.dot(tf, m23, m23));
    assertMessage("`x` must be a vector or a matrix, got shape []", () -> LinearAlgebra.dot(tf, tf.constant(1f), v2));
    assertMessage("`x` must be a float32 tensor, got null", () -> LinearAlgebra.dot(tf, null, v2));
    try (ModelContext other = ModelContext.withSeed(1)) {
      Operand<TFloat32> foreign = other.tf().constant(new float[] {1f, 2f});
      assertMessage("`y` must be a tensor of the graph `tf` builds in, got one of another graph",
          () -> LinearAlgebra.dot(tf, m23, foreign));
    }
  }

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

  /** Stick breaking from its definition: z_k = sigmoid(x_k - log(K-1-k)), pi_k = z_k prod_{j<k}(1-z_j). */
  private static double[] simplexReference(double[] x) {
    int km1 = x.length;
    double[] pi = new double[km1 + 1];
    double left = 1;
    for (int k = 0; k < km1; k++) {
      double z = 1 / (1 + Math.exp(-(x[k] - Math.log(km1 - k))));
      pi[k] = left * z;
      left *= 1 - z;
    }
    pi[km1] = left;
    return pi;
  }

  @Test
  void toSimplexBreaksTheStick() {
    double[] x = randomVector(6);
    float[] pi = eval(StickBreaking.toSimplex(tf, vector(x)));
    double[] expected = simplexReference(x);
    double sum = 0;
    for (int k = 0; k < 7; k++) {
      // each coordinate is a product of at most 7 float32 factors: ~1e-6 relative
      assertEquals(expected[k], pi[k], 2e-6 * expected[k] + 1e-7, "pi[" + k + "]");
      sum += pi[k];
    }
    assertEquals(1.0, sum, 7 * 1.2e-7);
  }

  @Test
  void toSimplexOfZeroIsUniformAndMatchesEdwardsValues() {
    assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, eval(StickBreaking.toSimplex(tf, vector(new double[3]))), 1e-7f);
    // Edward's test_to_simplex, 1-D and 2-D
    assertArrayEquals(new float[] {3.333333e-01f, 6.666363e-01f, 3.027916e-05f},
        eval(StickBreaking.toSimplex(tf, vector(new double[] {0, 10}))), 1e-6f);
    float[] rows = eval(StickBreaking.toSimplex(tf, matrix(new double[][] {{0, 10}, {0, 10}})));
    assertArrayEquals(new float[] {3.333333e-01f, 6.666363e-01f, 3.027916e-05f, 3.333333e-01f, 6.666363e-01f,
        3.027916e-05f}, rows, 1e-6f);
  }

  @Test
  void toSimplexMapsTheLastAxisOfAnyRank() {
    double[] a = randomVector(2);
    double[] b = randomVector(2);
    Operand<TFloat32> x = tf.constant(Shape.of(2, 1, 2),
        DataBuffers.of(new float[] {(float) a[0], (float) a[1], (float) b[0], (float) b[1]}, true, false));
    Operand<TFloat32> pi = StickBreaking.toSimplex(tf, x);
    assertEquals(Shape.of(2, 1, 3), pi.shape());
    float[] v = eval(pi);
    double[] ea = simplexReference(a);
    double[] eb = simplexReference(b);
    for (int k = 0; k < 3; k++) {
      assertEquals(ea[k], v[k], 1e-6);
      assertEquals(eb[k], v[3 + k], 1e-6);
    }
  }

  @Test
  void toSimplexHasGradientsMatchingFiniteDifferences() {
    double[] x = {0.3, -0.8, 1.1};
    Operand<TFloat32> xt = vector(x);
    // pi_1 depends on x_0 and x_1
    Operand<TFloat32> pi1 = tf.gather(StickBreaking.toSimplex(tf, xt), tf.constant(1), tf.constant(0));
    float[] g = eval(tf.gradients(pi1, List.of(xt)).<TFloat32>dy(0));
    double h = 1e-6;
    for (int i = 0; i < 3; i++) {
      double[] up = x.clone();
      double[] down = x.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (simplexReference(up)[1] - simplexReference(down)[1]) / (2 * h);
      // central differences in double are exact to ~1e-10; the float32 gradient to ~1e-7
      assertEquals(fd, g[i], 1e-6, "d pi_1 / d x_" + i);
    }
  }

  @Test
  void toSimplexChecksItsInput() {
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> eval(StickBreaking.toSimplex(tf, vector(new double[] {12.5, Double.POSITIVE_INFINITY}))));
    assertTrue(e.getMessage().contains("`x` must be finite") && e.getMessage().contains("Inf"), e.getMessage());
    e = assertThrows(RuntimeException.class,
        () -> eval(StickBreaking.toSimplex(tf, vector(new double[] {12.5, Double.NaN}))));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    assertMessage("`x` must have shape [..., K-1] with K-1 known, got []", () -> StickBreaking.toSimplex(tf, tf.constant(1f)));
    assertMessage("`x` must be float32, got TInt32",
        () -> StickBreaking.toSimplex(tf, castForTest(tf.constant(new int[] {1}))));
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand<TFloat32> castForTest(Operand<?> x) {
    return (Operand) x;
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(expected, e.getMessage());
  }
}
