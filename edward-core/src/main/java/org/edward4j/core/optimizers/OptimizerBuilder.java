package org.edward4j.core.optimizers;

import java.util.Objects;

/**
 * The settings every optimizer builder shares: the learning rate or schedule and the scope name of
 * its slots. Each optimizer's {@code builder()} returns a subclass with its own hyperparameters.
 *
 * <pre>{@code
 * Adam adam = Adam.builder().learningRate(1e-3).beta1(0.5).name("DiscAdam").build();
 * }</pre>
 *
 * @param <B> the concrete builder, returned by each setter for chaining
 * @param <O> the optimizer it builds
 */
public abstract class OptimizerBuilder<B extends OptimizerBuilder<B, O>, O extends Optimizer> {

  final String defaultName;
  LearningRate learningRate;
  String name;

  OptimizerBuilder(double defaultLearningRate, String defaultName) {
    this.learningRate = LearningRate.constant(defaultLearningRate);
    this.defaultName = defaultName;
    this.name = defaultName;
  }

  /**
   * A constant learning rate.
   *
   * @param value non-negative and finite
   * @return this builder
   */
  public B learningRate(double value) {
    this.learningRate = LearningRate.constant(value);
    return self();
  }

  /**
   * A learning-rate schedule, such as {@link LearningRate#exponentialDecay}.
   *
   * @param schedule the schedule
   * @return this builder
   */
  public B learningRate(LearningRate schedule) {
    this.learningRate = Objects.requireNonNull(schedule, "learningRate");
    return self();
  }

  /**
   * The top-level scope its slots live under (made unique per training step).
   *
   * @param name a scope name such as {@code "DiscAdam"}, without slashes
   * @return this builder
   */
  public B name(String name) {
    if (name == null || !name.matches("[A-Za-z0-9.][A-Za-z0-9_.\\-]*")) {
      throw new IllegalArgumentException("`name` must be a scope name without slashes, got " + name);
    }
    this.name = name;
    return self();
  }

  /**
   * The optimizer.
   *
   * @return an immutable optimizer with this builder's settings; the builder may be reused
   */
  public abstract O build();

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  static double checkUnit(double value, String argument) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException("`" + argument + "` must be in [0, 1), got " + value);
    }
    return value;
  }

  static double checkNonNegative(double value, String argument) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("`" + argument + "` must be non-negative and finite, got " + value);
    }
    return value;
  }
}
