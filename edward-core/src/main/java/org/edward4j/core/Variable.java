package org.edward4j.core;

import java.util.Objects;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReadVariableOp;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * A resource variable created by {@code VariableScope.getVariable}: a {@code VarHandleOp} whose
 * {@code shared_name} is the variable's full name, plus a read of its value.
 *
 * <p>A variable is an {@link Operand}: used in an expression it stands for its value, as in TF1.
 * Gradients must be taken with respect to {@link #handle()}, which sums over every read; the
 * optimizers in {@code org.edward4j.core.optimizers} do so.
 */
public final class Variable<T extends TNumber> implements Operand<T>, ContextOwned {

  private final String name;
  private final String scope;
  private final Shape shape;
  private final Class<T> dtype;
  private final boolean trainable;
  private final Output<? extends TType> handle;
  private final ReadVariableOp<T> value;
  private final Op initializer;
  private final ModelContext ctx;

  Variable(
      ModelContext ctx,
      String name,
      String scope,
      Shape shape,
      Class<T> dtype,
      boolean trainable,
      Output<? extends TType> handle,
      ReadVariableOp<T> value,
      Op initializer) {
    this.name = name;
    this.scope = scope;
    this.shape = shape;
    this.dtype = dtype;
    this.trainable = trainable;
    this.handle = handle;
    this.value = value;
    this.initializer = initializer;
    this.ctx = ctx;
  }

  /**
   * The context whose store created this variable.
   *
   * @return the owning context
   */
  @Override
  public ModelContext context() {
    return ctx;
  }

  /**
   * The full name, e.g. {@code Gen/dense/kernel}; also the handle op's name and shared name.
   *
   * @return the scope path and leaf name joined by {@code /}; the key in checkpoints
   */
  public String name() {
    return name;
  }

  /**
   * The variable scope path it was created in, e.g. {@code Gen/dense}.
   *
   * @return the path, {@code ""} for a variable created at the root
   */
  public String scope() {
    return scope;
  }

  /**
   * The element type.
   *
   * @return the TensorFlow type class, e.g. {@code TFloat32.class}
   */
  public Class<T> dtype() {
    return dtype;
  }

  /**
   * Whether optimizers train it by default.
   *
   * @return {@code true} if it is in {@code TRAINABLE_VARIABLES}
   */
  public boolean isTrainable() {
    return trainable;
  }

  /**
   * The resource handle: the input of training ops, and the target of gradients.
   *
   * @return the {@code VarHandleOp}'s resource output
   */
  public Output<? extends TType> handle() {
    return handle;
  }

  /**
   * A read of the current value, shared by every use of this variable as an operand.
   *
   * @return the {@code <name>_read} op, placed without control dependencies; use {@link #read}
   *     for a read ordered after other ops
   */
  public Operand<T> value() {
    return value;
  }

  /**
   * A fresh read in {@code tf}'s scope, e.g. after control dependencies.
   *
   * @param tf where to place the read
   * @return the value at the time the read runs
   */
  public Operand<T> read(Ops tf) {
    return tf.readVariableOp(handle, dtype);
  }

  /**
   * An op that assigns a new value.
   *
   * @param tf where to place the op
   * @param newValue a tensor of this variable's shape and dtype
   * @return the assignment op
   */
  public Op assign(Ops tf, Operand<T> newValue) {
    Objects.requireNonNull(newValue, "newValue");
    if (!newValue.shape().isCompatibleWith(shape)) {
      throw new IllegalArgumentException(
          "`newValue` must have shape " + shape + " to match variable " + name + ", got " + newValue.shape());
    }
    return tf.assignVariableOp(handle, newValue);
  }

  /**
   * The op that sets the initial value; it runs before the session's first run.
   *
   * @return the assignment of the initializer's value; running it again resets the variable
   */
  public Op initializer() {
    return initializer;
  }

  @Override
  public Output<T> asOutput() {
    return value.asOutput();
  }

  @Override
  public Operation op() {
    return value.op();
  }

  @Override
  public ExecutionEnvironment env() {
    return value.env();
  }

  @Override
  public Shape shape() {
    return shape;
  }

  @Override
  public Class<T> type() {
    return dtype;
  }

  @Override
  public String toString() {
    return "Variable("
        + name
        + ", "
        + dtype.getSimpleName().substring(1).toLowerCase(java.util.Locale.ROOT)
        + " "
        + shape
        + (trainable ? ", trainable" : "")
        + ")";
  }
}
