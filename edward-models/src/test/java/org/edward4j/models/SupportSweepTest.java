package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.edward4j.models.bijectors.Support;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Every family of {@link AllFamilies} whose support is constrained ({@link Supports#of}: positive,
 * unit interval, simplex) gives {@code -inf}, not NaN, at points outside it, with validation on (the
 * default): the edge-case rule checked family by family rather than by hand-picked cases.
 */
class SupportSweepTest extends GraphTestBase {

  static List<AllFamilies.Maker> constrained() {
    return AllFamilies.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constrained")
  void pointsOutsideTheSupportAreMinusInfinity(AllFamilies.Maker maker) {
    AbstractRandomVariable<?> rv = maker.build().apply(scope);
    Support support = Supports.of(rv);
    List<float[]> outside = new ArrayList<>();
    switch (support) {
      case POSITIVE -> {
        outside.add(new float[] {-1f});
        outside.add(new float[] {-1e-3f});
      }
      case UNIT_INTERVAL -> {
        outside.add(new float[] {-0.5f});
        outside.add(new float[] {1.5f});
      }
      case SIMPLEX -> {
        int k = (int) rv.eventShape().asArray()[0];
        float[] negative = new float[k];
        negative[0] = -0.5f;
        negative[1] = 1.5f;
        outside.add(negative);
        float[] offSum = new float[k];
        java.util.Arrays.fill(offSum, 0.5f);
        outside.add(offSum);
      }
      default -> {
        return; // unconstrained, discrete or parameter-dependent support: covered by the families' own tests
      }
    }
    for (float[] x : outside) {
      Operand<TFloat32> point = x.length == 1 ? scalar(x[0]) : vector(x);
      float[] lp = eval(rv.logProb(point));
      for (float v : lp) {
        assertEquals(Float.NEGATIVE_INFINITY, v, maker.label() + " at " + java.util.Arrays.toString(x));
      }
    }
  }
}
