package org.edward4j.core.optimizers;

import java.util.Objects;
import java.util.Optional;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TInt64;

/**
 * The global step: an int64 scalar, non-trainable variable counting training steps, as TF1's
 * {@code tf.train.get_or_create_global_step()}. An optimizer given it in {@link TrainOptions}
 * increments it once per step, after the updates; {@link LearningRate#exponentialDecay} reads it.
 *
 * <pre>{@code
 * Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
 * Op train = adam.minimize(loss, vars, TrainOptions.defaults().withGlobalStep(step));
 * }</pre>
 */
public final class GlobalStep {

  /** The variable's leaf name, as in TF1. */
  public static final String NAME = "global_step";

  private GlobalStep() {}

  /**
   * Creates {@code scope/global_step}, starting at zero.
   *
   * @param scope where to create it; its reuse mode applies
   * @return the variable
   */
  public static Variable<TInt64> create(VariableScope scope) {
    Objects.requireNonNull(scope, "scope");
    return scope.getVariable(
        VariableSpec.of(NAME, Shape.scalar(), TInt64.class)
            .withInitializer(Initializers.zeros())
            .withTrainable(false));
  }

  /**
   * The context's top-level {@code global_step}, created at zero on first use.
   *
   * @param ctx the model context
   * @return the variable
   * @throws IllegalArgumentException if a variable {@code global_step} exists with another dtype or
   *     shape
   */
  @SuppressWarnings("unchecked")
  public static Variable<TInt64> getOrCreate(ModelContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    Optional<Variable<?>> existing = ctx.variables().get(NAME);
    if (existing.isPresent()) {
      Variable<?> v = existing.get();
      if (!v.dtype().equals(TInt64.class) || v.shape().numDimensions() != 0) {
        throw new IllegalArgumentException(
            "`" + NAME + "` must be an int64 scalar to serve as the global step, got " + v);
      }
      return (Variable<TInt64>) v;
    }
    return create(ctx.rootScope());
  }
}
