package org.edward4j.core.optimizers;

import java.util.List;
import java.util.Optional;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One training step an {@link Optimizer} built: an {@link Op} to run (fetch it as a target), plus
 * what it touches, so a driver loop can reset the optimizer's state or report its learning rate.
 *
 * <pre>{@code
 * TrainStep step = adam.minimize(loss, vars);
 * try (Result r = ctx.run(ctx.session().runner().addTarget(step).fetch(step.learningRate()))) {
 *   float lr = ((TFloat32) r.get(0)).getFloat();
 * }
 * }</pre>
 */
public final class TrainStep implements Op {

  private final Op train;
  private final Optimizer optimizer;
  private final String scope;
  private final List<Variable<?>> variables;
  private final List<Variable<?>> slots;
  private final Operand<TFloat32> learningRate;
  private final Variable<TInt64> globalStep;

  TrainStep(
      Op train,
      Optimizer optimizer,
      String scope,
      List<Variable<?>> variables,
      List<Variable<?>> slots,
      Operand<TFloat32> learningRate,
      Variable<TInt64> globalStep) {
    this.train = train;
    this.optimizer = optimizer;
    this.scope = scope;
    this.variables = List.copyOf(variables);
    this.slots = List.copyOf(slots);
    this.learningRate = learningRate;
    this.globalStep = globalStep;
  }

  @Override
  public Operation op() {
    return train.op();
  }

  /**
   * The optimizer that built it.
   *
   * @return the optimizer, which may have built other steps too
   */
  public Optimizer optimizer() {
    return optimizer;
  }

  /**
   * The top-level scope holding its slots, e.g. {@code "Adam"} or {@code "Adam_1"}.
   *
   * @return the scope name, unique to this step
   */
  public String scope() {
    return scope;
  }

  /**
   * The variables it updates, in order.
   *
   * @return an unmodifiable list, in the order of {@code varList} or {@code gradsAndVars}
   */
  public List<Variable<?>> variables() {
    return variables;
  }

  /**
   * The optimizer's own variables (slots, beta powers); reinitialize them to reset its state.
   *
   * @return an unmodifiable list of the non-trainable variables this step created; empty for
   *     plain gradient descent
   */
  public List<Variable<?>> slots() {
    return slots;
  }

  /**
   * The learning rate used by the step, computed in the graph (it may read the global step).
   *
   * @return a float32 scalar to fetch; it is graph-owned, so the caller closes only the fetched
   *     tensor
   */
  public Operand<TFloat32> learningRate() {
    return learningRate;
  }

  /**
   * The global step it increments, if any.
   *
   * @return the int64 scalar variable incremented once per run of the step, or empty
   */
  public Optional<Variable<TInt64>> globalStep() {
    return Optional.ofNullable(globalStep);
  }

  @Override
  public String toString() {
    return "TrainStep(" + optimizer + ", scope=" + scope + ", variables=" + variables.size()
        + ", slots=" + slots.size() + (globalStep == null ? "" : ", globalStep=" + globalStep.name()) + ")";
  }
}
