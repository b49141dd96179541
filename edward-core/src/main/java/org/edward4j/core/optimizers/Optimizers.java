package org.edward4j.core.optimizers;

import java.util.List;
import java.util.Objects;
import org.edward4j.core.Variable;
import org.tensorflow.types.TInt64;

/**
 * Optimizers named by Edward's strings, for the API edge only ({@code inference.initialize(
 * optimizer="adam")}); inside the library an {@link Optimizer} object is passed.
 *
 * <p>Names, as in Edward's {@code VariationalInference.initialize}: {@code gradientdescent}, {@code
 * adadelta}, {@code adagrad}, {@code momentum} (momentum 0.9), {@code adam}, {@code rmsprop}.
 * Edward's {@code ftrl} is not provided.
 *
 * <pre>{@code
 * Optimizer opt = Optimizers.byName("adam", 0.01);
 * Optimizer edwardDefault = Optimizers.edwardDefault(GlobalStep.getOrCreate(ctx));
 * }</pre>
 */
public final class Optimizers {

  /** The accepted names. */
  public static final List<String> NAMES = OptimizerName.edwardNames();

  private Optimizers() {}

  /**
   * The optimizer Edward builds for a name, with a constant learning rate.
   *
   * @param name one of {@link #NAMES}, case-insensitive
   * @param learningRate non-negative and finite (Edward uses 0.01 without a global step)
   * @return the optimizer, other hyperparameters at their defaults
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static Optimizer byName(String name, double learningRate) {
    return byName(name, LearningRate.constant(learningRate));
  }

  /**
   * The optimizer Edward builds for a name, with a learning-rate schedule.
   *
   * @param name one of {@link #NAMES}, case-insensitive
   * @param learningRate the schedule (Edward uses {@code exponentialDecay(0.1, step, 100, 0.9,
   *     true)} with a global step)
   * @return the optimizer
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static Optimizer byName(String name, LearningRate learningRate) {
    Objects.requireNonNull(learningRate, "learningRate");
    return OptimizerName.parse(name).create(learningRate);
  }

  /**
   * Edward's optimizer when none is given: Adam with {@code exponentialDecay(0.1, globalStep, 100,
   * 0.9, staircase)}; pass the same global step in {@link TrainOptions} so it advances.
   *
   * @param globalStep the step counter the schedule reads
   * @return the optimizer
   */
  public static Adam edwardDefault(Variable<TInt64> globalStep) {
    return Adam.builder().learningRate(LearningRate.exponentialDecay(0.1, globalStep, 100, 0.9, true)).build();
  }
}
