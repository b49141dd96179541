package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Bad input fails in Java, before any op is built, with an exception naming the argument; no input
 * may reach the native runtime in a state that could crash the JVM.
 */
class BadInputTest extends GraphTestBase {

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void nonFloatParametersAreRejected(Families.Continuous f) {
    for (int i = 0; i < f.params().length; i++) {
      List<Operand<TFloat32>> ops = new java.util.ArrayList<>();
      for (int j = 0; j < f.params().length; j++) {
        ops.add(j == i ? intAsFloat(tf.constant(1)) : scalar(f.params()[j]));
      }
      String name = f.names().get(i);
      assertMessage(() -> f.build().apply(scope, ops), "`" + name + "` must be float32, got int32");
    }
  }

  @Test
  void float64ParametersAreRejected() {
    @SuppressWarnings("unchecked")
    Operand<TFloat32> dbl = (Operand<TFloat32>) (Operand<?>) tf.constant(1.0);
    assertMessage(() -> Normal.of(scope, dbl, scalar(1)), "`loc` must be float32, got float64");
    assertEquals(TFloat64.class, dbl.type());
  }

  @Test
  void shapesThatDoNotBroadcastAreRejectedWithBothShapes() {
    Operand<TFloat32> loc = tf.zeros(tf.constant(new int[] {128, 100}), TFloat32.class);
    Operand<TFloat32> scale = tf.ones(tf.constant(new int[] {128}), TFloat32.class);
    assertMessage(() -> Normal.of(scope, loc, scale), "`scale` must have shape [128, 100] to match `loc`, got [128]");
    assertMessage(() -> Gamma.of(scope, vector(1f, 2f, 3f), vector(1f, 2f)),
        "`rate` must have shape [3] to match `concentration`, got [2]");
    assertMessage(() -> MultivariateNormalDiag.of(scope, new float[] {0f, 0f}, new float[] {1f, 1f, 1f}),
        "`scaleDiag` must have shape [2] to match `loc`, got [3]");
  }

  @Test
  void shapesThatBroadcastAreAllowed() {
    Operand<TFloat32> loc = tf.zeros(tf.constant(new int[] {128, 100}), TFloat32.class);
    assertEquals(Shape.of(128, 100), Normal.of(scope, loc, tf.ones(tf.constant(new int[] {100}), TFloat32.class)).batchShape());
    assertEquals(Shape.of(128, 100), Normal.of(scope, loc, tf.ones(tf.constant(new int[] {128, 1}), TFloat32.class)).batchShape());
    assertEquals(Shape.of(3, 2), Normal.of(scope, constant(new long[] {3, 1}, 1f, 2f, 3f), vector(1f, 2f)).batchShape());
  }

  static Stream<Arguments> invalidNumbers() {
    return Stream.of(
        Arguments.of("Normal scale 0", (Builder) s -> Normal.of(s, 0, 0), "`scale` must be positive and finite, got 0.0"),
        Arguments.of("Normal scale -1", (Builder) s -> Normal.of(s, 0, -1), "`scale` must be positive and finite, got -1.0"),
        Arguments.of("Normal scale NaN", (Builder) s -> Normal.of(s, 0, Double.NaN), "`scale` must be positive and finite, got NaN"),
        Arguments.of("Normal loc NaN", (Builder) s -> Normal.of(s, Double.NaN, 1), "`loc` must be finite, got NaN"),
        Arguments.of("Laplace scale inf", (Builder) s -> Laplace.of(s, 0, Double.POSITIVE_INFINITY),
            "`scale` must be positive and finite, got Infinity"),
        Arguments.of("Gamma concentration 0", (Builder) s -> Gamma.of(s, 0, 1), "`concentration` must be positive and finite, got 0.0"),
        Arguments.of("Gamma rate -2", (Builder) s -> Gamma.of(s, 1, -2), "`rate` must be positive and finite, got -2.0"),
        Arguments.of("Beta concentration0 NaN", (Builder) s -> Beta.of(s, 1, Double.NaN),
            "`concentration0` must be positive and finite, got NaN"),
        Arguments.of("Exponential rate 0", (Builder) s -> Exponential.of(s, 0), "`rate` must be positive and finite, got 0.0"),
        Arguments.of("Poisson rate -1", (Builder) s -> Poisson.of(s, -1), "`rate` must be positive and finite, got -1.0"),
        Arguments.of("MultivariateNormalDiag scaleDiag 0",
            (Builder) s -> MultivariateNormalDiag.of(s, new float[] {0f, 0f}, new float[] {1f, 0f}),
            "`scaleDiag` must be positive and finite, got 0.0 at flat index 1"),
        Arguments.of("Uniform low = high", (Builder) s -> Uniform.of(s, 1, 1), "`high` must be above `low`, got low 1.0 and high 1.0"),
        Arguments.of("Bernoulli probs 1.5", (Builder) s -> Bernoulli.ofProbs(s, 1.5), "`probs` must be in [0, 1], got 1.5"),
        Arguments.of("Bernoulli probs -0.1", (Builder) s -> Bernoulli.ofProbs(s, -0.1), "`probs` must be in [0, 1], got -0.1"),
        Arguments.of("Bernoulli probs NaN", (Builder) s -> Bernoulli.ofProbs(s, Double.NaN), "`probs` must be in [0, 1], got NaN"),
        Arguments.of("Bernoulli logits NaN", (Builder) s -> Bernoulli.ofLogits(s, Double.NaN), "`logits` must be finite, got NaN"),
        Arguments.of("Categorical probs 1.2", (Builder) s -> Categorical.ofProbs(s, new float[] {0.5f, 1.2f}),
            "`probs` must be in [0, 1], got 1.2 at flat index 1"),
        Arguments.of("PointMass NaN", (Builder) s -> PointMass.of(s, Double.NaN), "`params` must be finite, got NaN"),
        Arguments.of("Empirical inf", (Builder) s -> Empirical.of(s, new float[] {1f, Float.NEGATIVE_INFINITY}),
            "`params` must be finite, got -Infinity at flat index 1"),
        // dists-a: the catalogue's continuous families (issue 12, part A).
        Arguments.of("Cauchy scale 0", (Builder) s -> Cauchy.of(s, 0, 0), "`scale` must be positive and finite, got 0.0"),
        Arguments.of("HalfCauchy scale -1", (Builder) s -> HalfCauchy.of(s, 0, -1), "`scale` must be positive and finite, got -1.0"),
        Arguments.of("HalfCauchy loc inf", (Builder) s -> HalfCauchy.of(s, Double.POSITIVE_INFINITY, 1),
            "`loc` must be finite, got Infinity"),
        Arguments.of("HalfNormal scale -2", (Builder) s -> HalfNormal.of(s, -2), "`scale` must be positive and finite, got -2.0"),
        Arguments.of("StudentT df 0", (Builder) s -> StudentT.of(s, 0, 0, 1), "`df` must be positive and finite, got 0.0"),
        Arguments.of("StudentT df -3", (Builder) s -> StudentT.of(s, -3, 0, 1), "`df` must be positive and finite, got -3.0"),
        Arguments.of("StudentT scale NaN", (Builder) s -> StudentT.of(s, 3, 0, Double.NaN), "`scale` must be positive and finite, got NaN"),
        Arguments.of("Chi2 df -1", (Builder) s -> Chi2.of(s, -1), "`df` must be positive and finite, got -1.0"),
        Arguments.of("Gumbel scale 0", (Builder) s -> Gumbel.of(s, 0, 0), "`scale` must be positive and finite, got 0.0"),
        Arguments.of("Logistic scale -0.5", (Builder) s -> Logistic.of(s, 0, -0.5), "`scale` must be positive and finite, got -0.5"),
        Arguments.of("LogNormal scale 0", (Builder) s -> LogNormal.of(s, 0, 0), "`scale` must be positive and finite, got 0.0"),
        Arguments.of("Kumaraswamy concentration1 0", (Builder) s -> Kumaraswamy.of(s, 0, 1),
            "`concentration1` must be positive and finite, got 0.0"),
        Arguments.of("Kumaraswamy concentration0 -1", (Builder) s -> Kumaraswamy.of(s, 1, -1),
            "`concentration0` must be positive and finite, got -1.0"),
        Arguments.of("VonMises concentration -1", (Builder) s -> VonMises.of(s, 0, -1),
            "`concentration` must be positive and finite, got -1.0"),
        Arguments.of("VonMises loc NaN", (Builder) s -> VonMises.of(s, Double.NaN, 1), "`loc` must be finite, got NaN"),
        Arguments.of("InverseGamma concentration 0", (Builder) s -> InverseGamma.of(s, 0, 1),
            "`concentration` must be positive and finite, got 0.0"),
        Arguments.of("InverseGamma rate -1", (Builder) s -> InverseGamma.of(s, 1, -1), "`rate` must be positive and finite, got -1.0"),
        Arguments.of("Deterministic loc NaN", (Builder) s -> Deterministic.of(s, Double.NaN), "`loc` must be finite, got NaN"),
        Arguments.of("Deterministic atol -1", (Builder) s -> Deterministic.builder(s).loc(0).atol(-1),
            "`atol` must be non-negative, got -1.0"),
        Arguments.of("Deterministic rtol NaN", (Builder) s -> Deterministic.builder(s).loc(0).rtol(Double.NaN),
            "`rtol` must be non-negative, got NaN"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidNumbers")
  void invalidJavaNumbersAreRejected(String label, Builder build, String message) {
    int before = countOps();
    assertMessage(() -> build.apply(scope), message);
    assertEquals(before, countOps(), "no op was built before the check failed");
  }

  @Test
  void invalidConstantTensorsAreRejected() {
    assertMessage(() -> Normal.of(scope, scalar(0), vector(1f, -1f)), "`scale` must be positive and finite, got -1.0 at flat index 1");
    assertMessage(() -> Gamma.of(scope, scalar(Float.NaN), scalar(1)), "`concentration` must be positive and finite, got NaN");
    assertMessage(() -> Bernoulli.ofProbs(scope, vector(0.5f, 2f)), "`probs` must be in [0, 1], got 2.0 at flat index 1");
    assertMessage(() -> Uniform.of(scope, vector(0f, 5f), scalar(4)), "`high` must be above `low`, got low 5.0 and high 4.0 at flat index 1");
    // Only Const ops are inspected: a placeholder's values are unknown until it is fed.
    Placeholder<TFloat32> unknown = placeholder();
    assertEquals("test/Normal", Normal.of(scope, scalar(0), unknown).name());
  }

  @Test
  void exactlyOneOfProbsAndLogits() {
    assertMessage(() -> Bernoulli.builder(scope).probs(0.5).logits(0.0).build(),
        "exactly one of `probs` and `logits` must be given for Bernoulli, got both");
    assertMessage(() -> Bernoulli.builder(scope).build(), "exactly one of `probs` and `logits` must be given for Bernoulli, got neither");
    assertMessage(() -> Categorical.builder(scope).probs(new float[] {1f}).logits(new float[] {0f}).build(),
        "exactly one of `probs` and `logits` must be given for Categorical, got both");
    assertMessage(() -> Categorical.builder(scope).build(), "exactly one of `probs` and `logits` must be given for Categorical, got neither");
  }

  @Test
  void missingParametersAreNamed() {
    assertMessage(() -> Normal.builder(scope).loc(0).build(), "`scale` must be given for Normal");
    assertMessage(() -> Gamma.builder(scope).rate(1).build(), "`concentration` must be given for Gamma");
    assertMessage(() -> Normal.builder(scope).loc((Operand<TFloat32>) null), "`loc` must be a float32 tensor, got null");
  }

  @Test
  void negativeSampleShapesAreRejected() {
    assertMessage(() -> Normal.builder(scope).sampleShape(3, -1), "`sampleShape` must have dimensions in [0, 2^31), got [3, -1]");
    Normal n = Normal.of(scope, 0, 1);
    assertMessage(() -> n.sample(-2), "`sampleShape` must have dimensions in [0, 2^31), got [-2]");
    assertMessage(() -> n.sample((long[]) null), "`sampleShape` must be a list of dimensions, got null");
    assertMessage(() -> n.sample(1L << 20, 1L << 20), "`sampleShape` must have fewer than 2^31 draws in all");
  }

  @Test
  void closedContextIsAnIllegalStateNamingIt() {
    Normal n = Normal.of(scope, 0, 1);
    Normal.Builder pending = Normal.builder(scope).loc(0).scale(1);
    ctx.close();
    List<Executable> uses = List.of(
        () -> Normal.of(scope, 0, 1), () -> Normal.builder(scope), pending::build, () -> n.sample(2), n::mean,
        n::entropy, () -> n.logProb(n), () -> n.klDivergence(n), () -> n.withParameters(n.parameters()));
    for (Executable use : uses) {
      IllegalStateException e = assertThrows(IllegalStateException.class, use);
      assertTrue(e.getMessage().matches("ModelContext\\(seed=\\d+\\) is closed"), e.getMessage());
    }
  }

  @Test
  void tensorsFromAnotherGraphAreRejected() {
    try (ModelContext other = ModelContext.withSeed(1)) {
      Operand<TFloat32> foreign = other.tf().constant(1f);
      assertMessage(() -> Normal.of(scope, foreign, scalar(1)), "`loc` must be a tensor of this context's graph");
      Normal here = Normal.of(scope, 0, 1);
      assertMessage(() -> here.logProb(foreign), "`x` must be a tensor of this context's graph");
      assertMessage(() -> Normal.builder(scope).value(foreign), "`value` must be a tensor of this context's graph");
      Normal there = Normal.of(other.scope("o"), 0, 1);
      assertMessage(() -> here.klDivergence(there), "`other` must live in this context's graph, got o/Normal");
    }
    // A tensor from a closed graph is rejected without touching it.
    ModelContext closed = ModelContext.withSeed(2);
    Operand<TFloat32> stale = closed.tf().constant(1f);
    closed.close();
    assertMessage(() -> Normal.of(scope, stale, scalar(1)), "`loc` must be a tensor of this context's graph");
  }

  @Test
  void unknownRankParametersAreRejected() {
    Placeholder<TFloat32> anyShape = tf.placeholder(TFloat32.class);
    assertMessage(() -> Normal.of(scope, anyShape, scalar(1)), "`loc` must have a known rank");
  }

  @Test
  void familyShapeRulesAreEnforced() {
    assertMessage(() -> Categorical.ofProbs(scope, scalar(0.5)),
        "`probs` must have a last axis of known size >= 1 indexing the categories, got []");
    assertMessage(() -> MultivariateNormalDiag.of(scope, scalar(0), vector(1f)), "`loc` must have at least one axis (the event), got []");
    assertMessage(() -> Empirical.of(scope, scalar(1)), "`params` must have a first axis of at least one sample, got []");
    assertMessage(() -> Empirical.of(scope, new float[0]), "`params` must have at least one value, got none");
  }

  @Test
  void observedValuesMustMatchShapeAndDtype() {
    assertMessage(() -> Normal.builder(scope).loc(vector(0f, 0f, 0f)).scale(1).sampleShape(2).value(vector(1f, 2f, 3f)).build(),
        "`value` must have shape [2, 3] (sample [2] + batch [3] + event []), got [3]");
    @SuppressWarnings("unchecked")
    Operand<TInt32> floats = (Operand<TInt32>) (Operand<?>) vector(1f);
    assertMessage(() -> Bernoulli.builder(scope).probs(vector(0.5f)).value(floats).build(),
        "`value` must be int32 to match the dtype of Bernoulli, got float32");
  }

  @Test
  void logProbArgumentsMustBroadcast() {
    Normal n = Normal.of(scope, vector(0f, 0f, 0f), scalar(1));
    assertMessage(() -> n.logProb(vector(1f, 2f)),
        "`x` must have shape [..., 3] (or one that broadcasts to it) to match the batch and event shape of test/Normal, got [2]");
    assertMessage(() -> n.logProb(null), "`x` must be a tensor, got null");
  }

  @Test
  void withParametersNeedsExactlyTheFamilysNames() {
    Normal n = Normal.of(scope, 0, 1);
    assertMessage(() -> n.withParameters(Map.of("loc", scalar(1))),
        "`parameters` must have exactly the names [loc, scale] of test/Normal, got [loc]");
    assertMessage(() -> n.withParameters(Map.of("loc", scalar(1), "sigma", scalar(1))),
        "`parameters` must have exactly the names [loc, scale] of test/Normal");
  }

  @Test
  void badNamesAndDtypesAreRejected() {
    assertMessage(() -> Normal.builder(scope).name("a/b"), "`name` must match");
    assertMessage(() -> Bernoulli.builder(scope).dtype(TFloat64.class), "`dtype` must be one of [int32, int64, float32], got float64");
    assertMessage(() -> Normal.builder(null), "`scope` must be a VariableScope, got null");
  }

  /** Builds a variable in a scope. */
  interface Builder extends java.util.function.Function<VariableScope, Object> {}

  private int countOps() {
    int n = 0;
    for (var it = ctx.graph().operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> intAsFloat(Operand<TInt32> x) {
    return (Operand<TFloat32>) (Operand<?>) x;
  }

  static void assertMessage(Executable e, String prefix) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().startsWith(prefix), "message was: " + ex.getMessage() + "\nexpected to start with: " + prefix);
  }
}
