package org.edward4j.spark.jobs;

import java.util.Locale;

/**
 * The options of {@link ImportanceNll}: importance samples per row {@code K}, samples drawn per
 * {@code Session.run}, rows per batch, and the seed.
 *
 * <pre>{@code
 * NllOptions options = NllOptions.builder().samples(100).samplesPerRun(10).batchSize(100).seed(42).build();
 * }</pre>
 *
 * @param samples importance samples per row {@code K}, at least 1
 * @param samplesPerRun copies of the model in the graph, drawn per run, at least 1
 * @param batchSize rows per batch, at least 1
 * @param seed the job's seed (every task's context is seeded with it)
 */
public record NllOptions(int samples, int samplesPerRun, int batchSize, long seed) {

  /**
   * Checks every value.
   *
   * @param samples importance samples per row {@code K}, at least 1
   * @param samplesPerRun copies of the model in the graph, drawn per run, at least 1
   * @param batchSize rows per batch, at least 1
   * @param seed the job's seed (every task's context is seeded with it)
   * @throws IllegalArgumentException naming the argument below 1
   */
  public NllOptions {
    positive("samples", samples);
    positive("samplesPerRun", samplesPerRun);
    positive("batchSize", batchSize);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("`" + name + "` must be at least 1, got " + value);
    }
  }

  /**
   * Session runs per batch: {@code ceil(K / min(K, samplesPerRun))}; batch {@code b} draws its
   * randomness at random steps {@code b * runsPerBatch} onwards.
   *
   * @return the runs per batch
   */
  public int runsPerBatch() {
    int perRun = Math.min(samples, samplesPerRun);
    return (samples + perRun - 1) / perRun;
  }

  /**
   * A builder: K = 100, 10 samples per run, batches of 100 rows, seed 0.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "NllOptions(K=%d, samplesPerRun=%d, batchSize=%d, seed=%d)", samples, samplesPerRun,
        batchSize, seed);
  }

  /** Builds {@link NllOptions}; {@link #build()} checks every value. */
  public static final class Builder {
    private int samples = 100;
    private int samplesPerRun = 10;
    private int batchSize = 100;
    private long seed;

    private Builder() {}

    /**
     * Importance samples per row; default 100.
     *
     * @param samples at least 1
     * @return this
     */
    public Builder samples(int samples) {
      this.samples = samples;
      return this;
    }

    /**
     * Copies of the model drawn per run; default 10.
     *
     * @param samplesPerRun at least 1
     * @return this
     */
    public Builder samplesPerRun(int samplesPerRun) {
      this.samplesPerRun = samplesPerRun;
      return this;
    }

    /**
     * Rows per batch; default 100.
     *
     * @param batchSize at least 1
     * @return this
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * The job's seed.
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
    public NllOptions build() {
      return new NllOptions(samples, samplesPerRun, batchSize, seed);
    }
  }
}
