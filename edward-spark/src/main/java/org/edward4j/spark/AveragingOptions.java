package org.edward4j.spark;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link ParameterAveraging} trains: rounds, updates per round ({@code k}, DL4J's averaging
 * frequency), the minibatch size, the number of partitions (one replica each), whether the
 * optimizer's state is averaged, the seed, and where the per-round checkpoints go.
 *
 * <pre>{@code
 * AveragingOptions options = AveragingOptions.builder()
 *     .rounds(100).updatesPerRound(10).batchSize(128)
 *     .partitions(2).averageOptimizerState(true).seed(42)
 *     .checkpointDirectory(Path.of("out/spark-gan/checkpoints"))
 *     .build();
 * }</pre>
 *
 * @param rounds averaging rounds in total, counting rounds done before a resume
 * @param updatesPerRound updates each replica makes between two averagings ({@code k})
 * @param batchSize examples per minibatch
 * @param partitions replicas per round; 0 keeps the input's partitioning
 * @param averageOptimizerState average the optimizer's slots too; otherwise each round starts
 *     them afresh
 * @param shuffle visit each partition in a new random order every epoch; otherwise in order
 * @param seed the job's seed: replica {@code p}'s graph seed is {@code seed + p}, and the shuffles
 *     derive from it
 * @param checkpointDirectory where to write a checkpoint after every round and resume from, or
 *     null for none
 * @param maxCheckpoints checkpoints kept in that directory
 * @param treeDepth the depth of Spark's {@code treeAggregate}
 */
public record AveragingOptions(
    int rounds,
    int updatesPerRound,
    int batchSize,
    int partitions,
    boolean averageOptimizerState,
    boolean shuffle,
    long seed,
    Path checkpointDirectory,
    int maxCheckpoints,
    int treeDepth) {

  /**
   * Checks every value; the builder's messages name the option.
   *
   * @param rounds as described above
   * @param updatesPerRound as described above
   * @param batchSize as described above
   * @param partitions as described above
   * @param averageOptimizerState as described above
   * @param shuffle as described above
   * @param seed as described above
   * @param checkpointDirectory as described above
   * @param maxCheckpoints as described above
   * @param treeDepth as described above
   */
  public AveragingOptions {
    positive("rounds", rounds);
    positive("updatesPerRound", updatesPerRound);
    positive("batchSize", batchSize);
    if (partitions < 0) {
      throw new IllegalArgumentException("`partitions` must be 0 (keep the input's) or positive, got " + partitions);
    }
    positive("maxCheckpoints", maxCheckpoints);
    positive("treeDepth", treeDepth);
  }

  /**
   * A builder with the defaults: 100 rounds, k = 10, batches of 128, the input's partitions,
   * optimizer state averaged, shuffled, seed 42, no checkpoints, 5 kept, tree depth 2.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The checkpoint directory.
   *
   * @return the directory, or empty when the job writes no checkpoints
   */
  public Optional<Path> checkpoints() {
    return Optional.ofNullable(checkpointDirectory);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("`" + name + "` must be at least 1, got " + value);
    }
  }

  @Override
  public String toString() {
    return "AveragingOptions(rounds=" + rounds + ", k=" + updatesPerRound + ", batchSize=" + batchSize
        + ", partitions=" + (partitions == 0 ? "input's" : partitions)
        + ", optimizer state " + (averageOptimizerState ? "averaged" : "reset each round")
        + (shuffle ? ", shuffled" : ", in order") + ", seed=" + seed
        + (checkpointDirectory == null ? "" : ", checkpoints=" + checkpointDirectory + " (keep " + maxCheckpoints + ")")
        + ", treeDepth=" + treeDepth + ")";
  }

  /** Builds {@link AveragingOptions}; each setter checks its value at once. */
  public static final class Builder {
    private int rounds = 100;
    private int updatesPerRound = 10;
    private int batchSize = 128;
    private int partitions;
    private boolean averageOptimizerState = true;
    private boolean shuffle = true;
    private long seed = 42;
    private Path checkpointDirectory;
    private int maxCheckpoints = 5;
    private int treeDepth = 2;

    private Builder() {}

    /**
     * Sets the number of averaging rounds.
     *
     * @param rounds at least 1
     * @return this builder
     */
    public Builder rounds(int rounds) {
      positive("rounds", rounds);
      this.rounds = rounds;
      return this;
    }

    /**
     * Sets k, the updates each replica makes between two averagings.
     *
     * @param k at least 1; 1 averages after every update (synchronous data-parallel SGD)
     * @return this builder
     */
    public Builder updatesPerRound(int k) {
      positive("updatesPerRound", k);
      this.updatesPerRound = k;
      return this;
    }

    /**
     * Sets the minibatch size.
     *
     * @param batchSize at least 1; every partition must hold at least this many examples
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      positive("batchSize", batchSize);
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Repartitions the input into this many partitions, one replica each.
     *
     * @param partitions at least 1
     * @return this builder
     */
    public Builder partitions(int partitions) {
      positive("partitions", partitions);
      this.partitions = partitions;
      return this;
    }

    /**
     * Whether the optimizer's state (Adam's moments and beta powers, ...) is averaged with the
     * parameters; if not, it restarts from its initial value in every round.
     *
     * @param average true to average it
     * @return this builder
     */
    public Builder averageOptimizerState(boolean average) {
      this.averageOptimizerState = average;
      return this;
    }

    /**
     * Whether each partition is visited in a new random order every epoch.
     *
     * @param shuffle false to take the partition's rows in order
     * @return this builder
     */
    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /**
     * Sets the job's seed.
     *
     * @param seed any value; recorded in {@code toString()}
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Writes a checkpoint there after every round, and resumes from its latest one.
     *
     * @param dir the directory, created when needed
     * @return this builder
     */
    public Builder checkpointDirectory(Path dir) {
      this.checkpointDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * Sets how many checkpoints the directory keeps.
     *
     * @param maxCheckpoints at least 1
     * @return this builder
     */
    public Builder maxCheckpoints(int maxCheckpoints) {
      positive("maxCheckpoints", maxCheckpoints);
      this.maxCheckpoints = maxCheckpoints;
      return this;
    }

    /**
     * Sets the depth of {@code treeAggregate}; deeper trees move less to the driver on large clusters.
     *
     * @param depth at least 1
     * @return this builder
     */
    public Builder treeDepth(int depth) {
      positive("treeDepth", depth);
      this.treeDepth = depth;
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public AveragingOptions build() {
      return new AveragingOptions(rounds, updatesPerRound, batchSize, partitions, averageOptimizerState, shuffle, seed,
          checkpointDirectory, maxCheckpoints, treeDepth);
    }
  }
}
