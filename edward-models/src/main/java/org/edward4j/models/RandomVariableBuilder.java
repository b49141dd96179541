package org.edward4j.models;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariableShape;
import org.edward4j.core.VariableScope;
import org.edward4j.models.AbstractRandomVariable.Parts;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * The part every distribution's builder shares: the scope, an optional name, sample shape and
 * observed value, and the checks that run before any op is built.
 *
 * <p>Each setter checks its own argument at once (a JShell user sees the error on the line that
 * caused it); {@link #build()} then checks what needs every argument: which parameters were given,
 * that their shapes broadcast, and that an observed value has the shape {@code sample + batch +
 * event}. Only then does it enter the variable's name scope and build ops.
 *
 * <pre>{@code
 * Normal z = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(5).name("z").build();
 * }</pre>
 *
 * @param <T> the value's element type
 * @param <R> the random variable built
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class RandomVariableBuilder<
    T extends TNumber, R extends AbstractRandomVariable<T>, B extends RandomVariableBuilder<T, R, B>> {

  /** What values a parameter may hold; Java numbers and small constants are checked against it. */
  public enum Constraint {
    /** Any finite number, e.g. {@code loc} or {@code logits}. */
    REAL("finite"),
    /** A finite number above zero, e.g. {@code scale}, {@code rate}, {@code concentration}. */
    POSITIVE("positive and finite"),
    /** A probability, e.g. {@code probs}. */
    UNIT_INTERVAL("in [0, 1]");

    private final String description;

    Constraint(String description) {
      this.description = description;
    }

    /**
     * Whether {@code v} satisfies the constraint; NaN never does.
     *
     * @param v a parameter value
     * @return {@code true} if {@code v} is finite ({@code REAL}), finite and above 0 ({@code
     *     POSITIVE}), or in [0, 1] ({@code UNIT_INTERVAL})
     */
    public boolean test(float v) {
      return switch (this) {
        case REAL -> Float.isFinite(v);
        case POSITIVE -> Float.isFinite(v) && v > 0;
        case UNIT_INTERVAL -> v >= 0 && v <= 1;
      };
    }

    void check(String name, float[] values) {
      for (int i = 0; i < values.length; i++) {
        if (!test(values[i])) {
          throw new IllegalArgumentException("`" + name + "` must be " + description + ", got " + values[i]
              + (values.length > 1 ? " at flat index " + i : ""));
        }
      }
    }
  }

  /** The batch and event shapes a distribution derives from its parameters' shapes. */
  protected record BatchEvent(Shape batch, Shape event) {}

  private final VariableScope scope;
  private final String distributionName;
  private Class<T> dtype;
  private final Map<String, ParameterInput> inputs = new LinkedHashMap<>();
  private long[] sampleShape = new long[0];
  private Operand<T> value;
  private String name;
  private boolean validateArgs = true;
  private final Map<String, Constraint> constraints;
  private final Function<Parts<T>, R> factory;

  /**
   * For a builder that overrides {@link #parameterConstraints()} and {@link #create(Parts)}.
   *
   * @param scope where the variable is built; its name is made unique there
   * @param distributionName the default name, e.g. {@code "Normal"}
   * @param dtype the value's element type
   */
  protected RandomVariableBuilder(VariableScope scope, String distributionName, Class<T> dtype) {
    this(scope, distributionName, dtype, null, null);
  }

  /**
   * For a builder whose family is given by its parameters and constructor, so that it overrides
   * neither {@link #parameterConstraints()} nor {@link #create(Parts)}.
   *
   * @param scope where the variable is built; its name is made unique there
   * @param distributionName the default name, e.g. {@code "Normal"}
   * @param dtype the value's element type
   * @param constraints every parameter name the family accepts, in Edward's order, with its
   *     constraint (see {@link #constraints(String, Constraint, String, Constraint)})
   * @param factory the family's constructor from checked parts
   */
  protected RandomVariableBuilder(VariableScope scope, String distributionName, Class<T> dtype,
      Map<String, Constraint> constraints, Function<Parts<T>, R> factory) {
    if (scope == null) {
      throw new IllegalArgumentException("`scope` must be a VariableScope, got null");
    }
    scope.context().checkOpen();
    this.scope = scope;
    this.distributionName = distributionName;
    this.dtype = dtype;
    this.constraints = constraints;
    this.factory = factory;
  }

  /**
   * The shape of independent draws stacked in front of the value, Edward's {@code sample_shape}.
   *
   * @param dims non-negative dimensions; none for a single draw
   * @return this builder
   */
  public final B sampleShape(long... dims) {
    this.sampleShape = checkSampleShape(dims);
    return self();
  }

  /**
   * An observed value to use instead of a draw, Edward's {@code value=}; it must have shape {@code
   * sample + batch + event} and the variable's dtype.
   *
   * @param value a tensor of this context's graph
   * @return this builder
   */
  public final B value(Operand<T> value) {
    if (value == null) {
      throw new IllegalArgumentException("`value` must be a tensor, got null");
    }
    if (!ParameterInput.inGraph(value, scope.context())) {
      throw new IllegalArgumentException(
          "`value` must be a tensor of this context's graph, got one from another graph");
    }
    this.value = value;
    return self();
  }

  /**
   * The variable's name in its scope, instead of the distribution's name; made unique like TF1 name
   * scopes ({@code z}, {@code z_1}, ...).
   *
   * @param name letters, digits, {@code . _ -}, no slashes
   * @return this builder
   */
  public final B name(String name) {
    if (name == null || !name.matches("[A-Za-z0-9.][A-Za-z0-9_.\\-]*")) {
      throw new IllegalArgumentException("`name` must match [A-Za-z0-9.][A-Za-z0-9_.\\-]* (no slashes), got " + name);
    }
    this.name = name;
    return self();
  }

  /**
   * Whether {@code logProb} checks that its argument lies in the support, TensorFlow Probability's
   * {@code validate_args}; on by default.
   *
   * <p>On, a value off the support gets a log density of {@code -inf} (never NaN), as the
   * catalogue documents. Off, the caller promises values in the support (draws of this variable or
   * of a variable with the same support, which is what inference evaluates), and a family whose
   * check costs more than its formula (the Dirichlet's simplex test) skips it; each family's Javadoc
   * says what it returns off the support then. Parameters are checked in Java either way.
   *
   * <p>The default differs from TensorFlow Probability's ({@code validate_args=False}): off-support
   * values giving {@code -inf} is the documented contract of every family here, which tests and
   * models rely on, so the faster form is the one asked for by name.
   *
   * @param validate {@code false} to let {@code logProb} skip support checks
   * @return this builder
   */
  public final B validateArgs(boolean validate) {
    this.validateArgs = validate;
    return self();
  }

  /**
   * Checks the arguments together, enters the variable's name scope and builds it, drawing its value
   * unless one was observed.
   *
   * @return the new random variable
   * @throws IllegalArgumentException for missing or extra parameters, shapes that do not broadcast,
   *     or an observed value of the wrong shape or dtype
   * @throws IllegalStateException if the context is closed
   */
  public final R build() {
    ModelContext ctx = scope.context();
    ctx.checkOpen();
    checkParameterSet(inputs.keySet());
    Map<String, Shape> shapes = new LinkedHashMap<>();
    inputs.forEach((n, in) -> shapes.put(n, in.shape()));
    BatchEvent be = shapesOf(shapes);
    RandomVariableShape rvShape = new RandomVariableShape(Shape.of(sampleShape), be.batch(), be.event());
    if (value != null) {
      checkValue(rvShape);
    }
    VariableScope own = name == null ? scope.uniqueChild(distributionName) : scope.child(name);
    Ops tf = own.tf();
    Map<String, Operand<TFloat32>> params = new LinkedHashMap<>();
    inputs.forEach((n, in) -> params.put(n, in.materialize(tf)));
    return create(new Parts<>(scope, own, tf, distributionName, name, dtype, params, rvShape, value, validateArgs));
  }

  /** Sets a parameter to a graph tensor, checking it at once. */
  protected final B parameter(String parameterName, Operand<TFloat32> operand) {
    ParameterInput in = ParameterInput.ofOperand(
        scope.context(), parameterName, constraintOf(parameterName), operand);
    inputs.put(parameterName, in);
    return self();
  }

  /** Sets a parameter to Java numbers of the given shape, checking them at once. */
  protected final B parameter(String parameterName, float[] values, long... shape) {
    Constraint c = constraintOf(parameterName);
    inputs.put(parameterName, ParameterInput.ofValues(parameterName, c, values, Shape.of(shape)));
    return self();
  }

  /** Sets a scalar parameter. */
  protected final B parameter(String parameterName, double v) {
    return parameter(parameterName, new float[] {(float) v});
  }

  /** An ordered, unmodifiable map of one parameter name to its constraint. */
  protected static Map<String, Constraint> constraints(String name1, Constraint c1) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(name1, c1)));
  }

  /** An ordered, unmodifiable map of two parameter names to their constraints. */
  protected static Map<String, Constraint> constraints(String name1, Constraint c1, String name2, Constraint c2) {
    Map<String, Constraint> m = new LinkedHashMap<>();
    m.put(name1, c1);
    m.put(name2, c2);
    return Collections.unmodifiableMap(m);
  }

  /** An ordered, unmodifiable map of three parameter names to their constraints. */
  protected static Map<String, Constraint> constraints(
      String name1, Constraint c1, String name2, Constraint c2, String name3, Constraint c3) {
    Map<String, Constraint> m = new LinkedHashMap<>(constraints(name1, c1, name2, c2));
    m.put(name3, c3);
    return Collections.unmodifiableMap(m);
  }

  /**
   * Every parameter name this family accepts, in Edward's order, with its constraint; by default
   * the map given to the constructor.
   */
  protected Map<String, Constraint> parameterConstraints() {
    if (constraints == null) {
      throw new IllegalStateException(distributionName + "'s builder must override parameterConstraints()");
    }
    return constraints;
  }

  /**
   * Checks which parameters were given. By default every accepted one is required.
   *
   * @param given the names set so far
   * @throws IllegalArgumentException naming a missing parameter
   */
  protected void checkParameterSet(Set<String> given) {
    for (String p : parameterConstraints().keySet()) {
      if (!given.contains(p)) {
        throw new IllegalArgumentException("`" + p + "` must be given for " + distributionName);
      }
    }
  }

  /**
   * Fails unless exactly one of two alternative parameters was given.
   *
   * @throws IllegalArgumentException "exactly one of `probs` and `logits` must be given, got both"
   */
  protected final void checkExactlyOne(Set<String> given, String first, String second) {
    boolean a = given.contains(first);
    boolean b = given.contains(second);
    if (a == b) {
      throw new IllegalArgumentException("exactly one of `" + first + "` and `" + second + "` must be given for "
          + distributionName + ", got " + (a ? "both" : "neither"));
    }
  }

  /**
   * Derives batch and event shapes from the parameters' shapes (all of known rank). By default the
   * parameters broadcast to the batch shape and the event is scalar.
   *
   * @throws IllegalArgumentException when they do not broadcast
   */
  protected BatchEvent shapesOf(Map<String, Shape> shapes) {
    return new BatchEvent(BroadcastShapes.broadcastAll(shapes), Shape.scalar());
  }

  /**
   * Builds the variable from checked parts; called once all checks have passed. By default the
   * factory given to the constructor.
   */
  protected R create(Parts<T> parts) {
    if (factory == null) {
      throw new IllegalStateException(distributionName + "'s builder must override create(Parts)");
    }
    return factory.apply(parts);
  }

  /** This builder as its concrete type. */
  protected abstract B self();

  /**
   * A parameter's values when known without running the graph (Java numbers or a small {@code
   * Const}), flattened; null when not given or not known. For cross-parameter checks such as {@code
   * low < high}.
   */
  protected final float[] knownValues(String parameterName) {
    ParameterInput in = inputs.get(parameterName);
    return in == null ? null : in.knownValues();
  }

  /** The scope this builder builds in. */
  protected final VariableScope scope() {
    return scope;
  }

  /** The value dtype this builder builds. */
  protected final Class<T> dtype() {
    return dtype;
  }

  /**
   * Copies the sample shape, name, value and parameters into a builder of another dtype (used by
   * the discrete families' {@code dtype(...)}); a value of the old dtype fails at {@code build()}.
   */
  @SuppressWarnings("unchecked")
  protected final <C extends RandomVariableBuilder<?, ?, ?>> C copyInto(C other) {
    RandomVariableBuilder<TNumber, ?, ?> o = (RandomVariableBuilder<TNumber, ?, ?>) other;
    o.inputs.putAll(inputs);
    o.sampleShape = sampleShape;
    o.name = name;
    o.value = (Operand<TNumber>) (Operand<?>) value;
    o.validateArgs = validateArgs;
    return other;
  }

  /** Checks a discrete family's value dtype: int32, int64 or float32. */
  static <U extends TNumber> Class<U> checkDiscreteDtype(Class<U> dtype) {
    if (dtype != TInt32.class && dtype != TInt64.class && dtype != TFloat32.class) {
      throw new IllegalArgumentException(
          "`dtype` must be one of [int32, int64, float32], got " + (dtype == null ? "null" : dtypeName(dtype)));
    }
    return dtype;
  }

  static long[] checkSampleShape(long[] dims) {
    if (dims == null) {
      throw new IllegalArgumentException("`sampleShape` must be a list of dimensions, got null");
    }
    long total = 1;
    for (long d : dims) {
      if (d < 0 || d > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "`sampleShape` must have dimensions in [0, 2^31), got " + Arrays.toString(dims));
      }
      total = d == 0 ? 0 : Math.min(total * d, Long.MAX_VALUE / Integer.MAX_VALUE);
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "`sampleShape` must have fewer than 2^31 draws in all, got " + Arrays.toString(dims));
    }
    return dims.clone();
  }

  /** TensorFlow's name of a dtype: {@code float32}, {@code int32}, ... */
  static String dtypeName(Class<? extends TType> type) {
    String simple = type.getSimpleName();
    return simple.startsWith("T") ? simple.substring(1).toLowerCase(java.util.Locale.ROOT) : simple;
  }

  private Constraint constraintOf(String parameterName) {
    Constraint c = parameterConstraints().get(parameterName);
    if (c == null) {
      throw new IllegalArgumentException("`" + parameterName + "` is not a parameter of " + distributionName
          + "; valid names are " + List.copyOf(parameterConstraints().keySet()));
    }
    return c;
  }

  private void checkValue(RandomVariableShape rvShape) {
    if (value.type() != dtype) {
      throw new IllegalArgumentException(
          "`value` must be " + dtypeName(dtype) + " to match the dtype of " + distributionName + ", got "
              + dtypeName(value.type()));
    }
    Shape expected = rvShape.valueShape();
    if (!BroadcastShapes.compatible(value.shape(), expected)) {
      throw new IllegalArgumentException("`value` must have shape " + BroadcastShapes.format(expected)
          + " (sample " + BroadcastShapes.format(rvShape.sample())
          + " + batch " + BroadcastShapes.format(rvShape.batch())
          + " + event " + BroadcastShapes.format(rvShape.event()) + "), got " + BroadcastShapes.format(value.shape()));
    }
  }
}
