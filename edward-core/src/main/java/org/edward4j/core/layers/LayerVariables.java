package org.edward4j.core.layers;

import java.util.Optional;
import org.edward4j.core.Initializer;
import org.edward4j.core.Regularizer;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One layer's scope entry ({@code Disc/dense_1}) and its variables, with the input's shape checked
 * against reused variables so a mismatch names the argument rather than the variable store.
 */
final class LayerVariables {

  private final VariableScope scope;
  private final Shape input;

  private LayerVariables(VariableScope scope, Shape input) {
    this.scope = scope;
    this.input = input;
  }

  /**
   * Enters the layer's scope: {@code name} if given, else {@code defaultName} made unique in this
   * entry of {@code parent} ({@code dense}, {@code dense_1}, ...).
   */
  static LayerVariables enter(VariableScope parent, String name, String defaultName, Shape input) {
    return new LayerVariables(name != null ? parent.child(name) : parent.uniqueChild(defaultName), input);
  }

  /** The layer's ops, under this entry's op prefix. */
  Ops tf() {
    return scope.tf();
  }

  /** The layer's variable scope. */
  VariableScope scope() {
    return scope;
  }

  /** Gets or creates a float32 variable of this layer. */
  Variable<TFloat32> get(String leaf, Shape shape, Initializer init, Regularizer regularizer, boolean trainable) {
    String fullName = scope.fullName(leaf);
    Optional<Variable<?>> existing = scope.context().variables().get(fullName);
    if (existing.isPresent() && scope.reuse() != Reuse.CREATE && !existing.get().shape().equals(shape)) {
      throw new IllegalArgumentException(
          "`x` of shape " + input + " does not fit the reused variable " + fullName + " of shape "
              + existing.get().shape() + " (this input needs " + shape + ")");
    }
    return scope.getVariable(
        VariableSpec.of(leaf, shape, TFloat32.class)
            .withInitializer(init)
            .withRegularizer(regularizer)
            .withTrainable(trainable));
  }
}
