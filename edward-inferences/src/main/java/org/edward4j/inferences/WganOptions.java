package org.edward4j.inferences;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The options of {@link WGANInference}: the GAN options plus the critic's Lipschitz constraint and
 * the number of critic updates per generator update.
 *
 * <pre>{@code
 * WganOptions options = WganOptions.builder().penalty(10).nCritic(5).build();
 * }</pre>
 *
 * @param gan the GAN family's options
 * @param penalty WGAN-GP's gradient penalty weight (Gulrajani et al., 2017), at least 0; 0
 *     disables it
 * @param clip weight clipping of the critic to {@code [-clip, clip]} after each critic update
 *     (Arjovsky et al., 2017), positive; empty for none
 * @param nCritic critic updates per generator update in {@code run()}, at least 1
 */
public record WganOptions(GanOptions gan, double penalty, OptionalDouble clip, int nCritic) implements InferenceOptions {

  /** Edward's default gradient penalty weight. */
  public static final double DEFAULT_PENALTY = 10.0;

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for a negative or non-finite penalty, a non-positive clip, or
   *     {@code nCritic < 1}
   */
  public WganOptions {
    Objects.requireNonNull(gan, "gan");
    Objects.requireNonNull(clip, "clip");
    RunOptions.finiteAtLeast(penalty, 0, false, "penalty");
    clip.ifPresent(c -> RunOptions.finiteAtLeast(c, 0, true, "clip"));
    RunOptions.atLeast(nCritic, 1, "nCritic");
  }

  @Override
  public RunOptions run() {
    return gan.run();
  }

  /**
   * Edward's defaults: penalty 10, no clipping, one critic update.
   *
   * @return the defaults
   */
  public static WganOptions defaults() {
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

  /** Builds {@link WganOptions}. */
  public static final class Builder extends GanOptions.AbstractBuilder<Builder> {
    private double penalty = DEFAULT_PENALTY;
    private OptionalDouble clip = OptionalDouble.empty();
    private int nCritic = 1;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * WGAN-GP's gradient penalty weight; 0 disables it. Edward's default is 10.
     *
     * @param penalty at least 0
     * @return this
     */
    public Builder penalty(double penalty) {
      this.penalty = RunOptions.finiteAtLeast(penalty, 0, false, "penalty");
      return this;
    }

    /**
     * Weight clipping: critic weights are clipped to {@code [-clip, clip]} after each critic
     * update. Default: no clipping.
     *
     * @param clip positive
     * @return this
     */
    public Builder clip(double clip) {
      this.clip = OptionalDouble.of(RunOptions.finiteAtLeast(clip, 0, true, "clip"));
      return this;
    }

    /**
     * Critic updates per generator update in {@code run()}; default 1, the paper uses 5.
     *
     * @param nCritic at least 1
     * @return this
     */
    public Builder nCritic(int nCritic) {
      this.nCritic = RunOptions.atLeast(nCritic, 1, "nCritic");
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public WganOptions build() {
      return new WganOptions(ganOptions(), penalty, clip, nCritic);
    }
  }
}
