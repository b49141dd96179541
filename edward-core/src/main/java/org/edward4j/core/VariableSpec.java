package org.edward4j.core;

import java.util.Objects;
import java.util.regex.Pattern;
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

  private static final Pattern LEAF_NAME = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");

  /**
   * Validates the shape and required fields.
   *
   * @param name leaf name within the scope; not null
   * @param shape fully defined, with non-negative dimensions; not null
   * @param dtype element type; not null
   * @param initializer initial value; not null
   * @param regularizer penalty added to {@code REGULARIZATION_LOSSES}, or {@code null}
   * @param trainable whether the variable joins {@code TRAINABLE_VARIABLES}
   * @throws IllegalArgumentException if the name is not a leaf name, or the shape is not fully
   *     defined or has a negative dimension
   * @throws NullPointerException if a required field is null
   */
  public VariableSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(initializer, "initializer");
    if (!LEAF_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "`name` must be a leaf name matching " + LEAF_NAME.pattern() + " (no slashes: enter a child"
              + " scope instead), got " + name);
    }
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
   * A trainable variable with TF1's default initializer for its dtype and no regularizer: {@link
   * Initializers#defaultFor}, Glorot-uniform for floating-point variables and zeros for integer
   * ones (a random initializer has no meaning for an integer such as a step counter).
   *
   * @param name leaf name
   * @param shape fully defined shape
   * @param dtype element type
   * @param <T> element type
   * @return the spec
   */
  public static <T extends TNumber> VariableSpec<T> of(String name, Shape shape, Class<T> dtype) {
    Objects.requireNonNull(dtype, "dtype");
    return new VariableSpec<>(name, shape, dtype, Initializers.defaultFor(dtype), null, true);
  }

  /**
   * This spec with another initializer.
   *
   * @param initializer the initial value; not null
   * @return a new spec; this one is unchanged
   */
  public VariableSpec<T> withInitializer(Initializer initializer) {
    return new VariableSpec<>(name, shape, dtype, initializer, regularizer, trainable);
  }

  /**
   * This spec with a regularizer ({@code null} for none).
   *
   * @param regularizer the penalty, or {@code null} for none
   * @return a new spec; this one is unchanged
   */
  public VariableSpec<T> withRegularizer(Regularizer regularizer) {
    return new VariableSpec<>(name, shape, dtype, initializer, regularizer, trainable);
  }

  /**
   * This spec with the trainable flag set.
   *
   * @param trainable {@code false} for variables optimizers leave alone by default (moving
   *     averages, counters)
   * @return a new spec; this one is unchanged
   */
  public VariableSpec<T> withTrainable(boolean trainable) {
    return new VariableSpec<>(name, shape, dtype, initializer, regularizer, trainable);
  }
}
