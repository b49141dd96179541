package org.edward4j.inferences.montecarlo;

import java.util.Random;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Normal;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The models of Edward's Monte Carlo tests ({@code tests/inferences/test_hmc.py} and its siblings). */
final class EdwardTestModels {

  private EdwardTestModels() {}

  /** {@code mu ~ N(0, 1)}, 50 {@code x ~ N(mu, 1)} observed at 0: posterior {@code N(0, 1/51)}. */
  record NormalNormal(Normal mu, Normal x, Operand<TFloat32> xData) {
    static final double POSTERIOR_SD = Math.sqrt(1 / 51.0);
  }

  static NormalNormal normalNormal(VariableScope scope, Ops tf) {
    Normal mu = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
    return new NormalNormal(mu, x, tf.constant(new float[50]));
  }

  /**
   * Edward's {@code _test_linear_regression}: N = 40, D = 10, {@code w ~ N(0, I)}, {@code b ~ N(0,
   * 1)}, {@code y ~ N(X w + b, 0.1)} with X fixed (Edward feeds it through a placeholder bound in
   * {@code data}; here it is a constant).
   */
  record LinearRegression(Normal w, Normal b, Normal y, Operand<TFloat32> yData, float[] wTrue) {
    static final int N = 40;
    static final int D = 10;
  }

  static LinearRegression linearRegression(VariableScope scope, Ops tf, long seed) {
    int n = LinearRegression.N;
    int d = LinearRegression.D;
    Random random = new Random(seed);
    float[] wTrue = new float[d];
    for (int j = 0; j < d; j++) {
      wTrue[j] = (float) random.nextGaussian();
    }
    float[][] xTrain = new float[n][d];
    float[] yTrain = new float[n];
    for (int i = 0; i < n; i++) {
      double y = 0;
      for (int j = 0; j < d; j++) {
        xTrain[i][j] = (float) random.nextGaussian();
        y += xTrain[i][j] * wTrue[j];
      }
      yTrain[i] = (float) (y + 0.1 * random.nextGaussian());
    }
    Normal w = Normal.builder(scope).loc(tf.zeros(tf.constant(new int[] {d}), TFloat32.class))
        .scale(tf.ones(tf.constant(new int[] {d}), TFloat32.class)).build();
    Normal b = Normal.builder(scope).loc(tf.zeros(tf.constant(new int[] {1}), TFloat32.class))
        .scale(tf.ones(tf.constant(new int[] {1}), TFloat32.class)).build();
    Operand<TFloat32> xw = tf.reshape(tf.linalg.matMul(tf.constant(xTrain), tf.reshape(w, tf.constant(new int[] {d, 1}))),
        tf.constant(new int[] {n}));
    Normal y = Normal.builder(scope).loc(tf.math.add(xw, b)).scale(tf.fill(tf.constant(new int[] {n}), tf.constant(0.1f))).build();
    return new LinearRegression(w, b, y, tf.constant(yTrain), wTrue);
  }
}
