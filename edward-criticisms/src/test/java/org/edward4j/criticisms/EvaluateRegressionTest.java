package org.edward4j.criticisms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Regression metrics and the log-likelihood against hand-computed values. */
class EvaluateRegressionTest extends GraphTestBase {

  /** Scale of the "nearly deterministic" outputs: predictions equal the location to ~1e-4. */
  private static final double TINY = 1e-4;
  // With S = 20 draws of scale 1e-4 the Monte Carlo mean is within ~1e-4 of the location; errors
  // of order one then move by ~1e-4 x (their derivative, at most ~10 here); 1e-2 relative covers it.
  private static final double REL = 1e-2;

  EvaluateRegressionTest() {
    super(7);
  }

  @Test
  void regressionErrorsMatchHandComputedValues() {
    Normal x = Normal.builder(scope).loc(tf.constant(new float[] {1, 2, 3})).scale(TINY).build();
    float[] y = {2, 2, 5};
    List<Evaluation> r = Evaluate.builder(Map.of(x, y)).metrics("mean_squared_error", "MAE", "mape", "msle",
        "poisson", "cosine", "hinge", "squared_hinge").nSamples(20).build().run();
    assertClose(5.0 / 3, r.get(0).value());
    assertClose(1.0, r.get(1).value());
    assertClose(100 * (0.5 + 0.4) / 3, r.get(2).value());
    double msle = (Math.pow(Math.log(2) - Math.log(3), 2) + Math.pow(Math.log(4) - Math.log(6), 2)) / 3;
    assertClose(msle, r.get(3).value());
    assertClose((1 - 2 * Math.log(1)) + (2 - 2 * Math.log(2)) + (3 - 5 * Math.log(3)), r.get(4).value());
    assertClose((2 + 4 + 15) / (Math.sqrt(33) * Math.sqrt(14)), r.get(5).value());
    assertEquals(0.0, r.get(6).value(), 0.0, "hinge: every 1 - y q is negative, so the mean is 0");
    assertEquals(0.0, r.get(7).value(), 0.0, "squared hinge likewise");
    Normal small = Normal.builder(scope).loc(tf.constant(new float[] {0.5f, -1})).scale(TINY).build();
    List<Evaluation> h = Evaluate.builder(Map.of(small, new float[] {1, 1})).metrics("hinge", "squared_hinge")
        .nSamples(20).build().run();
    assertClose((0.5 + 2) / 2, h.get(0).value());
    assertClose((0.25 + 4) / 2, h.get(1).value());
  }

  @Test
  void averagingFollowsEdwardsBinaryAveraging() {
    // Edward's metrics_test case: y_pred = 2 y_true over a 3x3 matrix.
    float[][] yTrue = {{1, 2, 3}, {2, 3, 4}, {3, 4, 5}};
    Normal x = Normal.builder(scope).loc(tf.constant(new float[][] {{2, 4, 6}, {4, 6, 8}, {6, 8, 10}})).scale(TINY).build();
    List<Evaluation> r = Evaluate.builder(Map.of(x, yTrue)).metric("mse", Averaging.NONE)
        .metric("mse", Averaging.MACRO).metric("mse", Averaging.MICRO).nSamples(20).build().run();
    double[] columns = r.get(0).values();
    assertEquals(3, columns.length);
    assertClose(14.0 / 3, columns[0]);
    assertClose(29.0 / 3, columns[1]);
    assertClose(50.0 / 3, columns[2]);
    assertClose(31.0 / 3, r.get(1).value());
    assertClose(31.0 / 3, r.get(2).value());
  }

  @Test
  void logLikelihoodOfFixedParametersIsExact() {
    Normal x = Normal.builder(scope).loc(0.0).scale(2.0).sampleShape(2).build();
    double expected = 0;
    for (double y : new double[] {0.5, -1}) {
      expected += (-0.5 * Math.log(2 * Math.PI) - Math.log(2) - y * y / 8) / 2;
    }
    // logProb does not depend on the draw here; float32 densities are exact to ~1e-6.
    assertEquals(expected, Evaluate.evaluate("log_likelihood", Map.of(x, new float[] {0.5f, -1f})), 1e-5);
  }

  @Test
  void posteriorPredictiveOfACopiedModel() {
    // z ~ N(0, 1), x | z ~ N(z, 1) twice; posterior q(z) = N(2, 0.1). x_post = copy(x, {z: qz}).
    Normal z = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(z).scale(1.0).sampleShape(2).build();
    Normal qz = Normal.of(ctx.scope("posterior"), 2.0, 0.1);
    Operand<TFloat32> xPost = GraphCopy.copy(x, Map.of(z, qz));
    float[] y = {1.5f, 3f};
    int s = 4000;
    List<Evaluation> r = Evaluate.builder(Map.of(xPost, y)).metrics("log_likelihood", "mse").nSamples(s).build().run();
    // E_q log N(y; z, 1) = -0.5 log 2 pi - ((y - 2)^2 + 0.1^2) / 2, averaged over the two points.
    double ll = -0.5 * Math.log(2 * Math.PI) - ((0.25 + 1) / 2 + 0.01) / 2;
    // Each draw's mean log-likelihood has standard deviation about 0.1 * |mean(y) - 2| ~ 0.03;
    // over 4,000 draws the error is ~5e-4. 0.005 is ten standard errors.
    assertEquals(ll, r.get(0).value(), 0.005);
    // The predictive mean is 2 (each point's Monte Carlo mean has variance (1 + 0.01) / 4000), so
    // MSE = mean((y - 2)^2) = 0.625, give or take 2 x 0.5 x 0.016 ~ 0.02 at three standard errors.
    assertEquals(0.625, r.get(1).value(), 0.05);
  }

  @Test
  void placeholdersTheModelConditionsOnAreFed() {
    Placeholder<TFloat32> xPh = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
    Normal y = Normal.builder(scope).loc(tf.math.mul(xPh, tf.constant(2f))).scale(TINY).build();
    double mse = Evaluate.builder(Map.of(y, new float[] {2, 4, 7}, xPh, new float[] {1, 2, 3})).metrics("mse")
        .nSamples(5).build().run().get(0).value();
    assertClose(1.0 / 3, mse);
  }

  @Test
  void aCustomMetricSeesTheDataAndThePrediction() {
    Normal x = Normal.builder(scope).loc(tf.constant(new float[] {1, 2})).scale(TINY).build();
    MetricFunction logCosh = (shape, yTrue, yPred) -> {
      assertArrayEquals(new long[] {2}, shape);
      double s = 0;
      for (int i = 0; i < yTrue.length; i++) {
        s += Math.log(Math.cosh(yPred[i] - yTrue[i]));
      }
      return s / yTrue.length;
    };
    Evaluation e = Evaluate.builder(Map.of(x, new float[] {0, 2})).metric("logcosh", logCosh).nSamples(5).build()
        .run().get(0);
    assertEquals("logcosh", e.metric());
    assertClose(Math.log(Math.cosh(1)) / 2, e.value());
  }

  private static void assertClose(double expected, double actual) {
    assertClose(expected, actual, REL, "");
  }

  private static void assertClose(double expected, double actual, double rel, String message) {
    assertEquals(expected, actual, Math.max(rel * Math.abs(expected), 1e-6), message);
  }
}
