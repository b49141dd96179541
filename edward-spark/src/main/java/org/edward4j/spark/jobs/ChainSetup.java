package org.edward4j.spark.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.edward4j.inferences.MonteCarloFamilyOptions;
import org.edward4j.inferences.montecarlo.MonteCarlo;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One chain as a {@link ChainModel} builds it: a Monte Carlo inference not yet initialized, its
 * options ({@code nPrint(0)} keeps executors' logs quiet), the {@code params} of each {@code
 * Empirical} whose draws come back to the driver by name, and the feeds every update needs.
 *
 * <pre>{@code
 * HMC hmc = new HMC(Map.of(mu, qmu), Map.of(x, xData));
 * ChainSetup<HmcOptions> setup = ChainSetup.of(hmc, HmcOptions.builder().stepSize(0.1).nSteps(5).nPrint(0).build(),
 *     Map.of("mu", qmuParams));
 * }</pre>
 *
 * @param inference the sampler, not initialized
 * @param options its options
 * @param draws name to an {@code Empirical}'s {@code params} (shape {@code [T] + event}), in order
 * @param feeds a value for each placeholder the model reads, fed at every update (often empty)
 * @param <O> the sampler's options
 */
public record ChainSetup<O extends MonteCarloFamilyOptions>(
    MonteCarlo<O> inference, O options, Map<String, Operand<TFloat32>> draws, Map<Operand<?>, Object> feeds) {

  /**
   * Checks the parts.
   *
   * @param inference the sampler, not initialized
   * @param options its options
   * @param draws name to an {@code Empirical}'s {@code params} (shape {@code [T] + event}), in order
   * @param feeds a value for each placeholder the model reads, fed at every update (often empty)
   * @throws IllegalArgumentException if {@code draws} is empty
   */
  public ChainSetup {
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(draws, "draws");
    Objects.requireNonNull(feeds, "feeds");
    if (draws.isEmpty()) {
      throw new IllegalArgumentException("`draws` must name at least one Empirical's params to bring back");
    }
    draws = new LinkedHashMap<>(draws);
    feeds = new LinkedHashMap<>(feeds);
  }

  /**
   * A chain with no feeds.
   *
   * @param inference the sampler, not initialized
   * @param options its options
   * @param draws name to an {@code Empirical}'s {@code params}
   * @param <O> the sampler's options
   * @return the setup
   */
  public static <O extends MonteCarloFamilyOptions> ChainSetup<O> of(MonteCarlo<O> inference, O options,
      Map<String, ? extends Operand<TFloat32>> draws) {
    return new ChainSetup<>(inference, options, new LinkedHashMap<>(draws), Map.of());
  }

  /** Initializes the inference (the graph build), under the caller's lock. */
  void initialize() {
    inference.initialize(options);
  }

  /** Runs every update of the chain. */
  void run() {
    inference.run(options, () -> feeds);
  }
}
