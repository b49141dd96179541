package org.edward4j.inferences;

import java.util.Objects;

/**
 * The options of {@link KLpq}: the variational options and the number of importance samples per
 * gradient estimate, Edward's {@code KLpq.initialize(n_samples=1, ...)}.
 *
 * <pre>{@code
 * KLpqOptions options = KLpqOptions.builder().nIter(500).nPrint(0).nSamples(25).build();
 * }</pre>
 *
 * @param variational the variational family's options
 * @param nSamples importance samples per gradient estimate, at least 1 (one sample gives weight 1
 *     and the gradient of {@code log q} at a draw of q, which does not move q's mean in expectation:
 *     use several)
 */
public record KLpqOptions(VariationalOptions variational, int nSamples) implements VariationalFamilyOptions {

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for {@code nSamples < 1}
   */
  public KLpqOptions {
    Objects.requireNonNull(variational, "variational");
    RunOptions.atLeast(nSamples, 1, "nSamples");
  }

  /**
   * Edward's defaults: one sample.
   *
   * @return the defaults
   */
  public static KLpqOptions defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link KLpqOptions}. */
  public static final class Builder extends VariationalOptions.AbstractBuilder<Builder> {
    private int nSamples = 1;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Importance samples per gradient estimate; default 1, as Edward.
     *
     * @param nSamples at least 1
     * @return this
     */
    public Builder nSamples(int nSamples) {
      this.nSamples = RunOptions.atLeast(nSamples, 1, "nSamples");
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public KLpqOptions build() {
      return new KLpqOptions(variationalOptions(), nSamples);
    }
  }
}
