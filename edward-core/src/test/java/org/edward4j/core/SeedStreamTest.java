package org.edward4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The seed stream is its own type: the context draws its op seeds from it, in build order. */
class SeedStreamTest {

  @Test
  void opSeedsAreDrawnInOrderFromTheGraphSeed() {
    SeedStream s = new SeedStream(42);
    assertEquals(new ModelContext.OpSeed(42, 1), s.next());
    assertEquals(new ModelContext.OpSeed(42, 2), s.next());
    assertEquals(2, s.drawn());
    assertEquals("SeedStream(seed=42, drawn=2)", s.toString());
  }

  @Test
  void theContextDrawsFromItsStream() {
    try (ModelContext ctx = ModelContext.withSeed(7)) {
      SeedStream seeds = ctx.seeds();
      assertSame(seeds, ctx.seeds());
      long before = seeds.drawn();
      ModelContext.OpSeed next = ctx.nextOpSeed();
      assertEquals(new ModelContext.OpSeed(7, before + 1), next);
      assertEquals(7, ctx.seed());
    }
  }

  @Test
  void adjacentOpSeedsGetUnrelatedStatelessKeys() {
    long a = SeedStream.mix(new ModelContext.OpSeed(1, 1));
    long b = SeedStream.mix(new ModelContext.OpSeed(1, 2));
    assertNotEquals(a, b);
    // SplitMix64's finalizer flips about half of the 64 bits between neighbours; 16 is far in the tail.
    int differing = Long.bitCount(a ^ b);
    assertEquals(32, differing, 16, "bits differing: " + differing);
  }
}
