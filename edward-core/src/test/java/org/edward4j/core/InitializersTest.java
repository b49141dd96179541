package org.edward4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.edward4j.core.testing.StatisticalAssertions;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

class InitializersTest {

  private static float[] draw(Initializer init) {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      return ctx.eval(ctx.scope("S").getVariable("w", Shape.of(100, 100), init)).data();
    }
  }

  @Test
  void randomNormalFollowsItsDistribution() {
    float[] w = draw(Initializers.randomNormal(1.5, 0.3));
    NormalDistribution n = new NormalDistribution(1.5, 0.3);
    StatisticalAssertions.assertMatchesCdf("randomNormal(1.5, 0.3)", w, n::cumulativeProbability, 1e-6);
  }

  @Test
  void truncatedNormalFollowsTheNormalCutAtTwoStandardDeviations() {
    float[] w = draw(Initializers.truncatedNormal(-1, 0.5));
    NormalDistribution n = new NormalDistribution(-1, 0.5);
    double lo = n.cumulativeProbability(-2);
    double mass = n.cumulativeProbability(0) - lo;
    for (float x : w) {
      assertTrue(x >= -2 && x <= 0, "draw " + x + " outside mean +- 2 sd");
    }
    StatisticalAssertions.assertMatchesCdf(
        "truncatedNormal(-1, 0.5)", w, x -> Math.min(1, Math.max(0, (n.cumulativeProbability(x) - lo) / mass)), 1e-6);
  }

  @Test
  void constantsAndBoundsAreChecked() {
    assertEquals(2.5f, draw(Initializers.constant(2.5))[17]);
    assertThrows(IllegalArgumentException.class, () -> Initializers.randomNormal(0, 0));
    assertThrows(IllegalArgumentException.class, () -> Initializers.truncatedNormal(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> Initializers.randomUniform(1, 1));
    assertThrows(IllegalArgumentException.class, () -> Initializers.constant(Double.POSITIVE_INFINITY));
  }
}
