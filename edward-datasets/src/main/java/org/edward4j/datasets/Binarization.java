package org.edward4j.datasets;

/**
 * How {@link Minibatches} turns pixel intensities in [0, 1] into 0/1 values, or leaves them.
 *
 * <p>Binary data suit Bernoulli likelihoods: Edward's VAE and IWVI examples draw {@code
 * np.random.binomial(1, x_batch)} each step ({@link Stochastic}), which acts as data
 * augmentation; a fixed threshold ({@link Threshold}) gives the same binary images every epoch.
 *
 * <pre>{@code
 * Binarization eachStep = Binarization.stochastic(7);
 * Binarization fixed = Binarization.threshold(0.5f);
 * }</pre>
 */
public sealed interface Binarization
    permits Binarization.None, Binarization.Threshold, Binarization.Stochastic {

  /**
   * Returns the intensities unchanged.
   *
   * @return the pass-through binarization
   */
  static Binarization none() {
    return new None();
  }

  /**
   * Returns 1 where the intensity exceeds {@code threshold}, else 0.
   *
   * @param threshold in [0, 1)
   * @return the fixed binarization, the same images every epoch
   * @throws IllegalArgumentException if {@code threshold} is outside [0, 1)
   */
  static Binarization threshold(float threshold) {
    return new Threshold(threshold);
  }

  /**
   * Returns 1 with probability equal to the intensity, drawn afresh for every pixel served.
   *
   * @param seed seeds the draws, so a run can be repeated
   * @return the stochastic binarization, new draws at every batch served
   */
  static Binarization stochastic(long seed) {
    return new Stochastic(seed);
  }

  /** Intensities pass through. */
  record None() implements Binarization {
    @Override
    public String toString() {
      return "none";
    }
  }

  /**
   * Fixed binarization: {@code x > threshold ? 1 : 0}.
   *
   * @param threshold in [0, 1)
   */
  record Threshold(float threshold) implements Binarization {
    /**
     * Checks the threshold.
     *
     * @param threshold in [0, 1)
     * @throws IllegalArgumentException if {@code threshold} is outside [0, 1) or NaN
     */
    public Threshold {
      if (!(threshold >= 0f && threshold < 1f)) {
        throw new IllegalArgumentException("`threshold` must be in [0, 1), got " + threshold);
      }
    }

    @Override
    public String toString() {
      return "threshold(" + threshold + ")";
    }
  }

  /**
   * Stochastic binarization: each pixel is a Bernoulli draw with its intensity as probability.
   *
   * @param seed seeds the draws
   */
  record Stochastic(long seed) implements Binarization {
    @Override
    public String toString() {
      return "stochastic(seed=" + seed + ")";
    }
  }
}
