package org.edward4j.core.optimizers;

import java.util.List;
import java.util.Objects;
import org.edward4j.core.Variable;
import org.tensorflow.op.Op;
import org.tensorflow.types.TInt64;

/**
 * What runs with a training step besides the updates: the global step to increment and the update
 * ops (batch normalization's moving averages) to run first, as TF1's {@code
 * minimize(global_step=...)} under {@code control_dependencies(UPDATE_OPS)}.
 *
 * <pre>{@code
 * TrainOptions options = TrainOptions.defaults()
 *     .withGlobalStep(GlobalStep.getOrCreate(ctx))
 *     .withUpdateOps(ctx.collections().updateOps("Disc"));
 * Op train = adam.minimize(loss, vars, options);
 * }</pre>
 *
 * @param globalStep an int64 scalar variable incremented once per step after the updates, or
 *     {@code null}
 * @param updateOps ops that run before the updates in every step
 */
public record TrainOptions(Variable<TInt64> globalStep, List<Op> updateOps) {

  /**
   * Checks the global step is a scalar and copies the update ops.
   *
   * @param globalStep an int64 scalar variable, or {@code null} for none
   * @param updateOps ops to run before the updates; not null, may be empty; copied
   * @throws IllegalArgumentException if {@code globalStep} is not a scalar
   */
  public TrainOptions {
    Objects.requireNonNull(updateOps, "updateOps");
    updateOps = List.copyOf(updateOps);
    if (globalStep != null && globalStep.shape().numDimensions() != 0) {
      throw new IllegalArgumentException(
          "`globalStep` must be a scalar, got " + globalStep.name() + " of shape " + globalStep.shape());
    }
  }

  /**
   * No global step and no update ops.
   *
   * @return the empty options
   */
  public static TrainOptions defaults() {
    return new TrainOptions(null, List.of());
  }

  /**
   * These options with a global step.
   *
   * @param globalStep an int64 scalar variable, e.g. from {@link GlobalStep#getOrCreate}
   * @return the new options
   */
  public TrainOptions withGlobalStep(Variable<TInt64> globalStep) {
    return new TrainOptions(Objects.requireNonNull(globalStep, "globalStep"), updateOps);
  }

  /**
   * These options with update ops, such as {@code ctx.collections().updateOps("Disc")}.
   *
   * @param updateOps ops to run before the updates
   * @return the new options
   */
  public TrainOptions withUpdateOps(List<Op> updateOps) {
    return new TrainOptions(globalStep, updateOps);
  }

  @Override
  public String toString() {
    return "TrainOptions(globalStep=" + (globalStep == null ? "none" : globalStep.name())
        + ", updateOps=" + updateOps.size() + ")";
  }
}
