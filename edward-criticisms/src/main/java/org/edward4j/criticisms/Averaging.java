package org.edward4j.criticisms;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a regression metric averages over the last axis, Edward's {@code average} parameter
 * (after scikit-learn's binary averaging).
 *
 * <p>The metric is first computed along the second-to-last axis of {@code y_true} and {@code
 * y_pred} (a rank-1 pair is treated as one row), giving one value per column. {@code NONE} keeps
 * that vector, {@code MACRO} averages it, {@code MICRO} flattens both tensors into one row first.
 *
 * <pre>{@code
 * Evaluate.builder(data).metric("mean_squared_error", Averaging.NONE).build().run();
 * }</pre>
 */
public enum Averaging {
  /** One value per column, Edward's {@code average=None}. */
  NONE,
  /** The unweighted mean of the per-column values (Edward's default). */
  MACRO,
  /** The metric over all values flattened into one row. */
  MICRO;

  /**
   * Parses Edward's spelling at the API edge: {@code "none"} (or {@code null}), {@code "macro"},
   * {@code "micro"}.
   *
   * @param name the averaging
   * @return the value
   * @throws IllegalArgumentException listing the valid names
   */
  public static Averaging parse(String name) {
    if (name == null) {
      return NONE;
    }
    for (Averaging a : values()) {
      if (a.name().equalsIgnoreCase(name.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException("`average` must be one of "
        + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", got " + name);
  }
}
