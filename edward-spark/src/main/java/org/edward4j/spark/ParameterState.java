package org.edward4j.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * The averaged variables after a round, as plain float arrays: what the driver holds, broadcasts
 * and checkpoints. No tensor, so it outlives every context and serializes with Java's own
 * serialization.
 */
public final class ParameterState implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The variables' names and shapes. */
  private final ParameterLayout layout;
  /** One array per variable of the layout. */
  private final float[][] values;
  /** The averaging rounds done. */
  private final long round;

  /**
   * A state.
   *
   * @param layout the variables' names and shapes
   * @param values one array per variable of the layout, of its size; not copied
   * @param round the number of averaging rounds that produced it (0 for the initial values)
   * @throws IllegalArgumentException if the arrays do not fit the layout
   */
  public ParameterState(ParameterLayout layout, float[][] values, long round) {
    this.layout = Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(values, "values");
    if (values.length != layout.names().size()) {
      throw new IllegalArgumentException("`values` must hold " + layout.names().size() + " arrays, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null || values[i].length != layout.size(i)) {
        throw new IllegalArgumentException("`values` of " + layout.names().get(i) + " must hold " + layout.size(i)
            + " floats, got " + (values[i] == null ? "null" : values[i].length));
      }
    }
    if (round < 0) {
      throw new IllegalArgumentException("`round` must be non-negative, got " + round);
    }
    this.values = values;
    this.round = round;
  }

  /**
   * The layout.
   *
   * @return the variables' names and shapes
   */
  public ParameterLayout layout() {
    return layout;
  }

  /**
   * The averaging rounds done.
   *
   * @return 0 for the initial values
   */
  public long round() {
    return round;
  }

  /**
   * One variable's values.
   *
   * @param name its full name
   * @return a copy of its values, row-major
   * @throws IllegalArgumentException if the layout has no such variable
   */
  public float[] values(String name) {
    int i = layout.names().indexOf(Objects.requireNonNull(name, "name"));
    if (i < 0) {
      throw new IllegalArgumentException("no variable `" + name + "` in this state; it has " + layout.names());
    }
    return values[i].clone();
  }

  /** The arrays themselves, for the package's own readers; never modified after construction. */
  float[][] arrays() {
    return values;
  }

  @Override
  public String toString() {
    return "ParameterState(round " + round + ", " + layout + ")";
  }
}
