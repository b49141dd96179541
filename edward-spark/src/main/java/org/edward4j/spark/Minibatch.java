package org.edward4j.spark;

import java.util.Objects;

/**
 * A minibatch handed to {@link TrainingReplica#update}: {@code size} examples of {@code width}
 * floats each, row after row in one array, the layout a {@code [size, width]} placeholder takes.
 *
 * @param size the number of examples (rows), positive
 * @param width the floats per example, positive
 * @param values {@code size * width} floats, row-major; owned by the caller and reused between
 *     updates, so copy it to keep it
 */
public record Minibatch(int size, int width, float[] values) {

  /**
   * Checks the sizes.
   *
   * @param size as described above
   * @param width as described above
   * @param values as described above
   */
  public Minibatch {
    Objects.requireNonNull(values, "values");
    if (size < 1 || width < 1) {
      throw new IllegalArgumentException("`size` and `width` must be positive, got " + size + " and " + width);
    }
    if ((long) size * width != values.length) {
      throw new IllegalArgumentException(
          "`values` must hold size * width = " + (long) size * width + " floats, got " + values.length);
    }
  }

  @Override
  public String toString() {
    return "Minibatch(" + size + " x " + width + ")";
  }
}
