package org.edward4j.spark.jobs;

import java.util.Locale;

/**
 * The options of {@link ParallelChains}: how many chains (one Spark task each), how many draws of
 * each chain to drop as burn-in before the diagnostics, and the seed (chain {@code c}'s context is
 * seeded with {@code seed + c}).
 *
 * <pre>{@code
 * ChainsOptions options = ChainsOptions.builder().chains(4).burnIn(200).seed(42).build();
 * }</pre>
 *
 * @param chains the number of chains, at least 1 (at least 2 for R-hat to compare chains)
 * @param burnIn draws dropped at the start of every chain, at least 0 and fewer than its draws
 * @param seed the job's seed
 */
public record ChainsOptions(int chains, int burnIn, long seed) {

  /**
   * Checks every value.
   *
   * @param chains the number of chains, at least 1 (at least 2 for R-hat to compare chains)
   * @param burnIn draws dropped at the start of every chain, at least 0 and fewer than its draws
   * @param seed the job's seed
   * @throws IllegalArgumentException naming the argument, for {@code chains < 1} or {@code burnIn < 0}
   */
  public ChainsOptions {
    if (chains < 1) {
      throw new IllegalArgumentException("`chains` must be at least 1, got " + chains);
    }
    if (burnIn < 0) {
      throw new IllegalArgumentException("`burnIn` must be 0 or more, got " + burnIn);
    }
  }

  /**
   * A builder: 4 chains, no burn-in, seed 0.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ChainsOptions(chains=%d, burnIn=%d, seed=%d)", chains, burnIn, seed);
  }

  /** Builds {@link ChainsOptions}; {@link #build()} checks every value. */
  public static final class Builder {
    private int chains = 4;
    private int burnIn;
    private long seed;

    private Builder() {}

    /**
     * The number of chains, one Spark task each; default 4.
     *
     * @param chains at least 1
     * @return this
     */
    public Builder chains(int chains) {
      this.chains = chains;
      return this;
    }

    /**
     * Draws dropped at the start of each chain; default 0.
     *
     * @param burnIn at least 0
     * @return this
     */
    public Builder burnIn(int burnIn) {
      this.burnIn = burnIn;
      return this;
    }

    /**
     * The job's seed; chain {@code c} runs in a context seeded {@code seed + c}.
     *
     * @param seed any value
     * @return this
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The options.
     *
     * @return the options, checked
     */
    public ChainsOptions build() {
      return new ChainsOptions(chains, burnIn, seed);
    }
  }
}
