package org.edward4j.core;

import java.util.Objects;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TType;

/**
 * A placeholder that knows its {@link ModelContext}: Edward's {@code tf.placeholder(tf.float32,
 * [M, 784])}, made by {@link ModelContext#placeholder}. It is fed like any placeholder; knowing its
 * context lets an inference whose inputs are otherwise plain tensors (a GAN's generated batch)
 * find its session.
 *
 * <pre>{@code
 * ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(128, 784));
 * }</pre>
 *
 * @param <T> the placeholder's type
 */
public final class ContextPlaceholder<T extends TType> implements org.tensorflow.Operand<T>, ContextOwned {

  private final ModelContext ctx;
  private final Placeholder<T> placeholder;

  ContextPlaceholder(ModelContext ctx, Placeholder<T> placeholder) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.placeholder = Objects.requireNonNull(placeholder, "placeholder");
  }

  @Override
  public ModelContext context() {
    return ctx;
  }

  @Override
  public Output<T> asOutput() {
    return placeholder.asOutput();
  }

  @Override
  public Operation op() {
    return placeholder.op();
  }

  @Override
  public String toString() {
    return "ContextPlaceholder(" + placeholder.op().name() + ", " + asOutput().shape() + ")";
  }
}
