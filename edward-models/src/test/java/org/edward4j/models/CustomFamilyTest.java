package org.edward4j.models;

import static org.edward4j.core.testing.StatisticalAssertions.assertMatchesCdf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.edward4j.core.ModelContext;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Edward's extension point: the {@link CustomFamily} snippet of the Javadoc and docs/PORTING.md,
 * copied verbatim so it compiles, defines a working Laplace family: its density matches
 * commons-math's, its 100,000 draws pass the DKW-bounded Kolmogorov-Smirnov test at alpha 1e-6,
 * draws are reproducible under a seed and reparameterized, and bad parameters are rejected.
 */
class CustomFamilyTest extends GraphTestBase {

  /** The docs' snippet, verbatim. */
  static CustomFamily laplaceFamily() {
    CustomFamily laplace = CustomFamily.named("MyLaplace")
        .parameter("loc", Constraint.REAL)
        .parameter("scale", Constraint.POSITIVE)
        .logDensity((tf, x, p) -> tf.math.sub(
            tf.math.neg(tf.math.abs(tf.math.div(tf.math.sub(x, p.get("loc")), p.get("scale")))),
            tf.math.log(tf.math.mul(tf.constant(2f), p.get("scale")))))
        .sampler(d -> {
          Operand<TFloat32> u = d.tf().math.sub(d.uniform(), d.tf().constant(0.5f));  // U(-1/2, 1/2)
          Operand<TFloat32> e = d.tf().math.log1p(d.tf().math.mul(d.tf().constant(-2f), d.tf().math.abs(u)));
          return d.tf().math.sub(d.param("loc"), d.tf().math.mul(d.tf().math.mul(d.param("scale"), d.tf().math.sign(u)), e));
        })
        .reparameterized(true)
        .define();
    return laplace;
  }

  @Test
  void aFamilyFromALogDensityAndASamplerWorksLikeABuiltInOne() {
    CustomFamily laplace = laplaceFamily();
    CustomRandomVariable x = laplace.builder(scope).set("loc", 0.0).set("scale", 2.0).sampleShape(100).build();
    assertEquals("test/MyLaplace", x.name());
    assertArrayEquals(new long[] {100}, x.sampleShape().asArray());
    LaplaceDistribution ref = new LaplaceDistribution(0, 2);
    float[] at = {-3f, 0.5f, 4f};
    LogProbTest.assertClose("log density", new double[] {ref.logDensity(-3), ref.logDensity(0.5), ref.logDensity(4)},
        eval(x.logProb(vector(at))));
    assertMatchesCdf("MyLaplace(0, 2)", eval(x.sample(100_000)), ref::cumulativeProbability, 1e-6);
    assertThrows(UnsupportedOperationException.class, x::mean);
    assertTrue(x.isReparameterized());
    CustomRandomVariable copy = (CustomRandomVariable) x.withParameters(Map.of("loc", scalar(1), "scale", scalar(0.5)));
    assertEquals(new LaplaceDistribution(1, 0.5).logDensity(1.2), eval(copy.logProb(scalar(1.2)))[0], 2e-5);
    assertEquals(laplace, copy.family());
  }

  @Test
  void drawsAreSeededAndDifferentiable() {
    float[] first;
    try (ModelContext c = ModelContext.withSeed(5)) {
      first = c.eval(laplaceFamily().builder(c.scope("m")).set("loc", 0.0).set("scale", 1.0).sampleShape(8).build()).data();
    }
    try (ModelContext c = ModelContext.withSeed(5)) {
      assertArrayEquals(first, c.eval(laplaceFamily().builder(c.scope("m")).set("loc", 0.0).set("scale", 1.0).sampleShape(8).build()).data());
    }
    var loc = placeholder();
    CustomRandomVariable x = laplaceFamily().builder(scope).set("loc", loc).set("scale", 1.0).sampleShape(5).build();
    Operand<TFloat32> g = tf.gradients(tf.reduceSum(x, tf.constant(0)), List.of(loc)).dy(0);
    assertEquals(5f, evalAll(Map.of(loc, new float[] {0.3f}), List.of(g)).get(0).scalar(), 1e-6f, "d sum(x) / d loc");
  }

  @Test
  void parametersAreCheckedAgainstTheDefinition() {
    CustomFamily laplace = laplaceFamily();
    BadInputTest.assertMessage(() -> laplace.builder(scope).set("scale", -1.0), "`scale` must be positive and finite, got -1.0");
    BadInputTest.assertMessage(() -> laplace.builder(scope).set("rate", 1.0), "`rate` is not a parameter of MyLaplace; valid names are [loc, scale]");
    BadInputTest.assertMessage(() -> laplace.builder(scope).set("loc", 0.0).build(), "`scale` must be given for MyLaplace");
    BadInputTest.assertMessage(() -> CustomFamily.named("Bare").parameter("a", Constraint.REAL).define(),
        "`logDensity` and `sampler` must be given for Bare");
    BadInputTest.assertMessage(() -> CustomFamily.named("a/b"), "`name` must match");
  }

  @Test
  void aMeanCanBeGiven() {
    CustomFamily shifted = CustomFamily.named("Shifted")
        .parameter("loc", Constraint.REAL)
        .logDensity((tf, x, p) -> tf.math.neg(tf.math.square(tf.math.sub(x, p.get("loc")))))
        .sampler(d -> d.tf().math.add(d.param("loc"), d.tf().math.mul(d.normal(), d.tf().constant((float) Math.sqrt(0.5)))))
        .mean((tf, p) -> p.get("loc"))
        .define();
    CustomRandomVariable v = shifted.builder(scope).set("loc", vector(1f, 2f)).build();
    assertArrayEquals(new float[] {1f, 2f}, eval(v.mean()));
  }
}
