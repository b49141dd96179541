package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.edward4j.criticisms.quality.NearestNeighbourAccuracy.Distance;
import org.junit.jupiter.api.Test;

class NearestNeighbourAccuracyTest {

  private static final int D = 10;
  private static final int CLASSES = 10;

  @Test
  void perfectlySeparableFeaturesGiveAccuracyOne() {
    Random rng = new Random(5);
    Clusters ref = clusters(2000, rng);
    Clusters q = clusters(600, rng);
    double acc = NearestNeighbourAccuracy.builder(D).references(ref.features, ref.labels)
        .queries(q.features, q.labels).build().accuracy();
    assertEquals(1.0, acc, 0.0);
  }

  @Test
  void shuffledLabelsGiveChanceAccuracy() {
    Random rng = new Random(6);
    Clusters ref = clusters(3000, rng);
    Clusters q = clusters(1000, rng);
    int[] shuffled = ref.labels.clone();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    double acc = NearestNeighbourAccuracy.builder(D).references(ref.features, shuffled)
        .queries(q.features, q.labels).build().accuracy();
    // Chance is 1/10; over 1,000 queries the standard error is sqrt(0.1 * 0.9 / 1000) = 0.0095, so
    // 0.05 is over five standard errors; the unshuffled accuracy is 1.
    assertEquals(0.1, acc, 0.05);
  }

  @Test
  void matchesAHandWorkedExampleUnderBothDistances() {
    // References (1, 0), (0, 1), (10, 10) labelled 0, 1, 2.
    float[] ref = {1, 0, 0, 1, 10, 10};
    int[] refLabels = {0, 1, 2};
    float[] queries = {0.9f, 0.1f, 3f, 3.2f, 0.1f, 5f};
    int[] truth = {0, 2, 1};
    NearestNeighbourAccuracy euclid = NearestNeighbourAccuracy.builder(2).references(ref, refLabels)
        .queries(queries, truth).build();
    // (3, 3.2) is at distance 3.77 from (1, 0), 3.72 from (0, 1) and 9.76 from (10, 10): label 1.
    assertArrayEquals(new int[] {0, 1, 1}, euclid.predictedLabels());
    NearestNeighbourAccuracy cosine = NearestNeighbourAccuracy.builder(2).references(ref, refLabels)
        .queries(queries, truth).distance(Distance.COSINE).build();
    // By angle (3, 3.2) is nearest the diagonal (10, 10): cosine 0.9996 against 0.73 for (0, 1).
    assertArrayEquals(new int[] {0, 2, 1}, cosine.predictedLabels());
    assertEquals(1.0, cosine.accuracy(), 0.0);
    assertEquals(2.0 / 3, euclid.accuracy(), 1e-12);
  }

  @Test
  void badInputIsRejectedNamingTheArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NearestNeighbourAccuracy.builder(2).references(new float[3], new int[2]));
    assertTrue(e.getMessage().contains("`references`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NearestNeighbourAccuracy.builder(2).queries(new float[] {0, Float.NaN}, new int[1]));
    assertTrue(e.getMessage().contains("`queries`") && e.getMessage().contains("finite"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NearestNeighbourAccuracy.builder(2).queries(new float[0], new int[0]));
    assertTrue(e.getMessage().contains("at least one"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NearestNeighbourAccuracy.builder(2).references(new float[2], new int[1]).build());
    assertTrue(e.getMessage().contains("`queries`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NearestNeighbourAccuracy.builder(0));
    assertTrue(e.getMessage().contains("`dimension`"), e.getMessage());
  }

  private record Clusters(float[] features, int[] labels) {}

  /** Points around one of ten centres 10 e_label (14 apart), with N(0, 0.5^2) noise per axis. */
  private static Clusters clusters(int n, Random rng) {
    float[] f = new float[n * D];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(CLASSES);
      for (int j = 0; j < D; j++) {
        f[i * D + j] = (float) ((j == labels[i] ? 10.0 : 0.0) + 0.5 * rng.nextGaussian());
      }
    }
    return new Clusters(f, labels);
  }
}
