package org.edward4j.core.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.edward4j.core.GraphCollections;
import org.edward4j.core.Initializer;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * The optimizer's own variables for one training step it builds: slots named {@code
 * <optimizer>/<variable>/<slot>} (e.g. {@code Adam/Disc/dense/kernel/m}) and shared ones such as
 * {@code Adam/beta1_power}. All are non-trainable, so they join {@code GLOBAL_VARIABLES} only, and
 * none lies under the {@code Gen} or {@code Disc} scope.
 */
final class Slots {

  private final ModelContext ctx;
  private final VariableScope root;
  private final List<Variable<?>> created = new ArrayList<>();

  private Slots(ModelContext ctx, VariableScope root) {
    this.ctx = ctx;
    this.root = root;
  }

  /**
   * Claims a fresh top-level scope for one training step: {@code name}, or {@code name_1}, ... if
   * variables already live under it (another optimizer, or this one building a second step).
   */
  static Slots claim(ModelContext ctx, String name) {
    String candidate = name;
    for (int n = 1; taken(ctx, candidate); n++) {
      candidate = name + "_" + n;
    }
    return new Slots(ctx, ctx.scope(candidate));
  }

  private static boolean taken(ModelContext ctx, String scope) {
    for (Variable<?> v : ctx.variables().all()) {
      if (GraphCollections.inScope(v.name(), scope)) {
        return true;
      }
    }
    return ctx.graph().operation(scope) != null;
  }

  /** The scope name claimed, e.g. {@code Adam} or {@code Adam_1}. */
  String name() {
    return root.path();
  }

  /** Ops placed under this step's op scope. */
  Ops tf() {
    return root.tf();
  }

  /**
   * A slot for {@code var}: {@code <name>/<var.name()>/<slot>}, of the variable's shape and dtype.
   *
   * @param var the variable the slot belongs to
   * @param slot the slot's leaf name, e.g. {@code "m"}
   * @param initializer its initial value
   * @param <T> element type
   * @return the new slot variable
   */
  <T extends TNumber> Variable<T> slot(Variable<T> var, String slot, Initializer initializer) {
    VariableScope scope = root;
    for (String part : var.name().split("/")) {
      scope = scope.child(part);
    }
    Variable<T> v =
        scope.getVariable(
            VariableSpec.of(slot, var.shape(), var.dtype()).withInitializer(initializer).withTrainable(false));
    created.add(v);
    return v;
  }

  /**
   * A float32 scalar shared by every variable of the step, e.g. {@code Adam/beta1_power}.
   *
   * @param name its leaf name
   * @param initialValue its starting value
   * @return the new variable
   */
  Variable<TFloat32> shared(String name, double initialValue) {
    Variable<TFloat32> v =
        root.getVariable(
            VariableSpec.of(name, Shape.scalar(), TFloat32.class)
                .withInitializer(Initializers.constant(initialValue))
                .withTrainable(false));
    created.add(v);
    return v;
  }

  /** Every variable created so far, in creation order. */
  List<Variable<?>> all() {
    return List.copyOf(created);
  }

  ModelContext context() {
    return ctx;
  }
}
