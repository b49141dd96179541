package org.edward4j.criticisms;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metric's value from {@link Evaluate}: a scalar, or one value per column for {@link
 * Averaging#NONE}.
 *
 * @param metric the metric's name as asked (an Edward name, or a custom metric's name)
 * @param averaging the averaging applied ({@link Averaging#MACRO} for metrics without averaging)
 * @param values the values; one unless {@code averaging} is {@code NONE}
 */
public record Evaluation(String metric, Averaging averaging, double[] values) {

  /**
   * Checks the fields and copies the values.
   *
   * @param metric not null
   * @param averaging not null
   * @param values at least one
   */
  public Evaluation {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(averaging, "averaging");
    values = Objects.requireNonNull(values, "values").clone();
    if (values.length == 0) {
      throw new IllegalArgumentException("`values` must hold at least one value");
    }
  }

  /**
   * The scalar value.
   *
   * @return the only value
   * @throws IllegalStateException when the evaluation holds one value per column
   */
  public double value() {
    if (values.length != 1) {
      throw new IllegalStateException(metric + " holds " + values.length + " values (average=none); use values()");
    }
    return values[0];
  }

  /**
   * Every value.
   *
   * @return a copy: one value, or one per column for {@link Averaging#NONE}
   */
  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public String toString() {
    return metric + (averaging == Averaging.MACRO ? "" : " (" + averaging.name().toLowerCase(java.util.Locale.ROOT) + ")")
        + " = " + (values.length == 1 ? Double.toString(values[0]) : Arrays.toString(values));
  }
}
