package org.edward4j.core;

import java.util.Arrays;
import java.util.Objects;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * A tensor's shape and values copied into Java memory, so no native tensor leaves the library.
 *
 * <p>Values of every numeric type are held as floats in {@link #data()}; integer and boolean
 * tensors (the samples of {@code Bernoulli}, {@code Categorical}, {@code Poisson}) are also kept
 * exactly, as {@link #longs()} and {@link #ints()}.
 *
 * @param shape the tensor's dimensions
 * @param data the values in row-major order, as floats
 * @param integers the exact values of an integer or boolean tensor, or null for a floating-point one
 */
public record TensorValue(long[] shape, float[] data, long[] integers) {

  private static final int PRINTED_VALUES = 12;

  /**
   * Checks that {@code data} holds exactly the product of {@code shape}.
   *
   * @param shape the tensor's dimensions; not null; kept, not copied
   * @param data the values in row-major order; not null; kept, not copied
   * @param integers null, or the exact values, as many as {@code data}; kept, not copied
   * @throws IllegalArgumentException if {@code data.length} is not the product of {@code shape}
   */
  public TensorValue {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(data, "data");
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "`shape` must have non-negative dimensions, got " + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          "`data` must hold " + n + " values for shape " + Arrays.toString(shape) + ", got " + data.length);
    }
    if (integers != null && integers.length != data.length) {
      throw new IllegalArgumentException(
          "`integers` must hold " + data.length + " values like `data`, got " + integers.length);
    }
  }

  /**
   * A floating-point value.
   *
   * @param shape the tensor's dimensions
   * @param data the values in row-major order
   */
  public TensorValue(long[] shape, float[] data) {
    this(shape, data, null);
  }

  /**
   * Whether the tensor was an integer or boolean one, whose exact values {@link #longs()} gives.
   *
   * @return true for integer and boolean tensors
   */
  public boolean isIntegral() {
    return integers != null;
  }

  /**
   * The exact values of an integer or boolean tensor (booleans as 0 and 1).
   *
   * @return a copy of the values
   * @throws IllegalStateException for a floating-point tensor
   */
  public long[] longs() {
    if (integers == null) {
      throw new IllegalStateException("longs() needs an integer tensor; this one is floating-point: use data()");
    }
    return integers.clone();
  }

  /**
   * The exact values of an integer or boolean tensor as ints.
   *
   * @return the values
   * @throws IllegalStateException for a floating-point tensor
   * @throws ArithmeticException if a value does not fit an int
   */
  public int[] ints() {
    long[] l = longs();
    int[] out = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      out[i] = Math.toIntExact(l[i]);
    }
    return out;
  }

  /**
   * Copies a numeric or boolean tensor.
   *
   * @param tensor the tensor; not closed here
   * @return its copy
   * @throws IllegalArgumentException for string or other non-numeric tensors
   */
  public static TensorValue copyOf(Tensor tensor) {
    Shape shape = tensor.shape();
    float[] out = new float[Math.toIntExact(shape.size())];
    long[] exact = null;
    if (tensor instanceof TFloat32 t) {
      t.asRawTensor().data().asFloats().read(out);
    } else if (tensor instanceof TFloat64 t) {
      double[] d = new double[out.length];
      t.asRawTensor().data().asDoubles().read(d);
      for (int i = 0; i < d.length; i++) {
        out[i] = (float) d[i];
      }
    } else if (tensor instanceof TInt32 t) {
      int[] d = new int[out.length];
      t.asRawTensor().data().asInts().read(d);
      exact = new long[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = d[i];
        exact[i] = d[i];
      }
    } else if (tensor instanceof TInt64 t) {
      long[] d = new long[out.length];
      t.asRawTensor().data().asLongs().read(d);
      exact = d;
      for (int i = 0; i < d.length; i++) {
        out[i] = d[i];
      }
    } else if (tensor instanceof TUint8 t) {
      byte[] d = new byte[out.length];
      t.asRawTensor().data().read(d);
      exact = new long[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = d[i] & 0xff;
        exact[i] = d[i] & 0xff;
      }
    } else if (tensor instanceof TBool t) {
      byte[] d = new byte[out.length];
      t.asRawTensor().data().read(d);
      exact = new long[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = d[i] != 0 ? 1f : 0f;
        exact[i] = d[i] != 0 ? 1 : 0;
      }
    } else {
      throw new IllegalArgumentException(
          "`tensor` must be numeric or boolean, got " + tensor.dataType());
    }
    return new TensorValue(shape.asArray(), out, exact);
  }

  /**
   * The single value of a tensor with one element.
   *
   * @return the value, whatever the rank (a scalar, {@code [1]}, {@code [1, 1]}, ...)
   * @throws IllegalStateException if the tensor does not hold exactly one value
   */
  public float scalar() {
    if (data.length != 1) {
      throw new IllegalStateException(
          "scalar() needs exactly one value, this tensor has shape " + Arrays.toString(shape));
    }
    return data[0];
  }

  /**
   * One value by index.
   *
   * @param index one index per dimension
   * @return the value
   */
  public float get(long... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "`index` must have " + shape.length + " coordinates, got " + index.length);
    }
    long flat = 0;
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException(
            "index " + Arrays.toString(index) + " out of shape " + Arrays.toString(shape));
      }
      flat = flat * shape[i] + index[i];
    }
    return data[(int) flat];
  }

  /**
   * The number of values.
   *
   * @return {@code data().length}, the product of the shape
   */
  public int size() {
    return data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorValue v && Arrays.equals(shape, v.shape) && Arrays.equals(data, v.data)
        && Arrays.equals(integers, v.integers);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(data)) + Arrays.hashCode(integers);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("TensorValue").append(Arrays.toString(shape)).append(' ');
    if (data.length <= PRINTED_VALUES) {
      return sb.append(integers != null ? Arrays.toString(integers) : Arrays.toString(data)).toString();
    }
    sb.append('[');
    for (int i = 0; i < PRINTED_VALUES; i++) {
      sb.append(integers != null ? String.valueOf(integers[i]) : String.valueOf(data[i])).append(", ");
    }
    return sb.append("... (").append(data.length).append(" values)]").toString();
  }
}
