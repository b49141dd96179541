package org.edward4j.models.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.edward4j.core.ModelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A fresh graph per test and float32 constants from double arrays, for the tests of Edward's tensor
 * functions, which compare against values computed in double precision from the definitions (not
 * from the library's formulas).
 */
abstract class TensorFunctionTestBase {

  ModelContext ctx;
  Ops tf;
  final Random random = new Random(20261205L);

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(3);
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  float[] eval(Operand<TFloat32> x) {
    return ctx.eval(x).data();
  }

  Operand<TFloat32> matrix(double[][] m) {
    float[] flat = new float[m.length * m[0].length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        flat[i * m[0].length + j] = (float) m[i][j];
      }
    }
    return tf.constant(Shape.of(m.length, m[0].length), DataBuffers.of(flat, true, false));
  }

  Operand<TFloat32> vector(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return tf.constant(f);
  }

  /** Values rounded to float32 first, so the reference sees exactly what the graph sees. */
  double[][] randomMatrix(int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return m;
  }

  double[] randomVector(int n) {
    return randomMatrix(1, n)[0];
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Operand<TFloat32> castForTest(Operand<?> x) {
    return (Operand) x;
  }

  static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(expected, e.getMessage());
  }
}
