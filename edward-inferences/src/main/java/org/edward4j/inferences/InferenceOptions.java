package org.edward4j.inferences;

/**
 * The arguments of one inference family's {@code initialize(...)}: each family has its own
 * immutable record (validated at construction) composed of shared parts, so an option a family
 * does not take cannot be written, and JShell's tab completion on a family's builder offers only
 * that family's options.
 *
 * <p>The parts: {@link RunOptions} (the driver loop, every family), {@link OptimizerOptions} (one
 * per trained side), {@link VariationalOptions} (the variational family: optimizer, variable
 * list, {@code scale}), {@link MonteCarloOptions} (the Monte Carlo family). A family's record holds
 * the parts it takes plus its own fields ({@link WganOptions#nCritic()}, {@link
 * WakeSleepOptions#phaseQ()}), and its builder extends the parts' abstract builders, so a new
 * family adds one record and one builder without touching the existing ones.
 *
 * <pre>{@code
 * inference.initialize(GanOptions.builder()
 *     .nIter(15000).nPrint(1000)
 *     .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build())
 *     .build());
 * }</pre>
 */
public interface InferenceOptions {

  /**
   * The driver loop's options: iterations, progress, logging.
   *
   * @return the driver loop's options
   */
  RunOptions run();
}
