package org.edward4j.spark.jobs;

import java.io.Serializable;
import java.util.Map;

/**
 * Evaluates one configuration of a {@link HyperparameterSweep}: trains or scores whatever the
 * configuration describes, in its own contexts (closed before returning), and returns named
 * metrics. It is serialized on the driver and run on executors: capture only serializable values.
 *
 * <pre>{@code
 * record Config(double learningRate, int hidden) implements Serializable {}
 * SweepFunction<Config> score = config -> Map.of("loss", 1.0 / config.hidden() + config.learningRate());
 * }</pre>
 *
 * @param <C> the configuration's type, serializable (a record of settings)
 */
@FunctionalInterface
public interface SweepFunction<C extends Serializable> extends Serializable {

  /**
   * Evaluates one configuration.
   *
   * @param config the configuration
   * @return metric name to value, in the order to report them
   * @throws Exception when the configuration fails; the sweep records it (or fails, as configured)
   */
  Map<String, Double> evaluate(C config) throws Exception;
}
