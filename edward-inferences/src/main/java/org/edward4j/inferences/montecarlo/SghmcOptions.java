package org.edward4j.inferences.montecarlo;

import java.util.Locale;
import java.util.Objects;
import org.edward4j.inferences.MonteCarloFamilyOptions;
import org.edward4j.inferences.MonteCarloOptions;

/**
 * The options of {@link SGHMC}, Edward's {@code SGHMC.initialize(step_size=0.25, friction=0.1,
 * ...)}: the Monte Carlo options, the step size (the learning rate is {@code 0.01 stepSize}, as
 * Edward) and the friction.
 *
 * <pre>{@code
 * SghmcOptions options = SghmcOptions.builder().stepSize(0.025).friction(0.1).nPrint(0).build();
 * }</pre>
 *
 * @param monteCarlo the Monte Carlo options (run options and {@code scale})
 * @param stepSize the step size, positive and finite
 * @param friction the friction, in {@code (0, 2]}
 */
public record SghmcOptions(MonteCarloOptions monteCarlo, double stepSize, double friction) implements MonteCarloFamilyOptions {

  /** Edward's default step size. */
  public static final double DEFAULT_STEP_SIZE = StepSizeBuilder.DEFAULT_STEP_SIZE;

  /** Edward's default friction. */
  public static final double DEFAULT_FRICTION = 0.1;

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for {@code stepSize <= 0} or not finite, or a friction outside
   *     {@code (0, 2]}
   */
  public SghmcOptions {
    Objects.requireNonNull(monteCarlo, "monteCarlo");
    ChainState.checkStepSize(stepSize);
    checkFriction(friction);
  }

  static double checkFriction(double friction) {
    if (!(friction > 0 && friction <= 2)) {
      throw new IllegalArgumentException("`friction` must be in (0, 2], got " + friction);
    }
    return friction;
  }

  /**
   * Edward's defaults: step size 0.25, friction 0.1, {@code nIter = T}.
   *
   * @return the defaults
   */
  public static SghmcOptions defaults() {
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
    return String.format(Locale.ROOT, "SghmcOptions(stepSize=%s, friction=%s, %s)", stepSize, friction, monteCarlo);
  }

  /** Builds {@link SghmcOptions}. */
  public static final class Builder extends StepSizeBuilder<Builder> {
    private double friction = DEFAULT_FRICTION;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The friction (Edward's {@code friction}); default 0.1.
     *
     * @param friction in {@code (0, 2]}
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder friction(double friction) {
      this.friction = checkFriction(friction);
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public SghmcOptions build() {
      return new SghmcOptions(monteCarloOptions(), chosenStepSize(), friction);
    }
  }
}
