package org.edward4j.inferences;

import java.util.Objects;
import java.util.Optional;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.Optimizer;
import org.edward4j.core.optimizers.OptimizerName;
import org.tensorflow.types.TInt64;

/**
 * How one side's optimizer is chosen, Edward's {@code optimizer} and {@code global_step} arguments
 * (the discriminator's {@code optimizer_d} and {@code global_step_d} in the GAN family). Edward's
 * {@code _build_optimizer} rules apply when the training step is built:
 *
 * <ul>
 *   <li>neither an optimizer nor a global step: a new global step, and Adam with {@code
 *       exponentialDecay(0.1, step, 100, 0.9, staircase)};
 *   <li>a name: that optimizer with learning rate 0.01, or the same decay when a global step is
 *       given;
 *   <li>an optimizer object: used as given, incrementing the global step if one is given.
 * </ul>
 *
 * @param optimizer the optimizer object, or empty
 * @param name the optimizer by Edward's name, or empty; not both an object and a name
 * @param globalStep the int64 counter incremented after each step (and read by the default
 *     schedule), or empty
 */
public record OptimizerOptions(
    Optional<Optimizer> optimizer, Optional<OptimizerName> name, Optional<Variable<TInt64>> globalStep) {

  /**
   * Checks the choice.
   *
   * @throws IllegalArgumentException if both an optimizer and a name are given
   */
  public OptimizerOptions {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(globalStep, "globalStep");
    if (optimizer.isPresent() && name.isPresent()) {
      throw new IllegalArgumentException(
          "give an optimizer object or an optimizer name, not both: got " + optimizer.get() + " and " + name.get());
    }
  }

  /**
   * Edward's default: Adam with a decaying learning rate over a new global step.
   *
   * @return the default choice
   */
  public static OptimizerOptions edwardDefault() {
    return new OptimizerOptions(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * This choice with an optimizer object instead of a name.
   *
   * @param optimizer the optimizer
   * @return a new choice, keeping the global step
   */
  public OptimizerOptions withOptimizer(Optimizer optimizer) {
    return new OptimizerOptions(Optional.of(Objects.requireNonNull(optimizer, "optimizer")), Optional.empty(), globalStep);
  }

  /**
   * This choice with an optimizer named as in Edward instead of an object.
   *
   * @param name the name
   * @return a new choice, keeping the global step
   */
  public OptimizerOptions withName(OptimizerName name) {
    return new OptimizerOptions(Optional.empty(), Optional.of(Objects.requireNonNull(name, "name")), globalStep);
  }

  /**
   * This choice with a global step.
   *
   * @param globalStep an int64 scalar variable
   * @return a new choice
   */
  public OptimizerOptions withGlobalStep(Variable<TInt64> globalStep) {
    return new OptimizerOptions(optimizer, name, Optional.of(Objects.requireNonNull(globalStep, "globalStep")));
  }

  @Override
  public String toString() {
    String what = optimizer.map(Object::toString).or(() -> name.map(OptimizerName::edwardName)).orElse("edward default");
    return globalStep.map(s -> what + " (global step " + s.name() + ")").orElse(what);
  }
}
