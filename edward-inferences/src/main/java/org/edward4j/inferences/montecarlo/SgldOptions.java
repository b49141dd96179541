package org.edward4j.inferences.montecarlo;

import java.util.Locale;
import java.util.Objects;
import org.edward4j.inferences.MonteCarloFamilyOptions;
import org.edward4j.inferences.MonteCarloOptions;

/**
 * The options of {@link SGLD}, Edward's {@code SGLD.initialize(step_size=0.25, ...)}: the Monte
 * Carlo options and the step-size scale {@code a} of the schedule {@code eps_t = a / (t + 1)^0.55}.
 *
 * <pre>{@code
 * SgldOptions options = SgldOptions.builder().stepSize(0.1).nPrint(0).build();
 * }</pre>
 *
 * @param monteCarlo the Monte Carlo options (run options and {@code scale}, e.g. {@code N / M} for
 *     minibatches)
 * @param stepSize the step-size scale, positive and finite
 */
public record SgldOptions(MonteCarloOptions monteCarlo, double stepSize) implements MonteCarloFamilyOptions {

  /** Edward's default step-size scale. */
  public static final double DEFAULT_STEP_SIZE = StepSizeBuilder.DEFAULT_STEP_SIZE;

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for {@code stepSize <= 0} or not finite
   */
  public SgldOptions {
    Objects.requireNonNull(monteCarlo, "monteCarlo");
    ChainState.checkStepSize(stepSize);
  }

  /**
   * Edward's defaults: step size 0.25, {@code nIter = T}.
   *
   * @return the defaults
   */
  public static SgldOptions defaults() {
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
    return String.format(Locale.ROOT, "SgldOptions(stepSize=%s, %s)", stepSize, monteCarlo);
  }

  /** Builds {@link SgldOptions}. */
  public static final class Builder extends StepSizeBuilder<Builder> {

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public SgldOptions build() {
      return new SgldOptions(monteCarloOptions(), chosenStepSize());
    }
  }
}
