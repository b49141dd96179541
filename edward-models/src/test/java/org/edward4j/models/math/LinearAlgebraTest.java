package org.edward4j.models.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** {@code dot} both ways, its gradient, and its run-time and build-time checks. */
class LinearAlgebraTest extends TensorFunctionTestBase {

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
}
