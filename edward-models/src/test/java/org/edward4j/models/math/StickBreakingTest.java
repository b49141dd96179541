package org.edward4j.models.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * {@code toSimplex} against stick breaking written out in double, Edward's values, its gradients and
 * checks.
 */
class StickBreakingTest extends TensorFunctionTestBase {

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
}
