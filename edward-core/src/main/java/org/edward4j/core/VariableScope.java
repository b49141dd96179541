package org.edward4j.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * One entry into a variable scope, with TF1 {@code tf.variable_scope} semantics: variables are
 * named by the scope path ({@code Disc/dense/kernel}) whatever the entry, ops are named by a
 * unique prefix per entry ({@code Disc}, then {@code Disc_1}), and {@link Reuse} decides whether
 * {@link #getVariable} creates or shares.
 *
 * <p>Edward discriminators are called twice, once with {@code Reuse.CREATE} and once with {@code
 * Reuse.REUSE}; both calls name their layers {@code dense}, {@code dense_1}, ... because layer
 * names are counted per entry, so the second call finds the first call's weights.
 *
 * <pre>{@code
 * VariableScope disc = ctx.scope("Disc");
 * Variable<TFloat32> w = disc.getVariable("w", Shape.of(784, 1));
 * VariableScope again = ctx.scope("Disc", Reuse.REUSE);
 * assert again.getVariable("w", Shape.of(784, 1)) == w;
 * }</pre>
 */
public final class VariableScope {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");

  private final ModelContext ctx;
  private final String path;
  private final Reuse reuse;
  private final String opPrefix;
  private final Map<String, Integer> defaultNameCounts = new HashMap<>();

  VariableScope(ModelContext ctx, String path, Reuse reuse, String opPrefix) {
    this.ctx = ctx;
    this.path = path;
    this.reuse = reuse;
    this.opPrefix = opPrefix;
  }

  /**
   * The context this scope belongs to.
   *
   * @return the owning context, whose graph holds this scope's variables and ops
   */
  public ModelContext context() {
    return ctx;
  }

  /**
   * The variable-name path, e.g. {@code "Disc/dense"}; {@code ""} at the root.
   *
   * @return the path, the same for every entry of the scope
   */
  public String path() {
    return path;
  }

  /**
   * The op-name prefix of this entry, e.g. {@code "Disc_1/dense"}.
   *
   * @return the prefix, unique to this entry; {@code ""} at the root
   */
  public String opPrefix() {
    return opPrefix;
  }

  /**
   * Whether variables are created, reused, or either.
   *
   * @return the effective mode, after inheritance from the parent scope
   */
  public Reuse reuse() {
    return reuse;
  }

  /**
   * The {@link Ops} that place new operations under this entry's op prefix.
   *
   * @return ops scoped to {@link #opPrefix()}
   */
  public Ops tf() {
    return ctx.opsAt(opPrefix);
  }

  /**
   * Enters a nested scope; it inherits {@link Reuse#REUSE} and {@link Reuse#AUTO_REUSE} from this
   * scope, as TF1 does.
   *
   * @param name the child's name, without slashes
   * @return the nested scope
   */
  public VariableScope child(String name) {
    return child(name, reuse);
  }

  /**
   * Enters a nested scope with an explicit reuse mode. A reusing parent forces reuse, as in TF1.
   *
   * @param name the child's name, without slashes
   * @param reuse the child's reuse mode
   * @return the nested scope
   */
  public VariableScope child(String name, Reuse reuse) {
    ctx.checkOpen();
    checkName(name, "name");
    Objects.requireNonNull(reuse, "reuse");
    Reuse effective = this.reuse == Reuse.CREATE ? reuse : (reuse == Reuse.CREATE ? this.reuse : reuse);
    String childPath = path.isEmpty() ? name : path + "/" + name;
    String childOps = ctx.uniqueOpPrefix(opPrefix.isEmpty() ? name : opPrefix + "/" + name);
    return new VariableScope(ctx, childPath, effective, childOps);
  }

  /**
   * Enters a nested scope named after {@code defaultName}, made unique within this entry: {@code
   * dense}, {@code dense_1}, ... This is how layers without an explicit name are named.
   *
   * @param defaultName the base name, e.g. {@code "dense"}
   * @return the nested scope
   */
  public VariableScope uniqueChild(String defaultName) {
    checkName(defaultName, "defaultName");
    int n = defaultNameCounts.merge(defaultName, 1, Integer::sum);
    return child(n == 1 ? defaultName : defaultName + "_" + (n - 1));
  }

  /**
   * Gets or creates a trainable float32 variable with a Glorot-uniform initializer (TF1's default).
   *
   * @param name the variable's name in this scope
   * @param shape its fully defined shape
   * @return the variable {@code path/name}
   */
  public Variable<TFloat32> getVariable(String name, Shape shape) {
    return getVariable(VariableSpec.of(name, shape, TFloat32.class));
  }

  /**
   * Gets or creates a trainable float32 variable.
   *
   * @param name the variable's name in this scope
   * @param shape its fully defined shape
   * @param initializer its initial value
   * @return the variable {@code path/name}
   */
  public Variable<TFloat32> getVariable(String name, Shape shape, Initializer initializer) {
    return getVariable(VariableSpec.of(name, shape, TFloat32.class).withInitializer(initializer));
  }

  /**
   * Gets or creates a variable as {@code spec} describes, honouring this scope's reuse mode.
   *
   * @param spec name, shape, dtype, initializer, regularizer and trainable flag
   * @param <T> the variable's type
   * @return the new or existing variable {@code path/name}
   * @throws IllegalArgumentException if the variable exists and reuse is {@link Reuse#CREATE}, is
   *     missing and reuse is {@link Reuse#REUSE}, or exists with another shape or dtype
   */
  public <T extends TNumber> Variable<T> getVariable(VariableSpec<T> spec) {
    ctx.checkOpen();
    Objects.requireNonNull(spec, "spec");
    return ctx.variables().getOrCreate(this, spec);
  }

  /**
   * A new trainable float32 scalar variable with an initial value: TensorFlow's unnamed {@code
   * tf.Variable(0.5)}. It is named as TensorFlow names it, {@code Variable}, then {@code
   * Variable_1}, ... in this scope, whatever the reuse mode (an unnamed variable is always new).
   *
   * <pre>{@code
   * Variable<TFloat32> loc = scope.variable(0.5);   // qmu = Normal(loc=tf.Variable(0.5), ...)
   * }</pre>
   *
   * @param initialValue a finite initial value
   * @return the new variable
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public Variable<TFloat32> variable(double initialValue) {
    return variable(Shape.scalar(), initialValue);
  }

  /**
   * A new trainable float32 variable of a shape, every element at an initial value: {@code
   * tf.Variable(tf.fill(shape, value))}, named as {@link #variable(double)} names it.
   *
   * @param shape a fully defined shape
   * @param initialValue a finite initial value
   * @return the new variable
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public Variable<TFloat32> variable(Shape shape, double initialValue) {
    ctx.checkOpen();
    Objects.requireNonNull(shape, "shape");
    if (!Double.isFinite(initialValue)) {
      throw new IllegalArgumentException("`initialValue` must be finite, got " + initialValue);
    }
    String name = "Variable";
    for (int i = 1; ctx.variables().get(fullName(name)).isPresent(); i++) {
      name = "Variable_" + i;
    }
    VariableScope create = reuse == Reuse.CREATE ? this : new VariableScope(ctx, path, Reuse.CREATE, opPrefix);
    return create.getVariable(name, shape, org.edward4j.core.Initializers.constant(initialValue));
  }

  /**
   * The absolute name of {@code name} in this scope.
   *
   * @param name a leaf name
   * @return {@code path/name}, or {@code name} at the root
   */
  public String fullName(String name) {
    return path.isEmpty() ? name : path + "/" + name;
  }

  static void checkName(String name, String argument) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "`" + argument + "` must match " + NAME.pattern() + " (no slashes), got " + name);
    }
  }

  @Override
  public String toString() {
    return "VariableScope(" + (path.isEmpty() ? "<root>" : path) + ", reuse=" + reuse + ", ops=" + opPrefix + ")";
  }
}
