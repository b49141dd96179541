package org.edward4j.core;

import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.types.family.TType;

/**
 * A tensor that knows its {@link ModelContext}: any graph tensor, wrapped by {@link
 * ModelContext#own}. Library functions that build ops from their arguments alone (Edward's
 * operators on random variables) return their results so, which lets their results be combined
 * again without naming the context.
 *
 * <pre>{@code
 * ContextTensor<TFloat32> twice = ctx.own(ctx.tf().math.mul(x, ctx.tf().constant(2f)));
 * }</pre>
 *
 * @param <T> the tensor's type
 */
public final class ContextTensor<T extends TType> implements Operand<T>, ContextOwned {

  private final ModelContext ctx;
  private final Operand<T> tensor;

  ContextTensor(ModelContext ctx, Operand<T> tensor) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.tensor = Objects.requireNonNull(tensor, "tensor");
  }

  @Override
  public ModelContext context() {
    return ctx;
  }

  @Override
  public Output<T> asOutput() {
    return tensor.asOutput();
  }

  @Override
  public Operation op() {
    return tensor.op();
  }

  @Override
  public String toString() {
    return "ContextTensor(" + tensor.op().name() + ", " + asOutput().shape() + ")";
  }
}
