package org.edward4j.core.optimizers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The optimizers Edward names by string in {@code inference.initialize(optimizer="adam")}, as an
 * enum: the string is parsed once, at the API edge, by {@link #parse}.
 *
 * <p>Edward's {@code ftrl} is not provided.
 *
 * <pre>{@code
 * Optimizer adam = OptimizerName.parse("adam").create(LearningRate.constant(0.01));
 * }</pre>
 */
public enum OptimizerName {
  /** {@code "gradientdescent"}: plain gradient descent. */
  GRADIENTDESCENT,
  /** {@code "adadelta"}. */
  ADADELTA,
  /** {@code "adagrad"}. */
  ADAGRAD,
  /** {@code "momentum"}: momentum 0.9, as Edward. */
  MOMENTUM,
  /** {@code "adam"}. */
  ADAM,
  /** {@code "rmsprop"}. */
  RMSPROP;

  /**
   * Edward's spelling, e.g. {@code "adam"}.
   *
   * @return Edward's spelling, e.g. {@code "adam"}
   */
  public String edwardName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Edward's spellings, in declaration order.
   *
   * @return Edward's spellings, in declaration order
   */
  public static List<String> edwardNames() {
    return Arrays.stream(values()).map(OptimizerName::edwardName).toList();
  }

  /**
   * Parses Edward's spelling, case-insensitively and ignoring surrounding blanks.
   *
   * @param name e.g. {@code "adam"}
   * @return the optimizer's name
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static OptimizerName parse(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (OptimizerName n : values()) {
      if (n.edwardName().equals(key)) {
        return n;
      }
    }
    throw new IllegalArgumentException(
        "`optimizer` must be one of " + edwardNames() + ", got " + (name == null ? "null" : "\"" + name + "\""));
  }

  /**
   * The optimizer Edward builds for this name, other hyperparameters at their defaults.
   *
   * @param learningRate the schedule
   * @return a new optimizer
   */
  public Optimizer create(LearningRate learningRate) {
    Objects.requireNonNull(learningRate, "learningRate");
    return switch (this) {
      case GRADIENTDESCENT -> GradientDescent.builder().learningRate(learningRate).build();
      case ADADELTA -> Adadelta.builder().learningRate(learningRate).build();
      case ADAGRAD -> Adagrad.builder().learningRate(learningRate).build();
      case MOMENTUM -> Momentum.builder().learningRate(learningRate).momentum(0.9).build();
      case ADAM -> Adam.builder().learningRate(learningRate).build();
      case RMSPROP -> RmsProp.builder().learningRate(learningRate).build();
    };
  }
}
