package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ten-split classifier score on inputs whose answer is computed by hand. */
class SplitClassifierScoreTest {

  /** float32 log-probabilities of rows given as probabilities. */
  private static float[] logProbs(double[]... rows) {
    float[] out = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < rows[i].length; k++) {
        out[i * rows[i].length + k] = (float) Math.log(rows[i][k]);
      }
    }
    return out;
  }

  private static double[][] oneHot(int... classes) {
    double[][] rows = new double[classes.length][2];
    for (int i = 0; i < classes.length; i++) {
      rows[i][classes[i]] = 1;
    }
    return rows;
  }

  @Test
  void balancedSplitsScoreTheNumberOfClassesTheyUse() {
    // 20 confident images alternating between two classes: each split of two holds one of each,
    // so every split scores exp(H(1/2, 1/2)) = 2, as does the whole set.
    int[] classes = new int[20];
    for (int i = 0; i < 20; i++) {
      classes[i] = i % 2;
    }
    SplitClassifierScore s = SplitClassifierScore.fromLogProbs(logProbs(oneHot(classes)), 2, 10);
    assertEquals(10, s.splits());
    // exp of float32 logs of exactly 1 and 0: the rows are exact, so only double rounding remains.
    assertEquals(2.0, s.mean(), 1e-12);
    assertEquals(0.0, s.std(), 1e-12);
  }

  @Test
  void sortedImagesScoreOneInEachSplitButTwoOverall() {
    // Ten images of class 0 then ten of class 1: each split of two sees one class only and scores
    // exp(0) = 1, while the one-split score over all twenty is 2.
    int[] classes = new int[20];
    for (int i = 10; i < 20; i++) {
      classes[i] = 1;
    }
    float[] lp = logProbs(oneHot(classes));
    SplitClassifierScore s = SplitClassifierScore.fromLogProbs(lp, 2, 10);
    assertEquals(1.0, s.mean(), 1e-12);
    assertEquals(0.0, s.std(), 1e-12);
    assertEquals(2.0, ClassifierScore.fromLogProbs(lp, 2).score(), 1e-12);
  }

  @Test
  void meanAndPopulationDeviationOfUnequalSplits() {
    // Split 1: one-hot 0 and one-hot 1 -> 2. Split 2: one-hot 0 twice -> 1.
    // Mean 1.5; population deviation sqrt(((2 - 1.5)^2 + (1 - 1.5)^2) / 2) = 0.5.
    SplitClassifierScore s = SplitClassifierScore.fromLogProbs(logProbs(oneHot(0, 1, 0, 0)), 2, 2);
    assertArrayEquals(new double[] {2.0, 1.0}, s.scores(), 1e-12);
    assertEquals(1.5, s.mean(), 1e-12);
    assertEquals(0.5, s.std(), 1e-12);
  }

  @Test
  void softPredictionsByHand() {
    // Two images, p = (1/2, 1/2) and (1, 0): marginal (3/4, 1/4),
    // H(marginal) = -(3/4 ln 3/4 + 1/4 ln 1/4), mean conditional entropy (ln 2 + 0) / 2,
    // score = exp(H(marginal) - ln 2 / 2).
    double hMarginal = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    double expected = Math.exp(hMarginal - Math.log(2) / 2);
    float[] lp = logProbs(new double[] {0.5, 0.5}, new double[] {1, 0});
    SplitClassifierScore one = SplitClassifierScore.fromLogProbs(lp, 2, 1);
    // float32 log(0.5) carries a relative error of 6e-8; the score moves by less than 1e-6.
    assertEquals(expected, one.mean(), 1e-6);
    assertEquals(ClassifierScore.fromLogProbs(lp, 2).score(), one.mean(), 0.0);
    assertEquals(0.0, one.std(), 0.0);
    // Two splits of one image: any single image scores exp(0) = 1.
    assertEquals(1.0, SplitClassifierScore.fromLogProbs(lp, 2, 2).mean(), 1e-12);
  }

  @Test
  void unevenSplitsFollowSalimansBoundaries() {
    // n = 5, splits = 2: parts [0, 2) and [2, 5). Classes 0,1 | 0,0,0 -> scores 2 and 1.
    SplitClassifierScore s = SplitClassifierScore.fromLogProbs(logProbs(oneHot(0, 1, 0, 0, 0)), 2, 2);
    assertArrayEquals(new double[] {2.0, 1.0}, s.scores(), 1e-12);
  }

  @Test
  void javadocExample() {
    // Two-pixel images that a sharp fixed classifier puts confidently in class 0 or 1, alternating.
    ImageClassifier classifier = new FixedClassifier(2, 50);
    float[] generatedImages = new float[40];
    for (int i = 0; i < 20; i++) {
      generatedImages[2 * i + i % 2] = 1;
    }
    // From SplitClassifierScore's Javadoc:
    SplitClassifierScore s = SplitClassifierScore.of(classifier.classify(generatedImages), 10);
    // softmax(50, 0) leaves exp(-50) on the other class: each split scores 2 to within 1e-18.
    assertEquals(2.0, s.mean(), 1e-9);
    assertTrue(s.toString().contains("over 10 splits"), s.toString());
  }

  @Test
  void rejectsSplitsOutOfRange() {
    float[] lp = logProbs(oneHot(0, 1, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SplitClassifierScore.fromLogProbs(lp, 2, 4));
    assertTrue(e.getMessage().contains("`splits` must be in [1, 3]") && e.getMessage().contains("got 4"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SplitClassifierScore.fromLogProbs(lp, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> SplitClassifierScore.fromLogProbs(new float[3], 2, 1));
  }
}
