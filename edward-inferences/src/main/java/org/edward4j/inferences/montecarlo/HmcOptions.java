package org.edward4j.inferences.montecarlo;

import java.util.Locale;
import java.util.Objects;
import org.edward4j.inferences.MonteCarloFamilyOptions;
import org.edward4j.inferences.MonteCarloOptions;

/**
 * The options of {@link HMC}, Edward's {@code HMC.initialize(step_size=0.25, n_steps=2, ...)}: the
 * Monte Carlo options, the leapfrog step size and the number of leapfrog steps per draw.
 *
 * <pre>{@code
 * HmcOptions options = HmcOptions.builder().stepSize(0.1).nSteps(10).nPrint(0).build();
 * }</pre>
 *
 * @param monteCarlo the Monte Carlo options (run options and {@code scale})
 * @param stepSize the leapfrog step size, positive and finite
 * @param nSteps leapfrog steps per draw, at least 1
 */
public record HmcOptions(MonteCarloOptions monteCarlo, double stepSize, int nSteps) implements MonteCarloFamilyOptions {

  /** Edward's default step size. */
  public static final double DEFAULT_STEP_SIZE = StepSizeBuilder.DEFAULT_STEP_SIZE;

  /** Edward's default number of leapfrog steps. */
  public static final int DEFAULT_N_STEPS = 2;

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for {@code stepSize <= 0} or not finite, or {@code nSteps < 1}
   */
  public HmcOptions {
    Objects.requireNonNull(monteCarlo, "monteCarlo");
    ChainState.checkStepSize(stepSize);
    Leapfrog.checkSteps(nSteps);
  }

  /**
   * Edward's defaults: step size 0.25, 2 leapfrog steps, {@code nIter = T}.
   *
   * @return the defaults
   */
  public static HmcOptions defaults() {
    return builder().build();
  }

  /**
   * A builder at Edward's defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "HmcOptions(stepSize=%s, nSteps=%d, %s)", stepSize, nSteps, monteCarlo);
  }

  /** Builds {@link HmcOptions}. */
  public static final class Builder extends StepSizeBuilder<Builder> {
    private int nSteps = DEFAULT_N_STEPS;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Leapfrog steps per draw (Edward's {@code n_steps}); default 2.
     *
     * @param nSteps at least 1
     * @return this
     * @throws IllegalArgumentException if below 1
     */
    public Builder nSteps(int nSteps) {
      this.nSteps = Leapfrog.checkSteps(nSteps);
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public HmcOptions build() {
      return new HmcOptions(monteCarloOptions(), chosenStepSize(), nSteps);
    }
  }
}
