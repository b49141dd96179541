package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeds: the same context seed and build order give the same draws; another seed, another
 * variable or another {@code sample} call gives different ones (64 draws of the least random
 * family, a Bernoulli with p = 0.4, coincide with probability about 0.52^64 < 1e-18).
 */
class SeedTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.AllFamilies#random")
  void sameSeedGivesTheSameDraws(AllFamilies.Maker m) {
    assertEquals(draws(m, 7), draws(m, 7));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.AllFamilies#random")
  void anotherSeedGivesOtherDraws(AllFamilies.Maker m) {
    List<TensorValue> a = draws(m, 7);
    List<TensorValue> b = draws(m, 8);
    assertFalse(Arrays.equals(a.get(1).data(), b.get(1).data()), "64 draws of " + m + " under seeds 7 and 8");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.AllFamilies#random")
  void eachVariableAndEachSampleCallGetsItsOwnSeed(AllFamilies.Maker m) {
    try (ModelContext ctx = ModelContext.withSeed(7)) {
      AbstractRandomVariable<?> first = m.build().apply(ctx.scope("s"));
      AbstractRandomVariable<?> second = m.build().apply(ctx.scope("s"));
      List<TensorValue> v = ctx.evalAll(List.of(first.sample(64), second.sample(64), first.sample(64)), java.util.Map.of());
      assertFalse(Arrays.equals(v.get(0).data(), v.get(1).data()), "two variables");
      assertFalse(Arrays.equals(v.get(0).data(), v.get(2).data()), "two sample calls");
      if (first instanceof Mixture<?> || first instanceof ParamMixture<?>) {
        // Composites draw through their member variables, which hold the seeds.
        assertTrue(first.valueSeeds().isEmpty(), "a composite records no seeds of its own");
      } else {
        assertTrue(first.valueSeeds().get(0).seed2() < second.valueSeeds().get(0).seed2(), "op seeds in build order");
      }
    }
  }

  @Test
  void seedsAreRecordedAndShown() {
    try (ModelContext ctx = ModelContext.withSeed(99)) {
      Beta b = Beta.of(ctx.scope("s"), 2.0, 3.0);
      // Beta draws two gammas: two op seeds, both under the graph seed.
      assertEquals(2, b.valueSeeds().size());
      assertEquals(99, b.valueSeeds().get(0).seed());
      assertTrue(b.toString().contains("seed=99, opSeeds=[1, 2]"), b.toString());
      assertTrue(PointMass.of(ctx.scope("s"), 1.0).valueSeeds().isEmpty(), "a point mass draws nothing");
    }
  }

  @Test
  void pointMassIsTheSameUnderAnySeed() {
    AllFamilies.Maker m = AllFamilies.all().stream().filter(x -> x.label().equals("PointMass")).findFirst().orElseThrow();
    assertArrayEquals(draws(m, 1).get(1).data(), draws(m, 2).get(1).data());
  }

  /** The value and 64 further draws, from a fresh context with the given seed. */
  private static List<TensorValue> draws(AllFamilies.Maker m, long seed) {
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      AbstractRandomVariable<?> rv = m.build().apply(ctx.scope("s"));
      return ctx.evalAll(List.of(rv, rv.sample(64)), java.util.Map.of());
    }
  }
}
