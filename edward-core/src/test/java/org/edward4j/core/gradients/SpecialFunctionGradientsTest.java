package org.edward4j.core.gradients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.edward4j.core.ModelContext;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The special-function gradients {@link SpecialFunctionGradients} registers, against central
 * differences of the functions themselves ({@link GradientCheck}: step 1e-2, relative error 1e-2 of
 * {@code max(0.1, |numeric|)}), with respect to every differentiable input, including broadcast
 * ones (a scalar {@code a} against a vector {@code x}) whose gradients must be summed back.
 * Evaluation points keep a 2e-2 margin from the domains' edges so no stencil leaves them.
 */
class SpecialFunctionGradientsTest {

  /** A graph function of one placeholder. */
  @FunctionalInterface
  interface Cell extends BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> {}

  static Stream<Arguments> cases() {
    float[] shapes = {0.6f, 1.3f, 2.5f, 4f};
    float[] points = {0.3f, 1.1f, 2.2f, 5f};
    float[] unit = {0.1f, 0.35f, 0.6f, 0.9f};
    float[] mixed = {-3.5f, -0.7f, 0.05f, 0.4f, 2.5f, 9f};
    return Stream.of(
        Arguments.of("Igamma", "a", shapes, (Cell) (tf, a) -> tf.math.igamma(a, tf.constant(points))),
        Arguments.of("Igamma", "x", points, (Cell) (tf, x) -> tf.math.igamma(tf.constant(shapes), x)),
        Arguments.of("Igamma", "x against a scalar a", points, (Cell) (tf, x) -> tf.math.igamma(tf.constant(1.7f), x)),
        Arguments.of("Igamma", "a scalar a against x", new float[] {1.7f},
            (Cell) (tf, a) -> tf.math.igamma(tf.reshape(a, tf.constant(new int[0])), tf.constant(points))),
        Arguments.of("Igammac", "a", shapes, (Cell) (tf, a) -> tf.math.igammac(a, tf.constant(points))),
        Arguments.of("Igammac", "x", points, (Cell) (tf, x) -> tf.math.igammac(tf.constant(shapes), x)),
        Arguments.of("Betainc", "x", unit, (Cell) (tf, x) -> tf.math.betainc(tf.constant(shapes), tf.constant(points), x)),
        Arguments.of("Betainc", "a", shapes, (Cell) (tf, a) -> tf.math.betainc(a, tf.constant(points), tf.constant(unit))),
        Arguments.of("Betainc", "b", points, (Cell) (tf, b) -> tf.math.betainc(tf.constant(shapes), b, tf.constant(unit))),
        Arguments.of("BesselI0e", "x", mixed, (Cell) (tf, x) -> tf.math.besselI0e(x)),
        Arguments.of("BesselI1e", "x", mixed, (Cell) (tf, x) -> tf.math.besselI1e(x)),
        Arguments.of("Erfc", "x", mixed, (Cell) (tf, x) -> tf.math.erfc(x)),
        // Third derivative of lgamma: d/dx polygamma(1, x) = polygamma(2, x).
        Arguments.of("Polygamma", "x", points, (Cell) (tf, x) -> tf.math.polygamma(tf.onesLike(x), x)));
  }

  @ParameterizedTest(name = "{0} with respect to {1}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferences(String opType, String wrt, float[] at, Cell f) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(at.length)));
      Operand<TFloat32> y = f.apply(tf, x);
      assertTrue(MissingGradients.opTypes().contains(opType), opType + " is registered");
      GradientCheck.assertGradient(ctx, x, y, at, 1e-2, 1e-2);
    }
  }

  /** At 0, {@code i1e}'s gradient is its limit 1/2, not {@code 0 * (1 / 0)}. */
  @Test
  void besselI1eGradientAtZeroIsOneHalf() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.constant(new float[] {0f});
      Operand<TFloat32> g = tf.gradients(tf.reduceSum(tf.math.besselI1e(x), tf.constant(0)), List.of(x)).dy(0);
      float v = ctx.eval(g).data()[0];
      assertTrue(Math.abs(v - 0.5f) < 1e-6, "d i1e / dx at 0 = " + v);
    }
  }
}
