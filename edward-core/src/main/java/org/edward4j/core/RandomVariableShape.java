package org.edward4j.core;

import java.util.Objects;
import java.util.stream.LongStream;
import org.tensorflow.ndarray.Shape;

/**
 * The three parts of a random variable's value shape: {@code sample + batch + event}.
 *
 * <p>A {@code Normal(loc=zeros[128, 100], scale=1)} has batch shape {@code [128, 100]} and event
 * shape {@code []}; with {@code sampleShape [5]} its value has shape {@code [5, 128, 100]}. A
 * {@code MultivariateNormalDiag} over {@code k} dimensions has event shape {@code [k]}.
 *
 * @param sample the shape of independent draws stacked in the value
 * @param batch the shape of independent but not identically distributed variables
 * @param event the shape of one draw of one variable
 */
public record RandomVariableShape(Shape sample, Shape batch, Shape event) {

  /**
   * Checks that no part is null.
   *
   * @param sample the shape of independent draws stacked in the value; {@code []} for one draw
   * @param batch the shape of independent but not identically distributed variables
   * @param event the shape of one draw of one variable; {@code []} for scalar distributions
   * @throws NullPointerException if a part is null
   */
  public RandomVariableShape {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(event, "event");
  }

  /**
   * The shape of the value: {@code sample + batch + event}.
   *
   * @return the concatenation; of unknown rank if any part is
   */
  public Shape valueShape() {
    return concat(concat(sample, batch), event);
  }

  /**
   * The shape of {@code logProb(value)}: {@code sample + batch}.
   *
   * @return the concatenation; of unknown rank if either part is
   */
  public Shape logProbShape() {
    return concat(sample, batch);
  }

  /**
   * Concatenates two shapes; unknown if either is of unknown rank.
   *
   * @param a leading dimensions
   * @param b trailing dimensions
   * @return {@code a + b}
   */
  public static Shape concat(Shape a, Shape b) {
    if (a.isUnknown() || b.isUnknown()) {
      return Shape.unknown();
    }
    return Shape.of(LongStream.concat(LongStream.of(a.asArray()), LongStream.of(b.asArray())).toArray());
  }

  @Override
  public String toString() {
    return "sample=" + sample + ", batch=" + batch + ", event=" + event;
  }
}
