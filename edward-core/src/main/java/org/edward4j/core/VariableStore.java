package org.edward4j.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edward4j.core.naming.GraphScope;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.op.core.AssignVariableOp;
import org.tensorflow.op.core.ReadVariableOp;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.family.TNumber;

/**
 * Every variable of one {@link ModelContext}, by full name: TF1's {@code get_variable} store.
 *
 * <p>Creating a variable builds a {@code VarHandleOp} named and shared-named after the variable,
 * an initializer that runs before the session's next run, a read of the value, and the
 * regularization penalty if any; it registers the variable in {@code GLOBAL_VARIABLES} and, if
 * trainable, {@code TRAINABLE_VARIABLES}.
 */
public final class VariableStore {

  private final ModelContext ctx;
  private final Map<String, Variable<?>> byName = new LinkedHashMap<>();

  /**
   * A store for one context; {@link ModelContext} makes its own.
   *
   * @param ctx the owning context
   */
  public VariableStore(ModelContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Gets or creates {@code scope.path()/spec.name()} according to the scope's reuse mode.
   *
   * @param scope the scope entry asking
   * @param spec what is asked for
   * @param <T> element type
   * @return the variable
   */
  @SuppressWarnings("unchecked")
  public synchronized <T extends TNumber> Variable<T> getOrCreate(VariableScope scope, VariableSpec<T> spec) {
    String fullName = scope.fullName(spec.name());
    Variable<?> existing = byName.get(fullName);
    if (existing != null) {
      if (scope.reuse() == Reuse.CREATE) {
        throw new IllegalArgumentException(
            "Variable "
                + fullName
                + " already exists; enter the scope with Reuse.REUSE or Reuse.AUTO_REUSE to share it");
      }
      if (!existing.shape().equals(spec.shape())) {
        throw new IllegalArgumentException(
            "Trying to share variable " + fullName + ", but `shape` is " + spec.shape()
                + " and the existing variable has shape " + existing.shape());
      }
      if (!existing.dtype().equals(spec.dtype())) {
        throw new IllegalArgumentException(
            "Trying to share variable " + fullName + ", but `dtype` is " + spec.dtype().getSimpleName()
                + " and the existing variable has dtype " + existing.dtype().getSimpleName());
      }
      return (Variable<T>) existing;
    }
    if (scope.reuse() == Reuse.REUSE) {
      throw new IllegalArgumentException(
          "Variable " + fullName + " does not exist; Reuse.REUSE only shares existing variables"
              + " (create it first, or use Reuse.AUTO_REUSE)");
    }
    Variable<T> created = create(scope.path(), fullName, spec);
    byName.put(fullName, created);
    return created;
  }

  private <T extends TNumber> Variable<T> create(String path, String fullName, VariableSpec<T> spec) {
    Ops parent = ctx.opsAt(path);
    // Ops built from Scopes with the op classes' own create methods: an Ops per derived scope
    // would be four Ops (of 26 objects each) per variable; this makes one, for the initializer.
    Scope scope = parent.scope();
    // The initial value first: an initializer that rejects the dtype then leaves no handle behind
    // under the variable's name, so a retry with another initializer can still create it.
    Ops init = GraphScope.ops(scope.withInitScope().withSubScope(spec.name() + "_init"));
    Operand<T> initialValue =
        spec.initializer().initialValue(init, spec.shape(), spec.dtype(), ctx.nextOpSeed());
    VarHandleOp handle =
        VarHandleOp.create(scope.withName(spec.name()), spec.dtype(), spec.shape(), VarHandleOp.sharedName(fullName));
    if (!handle.op().name().equals(fullName)) {
      throw new IllegalStateException(
          "Cannot name variable " + fullName + ": an op of that name already exists (got "
              + handle.op().name() + ")");
    }
    Op initOp = AssignVariableOp.create(init.scope(), handle, initialValue);
    ReadVariableOp<T> value = ReadVariableOp.create(scope.withName(spec.name() + "_read"), handle, spec.dtype());
    Variable<T> variable =
        new Variable<>(ctx, fullName, path, spec.shape(), spec.dtype(), spec.trainable(), handle.resource(), value, initOp);
    GraphCollections collections = ctx.collections();
    collections.add(GraphCollections.Key.GLOBAL_VARIABLES, fullName, variable);
    if (spec.trainable()) {
      collections.add(GraphCollections.Key.TRAINABLE_VARIABLES, fullName, variable);
    }
    if (spec.regularizer() != null) {
      Ops reg = parent.withSubScope(spec.name() + "_regularizer");
      collections.add(
          GraphCollections.Key.REGULARIZATION_LOSSES, fullName, spec.regularizer().penalty(reg, value));
    }
    return variable;
  }

  /**
   * The variable of that full name.
   *
   * @param fullName e.g. {@code Gen/dense/kernel}
   * @return the variable, or empty
   */
  public synchronized Optional<Variable<?>> get(String fullName) {
    return Optional.ofNullable(byName.get(fullName));
  }

  /**
   * All variables in creation order.
   *
   * @return an unmodifiable snapshot; variables created later are not in it
   */
  public synchronized List<Variable<?>> all() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  /**
   * The number of variables.
   *
   * @return how many variables have been created in this context
   */
  public synchronized int size() {
    return byName.size();
  }

  @Override
  public synchronized String toString() {
    return "VariableStore" + byName.keySet();
  }
}
