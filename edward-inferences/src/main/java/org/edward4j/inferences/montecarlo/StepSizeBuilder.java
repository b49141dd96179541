package org.edward4j.inferences.montecarlo;

import org.edward4j.inferences.MonteCarloOptions;

/**
 * The part the builders of the gradient-based samplers' options share ({@link HmcOptions}, {@link
 * SghmcOptions}, {@link SgldOptions}): the Monte Carlo options and the step size, Edward's {@code
 * step_size=0.25}, checked when set.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
abstract class StepSizeBuilder<B extends StepSizeBuilder<B>> extends MonteCarloOptions.AbstractBuilder<B> {

  /** Edward's default step size for HMC, SGHMC and SGLD. */
  static final double DEFAULT_STEP_SIZE = 0.25;

  private double stepSize = DEFAULT_STEP_SIZE;

  StepSizeBuilder() {}

  /**
   * The step size (Edward's {@code step_size}); default 0.25. For HMC the leapfrog step, for SGHMC
   * the step whose learning rate is {@code 0.01 stepSize}, for SGLD the scale of the decaying step.
   *
   * @param stepSize positive and finite
   * @return this
   * @throws IllegalArgumentException if not positive and finite
   */
  public final B stepSize(double stepSize) {
    this.stepSize = ChainState.checkStepSize(stepSize);
    return self();
  }

  /** The step size set, or the default. */
  final double chosenStepSize() {
    return stepSize;
  }
}
