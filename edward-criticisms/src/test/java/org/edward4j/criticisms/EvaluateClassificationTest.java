package org.edward4j.criticisms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.edward4j.core.TensorValue;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Categorical;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TInt32;

/**
 * Edward's classification cases (tests/criticisms/evaluate_test.py) and hand-computed
 * cross-entropies. Predictions come from fixed probabilities, so they are exact whatever the draws.
 */
class EvaluateClassificationTest extends GraphTestBase {

  // Accuracies are exact fractions; cross-entropies are sums of float32 logs of the probabilities,
  // exact to about 1e-7 relative.
  private static final double TOL = 1e-6;

  EvaluateClassificationTest() {
    super(12345);
  }

  @Test
  void binaryAccuracyOfBernoulliPredictions() {
    Bernoulli<TInt32> x = Bernoulli.ofProbs(scope, 0.51);
    assertEquals(1.0, Evaluate.builder(Map.of(x, 1)).metrics("binary_accuracy").nSamples(1).build().run().get(0).value());
    Bernoulli<TInt32> five = Bernoulli.builder(scope).probs(0.51).sampleShape(5).build();
    assertEquals(0.6, Evaluate.builder(Map.of(five, new int[] {1, 1, 1, 0, 0})).metrics("binary_accuracy").nSamples(1)
        .build().run().get(0).value(), TOL);
    Bernoulli<TInt32> three = Bernoulli.ofProbs(scope, tf.constant(new float[] {0.51f, 0.49f, 0.49f}));
    assertEquals(2.0 / 3, Evaluate.builder(Map.of(three, new int[] {1, 0, 1})).metrics("binary_accuracy")
        .nSamples(1).build().run().get(0).value(), TOL);
  }

  @Test
  void sparseCategoricalAccuracyOfCategoricalPredictions() {
    float[] p = {0.48f, 0.51f, 0.01f};
    Categorical<TInt32> x = Categorical.ofProbs(scope, p);
    assertEquals(1.0, evaluate("sparse_categorical_accuracy", x, 1), TOL);
    Categorical<TInt32> five = Categorical.builder(scope).probs(p).sampleShape(5).build();
    assertEquals(0.6, evaluate("sparse_categorical_accuracy", five, new int[] {1, 1, 1, 0, 2}), TOL);
    Categorical<TInt32> two = Categorical.ofProbs(scope, tf.constant(new float[][] {{0.48f, 0.51f, 0.01f},
        {0.51f, 0.48f, 0.01f}}));
    assertEquals(0.5, evaluate("sparse_categorical_accuracy", two, new int[] {1, 2}), TOL);
    assertEquals(0.5, evaluate("accuracy", two, new int[] {1, 2}), TOL, "labels above 1: sparse categorical");
  }

  @Test
  void categoricalAccuracyTakesOneHotData() {
    Categorical<TInt32> five = Categorical.builder(scope).probs(new float[] {0.48f, 0.51f, 0.01f}).sampleShape(5).build();
    float[][] oneHot = {{0, 1, 0}, {0, 1, 0}, {0, 1, 0}, {1, 0, 0}, {0, 0, 1}};
    assertEquals(0.6, evaluate("categorical_accuracy", five, oneHot), TOL);
  }

  @Test
  void crossEntropiesAreThePredictiveOnes() {
    Bernoulli<TInt32> coin = Bernoulli.builder(scope).probs(0.8).sampleShape(2).build();
    double bce = -(Math.log(0.8) + Math.log(0.2)) / 2;
    assertEquals(bce, evaluate("binary_crossentropy", coin, new int[] {1, 0}), TOL);
    assertEquals(bce, evaluate("log_loss", coin, new int[] {1, 0}), TOL);
    assertEquals(bce, evaluate("crossentropy", coin, new int[] {1, 0}), TOL, "labels in {0, 1}: binary");

    Categorical<TInt32> die = Categorical.builder(scope).probs(new float[] {0.2f, 0.3f, 0.5f}).sampleShape(2).build();
    double sparse = -(Math.log(0.5) + Math.log(0.2)) / 2;
    assertEquals(sparse, evaluate("sparse_categorical_crossentropy", die, new int[] {2, 0}), TOL);
    float[][] oneHot = {{0, 0, 1}, {1, 0, 0}};
    assertEquals(sparse, evaluate("categorical_crossentropy", die, oneHot), TOL);
    // KL((0.5, 0.5, 0) || (0.2, 0.3, 0.5)) summed over one row.
    Categorical<TInt32> one = Categorical.ofProbs(scope, new float[] {0.2f, 0.3f, 0.5f});
    double kl = 0.5 * Math.log(0.5 / 0.2) + 0.5 * Math.log(0.5 / 0.3);
    assertEquals(kl, evaluate("kl_divergence", one, new TensorValue(new long[] {3}, new float[] {0.5f, 0.5f, 0})), TOL);
  }

  @Test
  void logitsParametersGiveTheSamePredictions() {
    // softmax(log p) = p: the same case as above through the logits parameter.
    Categorical<TInt32> die = Categorical.builder(scope)
        .logits(new float[] {(float) Math.log(0.2), (float) Math.log(0.3), (float) Math.log(0.5)}).sampleShape(2).build();
    assertEquals(-(Math.log(0.5) + Math.log(0.2)) / 2, evaluate("sparse_categorical_crossentropy", die, new int[] {2, 0}),
        1e-5);
    assertEquals(0.5, evaluate("sparse_categorical_accuracy", die, new int[] {2, 0}), TOL);
  }

  private static double evaluate(String metric, org.tensorflow.Operand<?> x, Object value) {
    return Evaluate.builder(Map.of(x, value)).metrics(metric).nSamples(3).build().run().get(0).value();
  }
}
