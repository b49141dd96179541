package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassifierScoreTest {

  // float32 log-probabilities carry about 1e-7 relative error; the scores below are sums of a few
  // such terms, so 1e-5 absolute leaves a wide margin while any formula error is of order 0.1.
  private static final double TOL = 1e-5;

  @Test
  void aConstantGeneratorScoresOne() {
    FixedClassifier classifier = new FixedClassifier(4, 3.0);
    float[] images = new float[100 * 4];
    for (int i = 0; i < 100; i++) {
      images[i * 4] = 0.9f;
      images[i * 4 + 2] = 0.3f;
    }
    ClassifierScore s = ClassifierScore.of(classifier, images);
    assertEquals(1.0, s.score(), TOL);
    assertEquals(100, s.count());
  }

  @Test
  void confidentEvenPredictionsReachTheNumberOfClasses() {
    int k = 5;
    float[] logProbs = new float[k * 20];
    for (int i = 0; i < 20 * k; i++) {
      logProbs[i] = i % k == (i / k) % k ? 0f : Float.NEGATIVE_INFINITY;
    }
    ClassifierScore s = ClassifierScore.fromLogProbs(logProbs, k);
    assertEquals(k, s.score(), TOL);
    assertEquals(k, s.ceiling(), TOL);
  }

  @Test
  void twoImagesMatchTheHandComputedValue() {
    // p(y|x1) = (0.9, 0.1), p(y|x2) = (0.1, 0.9), p(y) = (0.5, 0.5):
    // KL = 0.9 ln 1.8 + 0.1 ln 0.2 for both images.
    float[] logProbs = {(float) Math.log(0.9), (float) Math.log(0.1), (float) Math.log(0.1), (float) Math.log(0.9)};
    double expected = Math.exp(0.9 * Math.log(1.8) + 0.1 * Math.log(0.2));
    ClassifierScore s = ClassifierScore.fromLogProbs(logProbs, 2);
    assertEquals(expected, s.score(), TOL);
    assertEquals(2.0, s.ceiling(), TOL);
  }

  @Test
  void theScoreNeverExceedsItsCeiling() {
    Random rng = new Random(3);
    FixedClassifier classifier = new FixedClassifier(6, 4.0);
    float[] images = new float[500 * 6];
    for (int i = 0; i < images.length; i++) {
      images[i] = rng.nextFloat();
    }
    ClassifierScore s = ClassifierScore.of(classifier, images);
    assertTrue(s.score() > 1 && s.score() <= s.ceiling() && s.ceiling() <= 6 + TOL, s.toString());
  }

  @Test
  void badInputIsRejectedNamingTheArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassifierScore.fromLogProbs(new float[] {0f, 0f}, 2));
    assertTrue(e.getMessage().contains("normalized"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassifierScore.fromLogProbs(new float[3], 2));
    assertTrue(e.getMessage().contains("`logProbs`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassifierScore.fromLogProbs(new float[] {Float.NaN, 0f}, 2));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClassifierScore.of(new FixedClassifier(4, 1), new float[] {0, 0, Float.NaN, 0}));
    assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("`images`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassifierScore.of(new FixedClassifier(4, 1), new float[0]));
    assertTrue(e.getMessage().contains("`images`"), e.getMessage());
  }
}
