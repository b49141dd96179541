package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleQualityTest {

  private static final int K = 4;

  @Test
  void realImagesScoreNearTheCeilingAndAtZeroDistanceFromThemselves() {
    float[] real = oneHotImages(2000, new Random(1));
    SampleQuality quality = SampleQuality.against(new FixedClassifier(K, 20.0), real);
    SampleQuality.Scores s = quality.measure(real);
    // softmax(20 e_k) puts 1 - 3e^-20 on class k: the score equals the ceiling to about 1e-7.
    assertEquals(s.classifierScore().ceiling(), s.classifierScore().score(), 1e-4);
    assertEquals(K, s.classifierScore().ceiling(), 0.02, "classes drawn evenly: ceiling near K");
    assertEquals(0.0, s.frechetDistance(), 1e-9);
  }

  @Test
  void aConstantGeneratorScoresOneAndIsFarFromTheRealImages() {
    float[] real = oneHotImages(2000, new Random(2));
    SampleQuality quality = SampleQuality.against(new FixedClassifier(K, 20.0), real);
    float[] constant = new float[500 * K];
    for (int i = 0; i < 500; i++) {
      constant[i * K + 1] = 1f;
    }
    SampleQuality.Scores s = quality.measure(constant);
    assertEquals(1.0, s.classifierScore().score(), 1e-6);
    // Features of the real images: one-hot, mean 1/4 per axis, covariance diag(3/16) - 1/16 off the
    // diagonal; the constant set has mean e_1 and zero covariance: FD = |mean difference|^2 + Tr(S)
    // = (9/16 + 3/16) + 4 * 3/16 = 1.5, up to sampling error of the real set (about 0.01).
    assertEquals(1.5, s.frechetDistance(), 0.05);
  }

  @Test
  void badInputIsRejectedNamingTheArgument() {
    SampleQuality quality = SampleQuality.against(new FixedClassifier(K, 1.0), oneHotImages(10, new Random(3)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> quality.measure(new float[K]));
    assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> quality.measure(new float[K + 1]));
    assertTrue(e.getMessage().contains("`images`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SampleQuality.against(new FixedClassifier(K, 1.0), new float[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("`realImages`"), e.getMessage());
  }

  private static float[] oneHotImages(int n, Random rng) {
    float[] x = new float[n * K];
    for (int i = 0; i < n; i++) {
      x[i * K + rng.nextInt(K)] = 1f;
    }
    return x;
  }
}
