package org.edward4j.core.checkpoints;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * One tensor stored in a checkpoint, as listed by its index: TensorFlow's {@code
 * tf.train.list_variables} row, plus where the bytes lie.
 *
 * <pre>{@code
 * for (CheckpointEntry e : CheckpointReader.open(dir).variables()) {
 *   System.out.println(e); // Gen/dense/kernel float32 [100, 128]
 * }
 * }</pre>
 *
 * @param name the tensor's key, e.g. {@code Gen/dense/kernel}
 * @param dataType TensorFlow's dtype enum, e.g. {@code DT_FLOAT}
 * @param dims the dimensions; empty for a scalar
 * @param shard the data file holding it
 * @param offset the first byte in that file
 * @param size the number of bytes
 * @param crc32c the masked CRC-32C of those bytes, as TensorFlow stores it
 */
public record CheckpointEntry(
    String name, DataType dataType, long[] dims, int shard, long offset, long size, int crc32c) {

  /**
   * Checks and copies the arguments.
   *
   * @param name the tensor's key, e.g. {@code Gen/dense/kernel}
   * @param dataType TensorFlow's dtype enum, e.g. {@code DT_FLOAT}
   * @param dims the dimensions; empty for a scalar
   * @param shard the data file holding it
   * @param offset the first byte in that file
   * @param size the number of bytes
   * @param crc32c the masked CRC-32C of those bytes, as TensorFlow stores it
   */
  public CheckpointEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataType, "dataType");
    dims = dims.clone();
    if (offset < 0 || size < 0 || shard < 0) {
      throw new IllegalArgumentException(
          "`offset`, `size` and `shard` must be non-negative, got " + offset + ", " + size + ", " + shard);
    }
  }

  /**
   * The shape as TensorFlow Java's {@link Shape}.
   *
   * @return the shape as TensorFlow Java's {@link Shape}
   */
  public Shape shape() {
    return Shape.of(dims);
  }

  /**
   * The dimensions (a copy).
   *
   * @return the dimensions (a copy)
   */
  @Override
  public long[] dims() {
    return dims.clone();
  }

  /**
   * The dtype in Python's spelling: {@code float32}, {@code int64}, ...
   *
   * @return the dtype in Python's spelling: {@code float32}, {@code int64}, ...
   */
  public String dtypeName() {
    return dtypeName(dataType);
  }

  static String dtypeName(DataType t) {
    return switch (t) {
      case DT_FLOAT -> "float32";
      case DT_DOUBLE -> "float64";
      case DT_HALF -> "float16";
      case DT_BFLOAT16 -> "bfloat16";
      default -> t.name().substring(3).toLowerCase(Locale.ROOT);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CheckpointEntry e && name.equals(e.name) && dataType == e.dataType
        && Arrays.equals(dims, e.dims) && shard == e.shard && offset == e.offset && size == e.size
        && crc32c == e.crc32c;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dataType, Arrays.hashCode(dims), offset);
  }

  @Override
  public String toString() {
    return name + " " + dtypeName() + " " + Arrays.toString(dims);
  }
}
