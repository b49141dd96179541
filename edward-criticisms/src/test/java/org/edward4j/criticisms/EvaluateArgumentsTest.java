package org.edward4j.criticisms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Edward's argument checks (unknown metrics, output keys, samples) as clear exceptions. */
class EvaluateArgumentsTest extends GraphTestBase {

  EvaluateArgumentsTest() {
    super(1);
  }

  @Test
  void anUnknownMetricListsTheValidNames() {
    IllegalArgumentException e = fails(() -> Metric.parse("hello world"));
    assertTrue(e.getMessage().contains("hello world") && e.getMessage().contains("mean_squared_error")
        && e.getMessage().contains("log_lik"), e.getMessage());
    assertEquals(Metric.MEAN_SQUARED_ERROR, Metric.parse("MSE"));
    assertEquals(Metric.LOG_LIKELIHOOD, Metric.parse("log_lik"));
    Normal x = Normal.of(scope, 0.0, 1.0);
    fails(() -> Evaluate.builder(Map.of(x, 0f)).metrics("logcosh"));
    e = fails(() -> Evaluate.builder(Map.of(x, 0f)).build());
    assertTrue(e.getMessage().contains("`metrics`"), e.getMessage());
  }

  @Test
  void theOutputKeyMustBeGivenWhenAmbiguous() {
    // A placeholder made by the context knows it, so data of plain tensors finds its session.
    ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.scalar());
    Normal x = Normal.builder(scope).loc(xPh).scale(1.0).build();
    Operand<TFloat32> y = ctx.tf().math.mul(x, ctx.tf().constant(2f));
    Map<Operand<?>, Object> data = Map.of(x, 0f, y, 20f, xPh, 0f);
    IllegalArgumentException e = fails(() -> Evaluate.builder(data).metrics("mse").nSamples(1).build().run());
    assertTrue(e.getMessage().contains("`outputKey`") && e.getMessage().contains("2 observed keys"), e.getMessage());
    double mse = Evaluate.builder(data).metrics("mse").nSamples(1).outputKey(x).build().run().get(0).value();
    assertTrue(mse >= 0);
    e = fails(() -> Evaluate.builder(data).metrics("mse").outputKey(Normal.of(scope, 0.0, 1.0)).build());
    assertTrue(e.getMessage().contains("must be a key of `data`"), e.getMessage());
    // A tensor output is predicted by its mean, but has no density for the log-likelihood.
    e = fails(() -> Evaluate.builder(Map.of(y, 20f, xPh, 0f)).metrics("log_likelihood").nSamples(1).build().run());
    assertTrue(e.getMessage().contains("RandomVariable"), e.getMessage());
  }

  @Test
  void badSamplesDataAndAveragingAreRejected() {
    Normal x = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(3).build();
    assertTrue(fails(() -> Evaluate.builder(Map.of(x, new float[3])).nSamples(0)).getMessage().contains("`nSamples`"));
    IllegalArgumentException e = fails(() -> Evaluate.evaluate("mse", Map.of(x, new float[] {1, 2})));
    assertTrue(e.getMessage().contains("3 values") && e.getMessage().contains("[3]"), e.getMessage());
    e = fails(() -> Evaluate.evaluate("mse", Map.of(x, new float[] {1, Float.NaN, 2})));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    e = fails(() -> Evaluate.evaluate("mse", Map.of()));
    assertTrue(e.getMessage().contains("`data`"), e.getMessage());
    e = fails(() -> Evaluate.builder(Map.of(x, new float[3])).metric("binary_accuracy", Averaging.NONE));
    assertTrue(e.getMessage().contains("`average`") && e.getMessage().contains("mean_squared_error"), e.getMessage());
    e = fails(() -> Averaging.parse("weighted"));
    assertTrue(e.getMessage().contains("[none, macro, micro]"), e.getMessage());
    e = fails(() -> Evaluate.evaluate("mse", Map.of(x, "abc")));
    assertTrue(e.getMessage().contains("String"), e.getMessage());
  }

  @Test
  void metricsThatNeedCategoricalOutputsSaySo() {
    Bernoulli<TInt32> coin = Bernoulli.builder(scope).probs(0.3).sampleShape(2).build();
    IllegalArgumentException e = fails(() -> Evaluate.evaluate("kl_divergence", Map.of(coin, new int[] {0, 1})));
    assertTrue(e.getMessage().contains("Categorical"), e.getMessage());
    e = fails(() -> Evaluate.evaluate("sparse_categorical_crossentropy", Map.of(coin, new int[] {0, 1})));
    assertTrue(e.getMessage().contains("binary_crossentropy"), e.getMessage());
  }

  @Test
  void evaluationsPrintReadably() {
    Evaluation e = new Evaluation("mse", Averaging.NONE, new double[] {1, 2});
    assertEquals("mse (none) = [1.0, 2.0]", e.toString());
    assertThrows(IllegalStateException.class, e::value);
    assertEquals("log_likelihood = -1.5", new Evaluation("log_likelihood", Averaging.MACRO, new double[] {-1.5}).toString());
  }

  private static IllegalArgumentException fails(Executable call) {
    return assertThrows(IllegalArgumentException.class, call);
  }
}
