package org.edward4j.criticisms;

import java.util.Arrays;
import java.util.Objects;

/**
 * Values with a shape, in double precision: held-out data, predictions and probabilities as
 * {@code evaluate}'s metrics see them.
 *
 * @param shape the dimensions
 * @param data the values, row-major
 */
record Realization(long[] shape, double[] data) {

  Realization {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(data, "data");
    if (size(shape) != data.length) {
      throw new IllegalArgumentException(
          "`data` must hold " + size(shape) + " values for shape " + Arrays.toString(shape) + ", got " + data.length);
    }
  }

  static long size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  int rank() {
    return shape.length;
  }

  /** The size of the last axis (1 for a scalar). */
  int lastDim() {
    return shape.length == 0 ? 1 : (int) shape[shape.length - 1];
  }

  /** The same values with a leading axis of 1 when this is a scalar, as Edward's evaluate does. */
  Realization atLeast1d() {
    return shape.length == 0 ? new Realization(new long[] {1}, data) : this;
  }

  /**
   * These values broadcast (numpy rules, aligned on the right) to {@code target}.
   *
   * @throws IllegalArgumentException naming {@code argument} when the shapes do not broadcast
   */
  Realization broadcastTo(long[] target, String argument) {
    if (Arrays.equals(shape, target)) {
      return this;
    }
    int offset = target.length - shape.length;
    if (offset < 0) {
      throw shapeError(target, argument);
    }
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] != 1 && shape[i] != target[offset + i]) {
        throw shapeError(target, argument);
      }
    }
    double[] out = new double[Math.toIntExact(size(target))];
    long[] index = new long[target.length];
    for (int flat = 0; flat < out.length; flat++) {
      long rem = flat;
      for (int axis = target.length - 1; axis >= 0; axis--) {
        index[axis] = rem % target[axis];
        rem /= target[axis];
      }
      long source = 0;
      for (int i = 0; i < shape.length; i++) {
        source = source * shape[i] + (shape[i] == 1 ? 0 : index[offset + i]);
      }
      out[flat] = data[(int) source];
    }
    return new Realization(target.clone(), out);
  }

  /** The index of the largest value along the last axis (first on ties); the last axis removed. */
  Realization argmaxLastAxis() {
    int k = lastDim();
    int rows = data.length / k;
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (data[r * k + j] > data[r * k + best]) {
          best = j;
        }
      }
      out[r] = best;
    }
    long[] s = shape.length == 0 ? new long[0] : Arrays.copyOf(shape, shape.length - 1);
    return new Realization(s, out);
  }

  private IllegalArgumentException shapeError(long[] target, String argument) {
    return new IllegalArgumentException("`" + argument + "` of shape " + Arrays.toString(shape)
        + " must broadcast to the data's shape " + Arrays.toString(target));
  }

  @Override
  public String toString() {
    return "Realization(" + Arrays.toString(shape) + ")";
  }
}
