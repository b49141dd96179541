package org.edward4j.inferences;

import java.util.Objects;

/**
 * The options of {@link KLqp}: the variational options and the number of Monte Carlo samples per
 * gradient estimate, Edward's {@code KLqp.initialize(n_samples=1, ...)}.
 *
 * <pre>{@code
 * KLqpOptions options = KLqpOptions.builder().nIter(500).nPrint(0).nSamples(5).build();
 * }</pre>
 *
 * @param variational the variational family's options
 * @param nSamples samples per gradient estimate, at least 1
 */
public record KLqpOptions(VariationalOptions variational, int nSamples) implements VariationalFamilyOptions {

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for {@code nSamples < 1}
   */
  public KLqpOptions {
    Objects.requireNonNull(variational, "variational");
    RunOptions.atLeast(nSamples, 1, "nSamples");
  }

  /**
   * Edward's defaults: one sample.
   *
   * @return the defaults
   */
  public static KLqpOptions defaults() {
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

  /** Builds {@link KLqpOptions}. */
  public static final class Builder extends VariationalOptions.AbstractBuilder<Builder> {
    private int nSamples = 1;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Monte Carlo samples per gradient estimate; default 1.
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
    public KLqpOptions build() {
      return new KLqpOptions(variationalOptions(), nSamples);
    }
  }
}
