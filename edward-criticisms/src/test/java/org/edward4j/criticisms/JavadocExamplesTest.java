package org.edward4j.criticisms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The Javadoc examples of this package, written out so they compile and run. */
class JavadocExamplesTest {

  @TempDir Path dir;

  @Test
  void evaluateExample() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(3).build();
      Normal qMu = Normal.of(ctx.scope("posterior"), 1.0, 0.1);
      float[] xTest = {0.5f, 1.5f, 1f};
      // From Evaluate's Javadoc:
      Normal xPost = (Normal) GraphCopy.copy(x, Map.of(mu, qMu));
      double mse = Evaluate.evaluate("mean_squared_error", Map.of(xPost, xTest));
      List<Evaluation> all = Evaluate.builder(Map.of(xPost, xTest))
          .metrics("log_likelihood", "mean_absolute_error").nSamples(100).build().run();
      // The predictive mean is 1: MSE = (0.25 + 0.25 + 0) / 3, MAE = 1/3, within Monte Carlo error
      // of 500 draws of variance 1.01 (about 0.05 on each mean, so 0.1 on these errors).
      assertEquals(1.0 / 6, mse, 0.1);
      assertEquals(1.0 / 3, all.get(1).value(), 0.2);
      // From Averaging's and Metric's Javadoc:
      Evaluate.builder(Map.of(xPost, xTest)).metric("mean_squared_error", Averaging.NONE).build().run();
      assertEquals(Metric.MEAN_SQUARED_ERROR, Metric.parse("MSE"));
    }
  }

  @Test
  void posteriorPredictiveCheckExample() throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      Ops tf = ctx.tf();
      VariableScope scope = ctx.scope("model");
      Beta p = Beta.of(scope, 1.0, 1.0);
      Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(p).sampleShape(10).build();
      Beta qp = Beta.of(ctx.scope("posterior"), 3.0, 9.0);
      int[] xTrain = {0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
      // From PosteriorPredictiveCheck's, Discrepancy's and PpcResult's Javadoc:
      @SuppressWarnings("unchecked")
      Bernoulli<TInt32> xPost = (Bernoulli<TInt32>) GraphCopy.copy(x, Map.of(p, qp));
      Discrepancy mean = (xs, zs) -> tf.math.mean(tf.dtypes.cast(xs.get(xPost), TFloat32.class), tf.constant(0));
      PpcResult r = PosteriorPredictiveCheck.ppc(mean, Map.of(xPost, xTrain));
      Path png = r.writePlot(dir.resolve("ppc.png"), "mean");
      assertTrue(Files.size(png) > 1000);
      assertEquals(0.2, r.observedMean(), 1e-6);
      // q(p) = Beta(3, 9) has mean 0.25, so replicated means sit around the observed 0.2: the tail
      // probability is far from both ends (about 0.6; 100 samples give +-0.15 at three errors).
      assertTrue(r.tailProbability() > 0.3 && r.tailProbability() < 0.9, r.toString());
    }
  }

  @Test
  void customMetricExample() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      Normal x = Normal.builder(ctx.scope("model")).loc(ctx.tf().constant(new float[] {1, 2})).scale(1e-4).build();
      // From MetricFunction's Javadoc:
      MetricFunction logCosh = (shape, yTrue, yPred) -> {
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
          s += Math.log(Math.cosh(yPred[i] - yTrue[i]));
        }
        return s / yTrue.length;
      };
      double v = Evaluate.builder(Map.of(x, new float[] {1, 2})).metric("logcosh", logCosh).nSamples(3).build().run()
          .get(0).value();
      // Predictions equal the data to ~1e-4, and log cosh(1e-4) ~ 5e-9.
      assertEquals(0.0, v, 1e-6);
    }
  }
}
