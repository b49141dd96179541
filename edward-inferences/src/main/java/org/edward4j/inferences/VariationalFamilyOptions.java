package org.edward4j.inferences;

/**
 * Options of a variational family: they hold the {@link VariationalOptions} that {@link
 * VariationalInference} reads (optimizer, variable list, {@code scale}, run options), and whatever
 * the family adds ({@link KLqpOptions#nSamples()}).
 */
public interface VariationalFamilyOptions extends InferenceOptions {

  /**
   * The options every variational inference takes.
   *
   * @return the variational part
   */
  VariationalOptions variational();

  @Override
  default RunOptions run() {
    return variational().run();
  }
}
