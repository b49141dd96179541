package org.edward4j.inferences;

/**
 * Options of a Monte Carlo sampler: they hold the {@link MonteCarloOptions} every sampler takes,
 * and whatever the sampler adds (HMC's step size and leapfrog steps, SGHMC's friction).
 */
public interface MonteCarloFamilyOptions extends InferenceOptions {

  /**
   * The options every Monte Carlo inference takes.
   *
   * @return the Monte Carlo part
   */
  MonteCarloOptions monteCarlo();

  @Override
  default RunOptions run() {
    return monteCarlo().run();
  }
}
