package org.edward4j.core.variables;

import java.util.Objects;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.family.TNumber;

/**
 * What {@code get_variable} is asked for: a leaf name, a fully defined shape, a dtype, an
 * initializer, an optional regularizer and the trainable flag.
 *
 * <pre>{@code
 * VariableSpec<TFloat32> spec = VariableSpec.of("kernel", Shape.of(784, 128), TFloat32.class)
 *     .withInitializer(Initializers.truncatedNormal(0, 0.02))
 *     .withRegularizer(Regularizers.l2(1e-4));
 * }</pre>
 *
 * @param name leaf name within the scope
 * @param shape fully defined shape
 * @param dtype element type
 * @param initializer initial value
 * @param regularizer penalty added to {@code REGULARIZATION_LOSSES}, or {@code null}
 * @param trainable whether the variable joins {@code TRAINABLE_VARIABLES}
 * @param <T> element type
 */
public record VariableSpec<T extends TNumber>(
    String name,
    Shape shape,
    Class<T> dtype,
    Initializer initializer,
    Regularizer regularizer,
    boolean trainable) {

  /** Validates the shape and required fields. */
  public VariableSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(initializer, "initializer");
    if (shape.isUnknown() || shape.hasUnknownDimension()) {
      throw new IllegalArgumentException(
          "`shape` of variable " + name + " must be fully defined, got " + shape);
    }
    for (long d : shape.asArray()) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "`shape` of variable " + name + " must have non-negative dimensions, got " + shape);
      }
    }
  }

  /**
   * A trainable variable with the Glorot-uniform initializer (TF1's default) and no regularizer.
   *
   * @param name leaf name
   * @param shape fully defined shape
   * @param dtype element type
   * @param <T> element type
   * @return the spec
   */
  public static <T extends TNumber> VariableSpec<T> of(String name, Shape shape, Class<T> dtype) {
    return new VariableSpec<>(name, shape, dtype, Initializers.glorotUniform(), null, true);
  }

  /** This spec with another initializer. */
  public VariableSpec<T> withInitializer(Initializer initializer) {
    return new VariableSpec<>(name, shape, dtype, initializer, regularizer, trainable);
  }

  /** This spec with a regularizer ({@code null} for none). */
  public VariableSpec<T> withRegularizer(Regularizer regularizer) {
    return new VariableSpec<>(name, shape, dtype, initializer, regularizer, trainable);
  }

  /** This spec with the trainable flag set. */
  public VariableSpec<T> withTrainable(boolean trainable) {
    return new VariableSpec<>(name, shape, dtype, initializer, regularizer, trainable);
  }
}
