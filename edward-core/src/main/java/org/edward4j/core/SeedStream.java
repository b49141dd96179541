package org.edward4j.core;

import java.util.concurrent.atomic.AtomicLong;
import org.edward4j.core.ModelContext.OpSeed;

/**
 * The seeds of one {@link ModelContext}: its graph seed and a stream of op seeds drawn in build
 * order, so the same seed and the same model-building code give every random op the same seeds.
 * The stream only counts: it builds no op and holds nothing native.
 *
 * <pre>{@code
 * SeedStream seeds = ctx.seeds();
 * ModelContext.OpSeed first = seeds.next();   // (graph seed, 1), then (graph seed, 2), ...
 * }</pre>
 */
public final class SeedStream {

  private final long seed;
  private final AtomicLong drawn = new AtomicLong();

  /**
   * A stream starting at op seed 1.
   *
   * @param seed the graph-level seed
   */
  public SeedStream(long seed) {
    this.seed = seed;
  }

  /**
   * The graph-level seed.
   *
   * @return the graph-level seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The next op seed, distinct for each call.
   *
   * @return {@code (seed, n)} with {@code n} the number of seeds drawn so far, from 1
   */
  public OpSeed next() {
    return new OpSeed(seed, drawn.incrementAndGet());
  }

  /**
   * How many op seeds have been drawn.
   *
   * @return the count
   */
  public long drawn() {
    return drawn.get();
  }

  /**
   * One 64-bit key for a stateless op from its pair of seeds: SplitMix64's finalizer, which spreads
   * nearby op seeds over unrelated streams.
   *
   * @param s the op's seeds
   * @return the key
   */
  static long mix(OpSeed s) {
    long z = s.seed() * 0x9E3779B97F4A7C15L + s.seed2();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "SeedStream(seed=" + seed + ", drawn=" + drawn.get() + ")";
  }
}
