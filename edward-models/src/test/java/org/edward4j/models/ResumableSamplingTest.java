package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Draws are a function of the seeds and the context's random step, so a context restored to the
 * step of another (as a checkpoint does) draws the same values: resuming training is exact.
 */
class ResumableSamplingTest {

  static Stream<Arguments> families() {
    return Stream.of(
        Arguments.of("Normal", (Function<VariableScope, RandomVariable<?>>) s -> Normal.builder(s).loc(1.0).scale(2.0).sampleShape(5).build()),
        Arguments.of("Gamma", (Function<VariableScope, RandomVariable<?>>) s -> Gamma.builder(s).concentration(2.0).rate(1.0).sampleShape(5).build()),
        Arguments.of("Bernoulli", (Function<VariableScope, RandomVariable<?>>) s -> Bernoulli.builder(s).probs(0.3).sampleShape(5).build()),
        Arguments.of("Poisson", (Function<VariableScope, RandomVariable<?>>) s -> Poisson.builder(s).rate(3.0).sampleShape(5).build()),
        Arguments.of("Categorical", (Function<VariableScope, RandomVariable<?>>) s -> Categorical.ofProbs(s, new float[] {0.2f, 0.3f, 0.5f})),
        // dists-b
        Arguments.of("Dirichlet", (Function<VariableScope, RandomVariable<?>>) s -> Dirichlet.builder(s).concentration(new float[] {1f, 2f}).sampleShape(5).build()),
        Arguments.of("Multinomial", (Function<VariableScope, RandomVariable<?>>) s -> Multinomial.builder(s).totalCount(20).probs(new float[] {0.5f, 0.5f}).sampleShape(5).build()),
        Arguments.of("Binomial", (Function<VariableScope, RandomVariable<?>>) s -> Binomial.builder(s).totalCount(20).probs(0.5).sampleShape(5).build()),
        Arguments.of("MultivariateNormalTriL", (Function<VariableScope, RandomVariable<?>>) s -> MultivariateNormalTriL.builder(s).loc(new float[] {0f, 0f}).scaleTril(new float[][] {{1f, 0f}, {0.5f, 1f}}).sampleShape(5).build()),
        Arguments.of("ParamMixture", (Function<VariableScope, RandomVariable<?>>) s -> ParamMixture.builder(s).mixingWeights(new float[] {0.5f, 0.5f})
            .components(Normal::builder, java.util.Map.of("loc", s.tf().constant(new float[] {-1f, 1f}), "scale", s.tf().constant(new float[] {1f, 1f}))).sampleShape(5).build()),
        Arguments.of("RelaxedOneHotCategorical", (Function<VariableScope, RandomVariable<?>>) s -> RelaxedOneHotCategorical.builder(s).temperature(0.5).logits(new float[] {0f, 1f}).sampleShape(5).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void aContextAtTheSameStepDrawsTheSameValues(String name, Function<VariableScope, RandomVariable<?>> make) {
    float[][] draws = new float[4][];
    try (ModelContext ctx = ModelContext.withSeed(21)) {
      RandomVariable<?> rv = make.apply(ctx.scope("m"));
      for (int i = 0; i < draws.length; i++) {
        draws[i] = ctx.eval(rv).data();
      }
    }
    try (ModelContext ctx = ModelContext.withSeed(21)) {
      RandomVariable<?> rv = make.apply(ctx.scope("m"));
      ctx.setRandomStep(2);
      assertArrayEquals(draws[2], ctx.eval(rv).data(), name + " after restoring the step");
      assertArrayEquals(draws[3], ctx.eval(rv).data(), name + " one run later");
    }
    boolean varies = false;
    for (int i = 1; i < draws.length; i++) {
      varies |= !Arrays.equals(draws[0], draws[i]);
    }
    assertFalse(!varies, name + " must draw anew at each run");
  }
}
