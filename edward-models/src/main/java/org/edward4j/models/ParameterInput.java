package org.edward4j.models;

import org.edward4j.core.ModelContext;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One distribution parameter as a builder received it, a graph tensor or Java numbers, checked
 * when it is given: dtype, graph, known rank and, for Java numbers and small {@code Const} ops, the
 * values against the parameter's {@link Constraint}.
 */
final class ParameterInput {

  /** Constants up to this many elements have their values checked; larger ones only their dtype. */
  static final long MAX_INSPECTED_CONSTANT = 1 << 16;

  private final String name;
  private final Operand<TFloat32> operand;
  private final float[] values;
  private final Shape shape;

  private ParameterInput(String name, Operand<TFloat32> operand, float[] values, Shape shape) {
    this.name = name;
    this.operand = operand;
    this.values = values;
    this.shape = shape;
  }

  /** The values when known without running the graph (Java numbers, small constants), else null. */
  float[] knownValues() {
    return values == null ? null : values.clone();
  }

  /**
   * A graph tensor parameter.
   *
   * @throws IllegalArgumentException for null, a dtype other than float32, another graph, unknown
   *     rank, or a {@code Const} whose values break the constraint
   */
  static ParameterInput ofOperand(ModelContext ctx, String name, Constraint constraint, Operand<?> operand) {
    if (operand == null) {
      throw new IllegalArgumentException("`" + name + "` must be a float32 tensor, got null");
    }
    // The graph is compared first: reading the dtype of an op from a closed graph is a native call.
    if (!inGraph(operand, ctx)) {
      throw new IllegalArgumentException(
          "`" + name + "` must be a tensor of this context's graph, got one from another graph or session");
    }
    if (operand.type() != TFloat32.class) {
      throw new IllegalArgumentException(
          "`" + name + "` must be float32, got " + RandomVariableBuilder.dtypeName(operand.type()));
    }
    Shape shape = operand.shape();
    if (shape.isUnknown()) {
      throw new IllegalArgumentException("`" + name + "` must have a known rank, got a tensor of unknown shape");
    }
    float[] constant = constantValues(operand);
    if (constant != null) {
      constraint.check(name, constant);
    }
    @SuppressWarnings("unchecked")
    Operand<TFloat32> typed = (Operand<TFloat32>) operand;
    return new ParameterInput(name, typed, constant, shape);
  }

  /**
   * Java numbers, turned into a constant named after the parameter when the variable is built.
   *
   * @throws IllegalArgumentException when a value breaks the constraint
   */
  static ParameterInput ofValues(String name, Constraint constraint, float[] values, Shape shape) {
    if (values == null) {
      throw new IllegalArgumentException("`" + name + "` must be given values, got null");
    }
    if (values.length == 0) {
      throw new IllegalArgumentException("`" + name + "` must have at least one value, got none");
    }
    constraint.check(name, values);
    return new ParameterInput(name, null, values.clone(), shape);
  }

  /**
   * Whether {@code operand} belongs to the context's graph. An operand of a closed graph answers
   * false rather than throwing from TF Java's graph reference.
   */
  static boolean inGraph(org.tensorflow.op.Op operand, ModelContext ctx) {
    try {
      return operand.env() == ctx.graph();
    } catch (IllegalStateException closedGraph) {
      return false;
    }
  }

  String name() {
    return name;
  }

  Shape shape() {
    return shape;
  }

  /** The given tensor, or a new constant {@code <scope>/<name>} holding the Java values. */
  Operand<TFloat32> materialize(Ops tf) {
    if (operand != null) {
      return operand;
    }
    return tf.withName(name).constant(shape, DataBuffers.of(values, true, false));
  }

  /**
   * The values of a float32 {@code Const} op with at most {@link #MAX_INSPECTED_CONSTANT}
   * elements, read from its {@code value} attribute without running the graph; null otherwise.
   */
  static float[] constantValues(Operand<?> operand) {
    Operation op = operand.op();
    if (!(op instanceof GraphOperation graphOp) || !"Const".equals(op.type())) {
      return null;
    }
    Shape shape = operand.shape();
    if (shape.hasUnknownDimension() || shape.size() > MAX_INSPECTED_CONSTANT) {
      return null;
    }
    try (Tensor t = graphOp.attributes().getAttrTensor("value")) {
      float[] out = new float[Math.toIntExact(t.shape().size())];
      t.asRawTensor().data().asFloats().read(out);
      return out;
    }
  }
}
