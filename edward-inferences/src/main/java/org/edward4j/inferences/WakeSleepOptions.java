package org.edward4j.inferences;

import java.util.Objects;

/**
 * The options of {@link WakeSleep}: the variational options, samples per phase, how q is updated,
 * and reweighted wake-sleep.
 *
 * <pre>{@code
 * WakeSleepOptions options = WakeSleepOptions.builder().phaseQ(PhaseQ.SLEEP).nSamples(2).build();
 * }</pre>
 *
 * @param variational the variational family's options
 * @param nSamples samples per phase (per example with {@code reweighted}), at least 1
 * @param phaseQ how q is updated
 * @param reweighted reweighted wake-sleep (Bornschein and Bengio, 2015): the {@code nSamples} draws
 *     of q per example are importance-weighted, {@code w_k ∝ p(x, z_k) / q(z_k | x)}, in the wake
 *     phase (and in q's wake update)
 */
public record WakeSleepOptions(VariationalOptions variational, int nSamples, PhaseQ phaseQ, boolean reweighted)
    implements VariationalFamilyOptions {

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for {@code nSamples < 1}
   */
  public WakeSleepOptions {
    Objects.requireNonNull(variational, "variational");
    Objects.requireNonNull(phaseQ, "phaseQ");
    RunOptions.atLeast(nSamples, 1, "nSamples");
  }

  /**
   * Edward's defaults: one sample, sleep phase, not reweighted.
   *
   * @return the defaults
   */
  public static WakeSleepOptions defaults() {
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

  /** Builds {@link WakeSleepOptions}. */
  public static final class Builder extends VariationalOptions.AbstractBuilder<Builder> {
    private int nSamples = 1;
    private PhaseQ phaseQ = PhaseQ.SLEEP;
    private boolean reweighted;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Samples per phase; default 1.
     *
     * @param nSamples at least 1
     * @return this
     */
    public Builder nSamples(int nSamples) {
      this.nSamples = RunOptions.atLeast(nSamples, 1, "nSamples");
      return this;
    }

    /**
     * How q is updated; default {@link PhaseQ#SLEEP}. {@link PhaseQ#parse} reads Edward's strings.
     *
     * @param phaseQ the phase
     * @return this
     */
    public Builder phaseQ(PhaseQ phaseQ) {
      this.phaseQ = Objects.requireNonNull(phaseQ, "phaseQ");
      return this;
    }

    /**
     * Reweighted wake-sleep; default false.
     *
     * @param reweighted the flag
     * @return this
     */
    public Builder reweighted(boolean reweighted) {
      this.reweighted = reweighted;
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public WakeSleepOptions build() {
      return new WakeSleepOptions(variationalOptions(), nSamples, phaseQ, reweighted);
    }
  }
}
