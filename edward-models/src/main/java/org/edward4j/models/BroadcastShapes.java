package org.edward4j.models;

import java.util.Arrays;
import java.util.Map;
import java.util.StringJoiner;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/**
 * NumPy broadcasting of static shapes, where {@code -1} is a dimension known only when the graph
 * runs. Random variables check their parameters, values and {@code logProb} arguments with it
 * before building any op, so a mismatch is an {@link IllegalArgumentException} naming the argument
 * rather than a TensorFlow error at run time.
 */
final class BroadcastShapes {

  private BroadcastShapes() {}

  /**
   * The broadcast of two shapes of known rank, or {@code null} when they do not broadcast. An
   * unknown dimension against a known one larger than 1 is taken to be that one; TensorFlow checks
   * it when the graph runs.
   */
  static Shape broadcast(Shape a, Shape b) {
    int rank = Math.max(a.numDimensions(), b.numDimensions());
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long da = dimFromEnd(a, i);
      long db = dimFromEnd(b, i);
      long d;
      if (da == 1) {
        d = db;
      } else if (db == 1) {
        d = da;
      } else if (da == Shape.UNKNOWN_SIZE) {
        d = db;
      } else if (db == Shape.UNKNOWN_SIZE || da == db) {
        d = da;
      } else {
        return null;
      }
      out[rank - 1 - i] = d;
    }
    return Shape.of(out);
  }

  /**
   * Broadcasts named shapes in order, failing with the first one that does not fit.
   *
   * @param shapes parameter names and their shapes, all of known rank
   * @return the common shape
   * @throws IllegalArgumentException "`scale` must have shape [128, 100] to match `loc`, got [128]"
   */
  static Shape broadcastAll(Map<String, Shape> shapes) {
    Shape result = null;
    StringJoiner seen = new StringJoiner("`, `", "`", "`");
    for (Map.Entry<String, Shape> e : shapes.entrySet()) {
      Shape next = result == null ? e.getValue() : broadcast(result, e.getValue());
      if (next == null) {
        throw new IllegalArgumentException(
            "`" + e.getKey() + "` must have shape " + format(result) + " to match " + seen + ", got "
                + format(e.getValue()));
      }
      result = next;
      seen.add(e.getKey());
    }
    return result == null ? Shape.scalar() : result;
  }

  /** Whether {@code actual} can be {@code expected}: same rank, equal or unknown dimensions. */
  static boolean compatible(Shape actual, Shape expected) {
    if (actual.isUnknown() || expected.isUnknown()) {
      return true;
    }
    if (actual.numDimensions() != expected.numDimensions()) {
      return false;
    }
    for (int i = 0; i < actual.numDimensions(); i++) {
      long a = actual.size(i);
      long e = expected.size(i);
      if (a != e && a != Shape.UNKNOWN_SIZE && e != Shape.UNKNOWN_SIZE) {
        return false;
      }
    }
    return true;
  }

  /** The dimensions {@code [from, to)} of a shape of known rank. */
  static Shape slice(Shape s, int from, int to) {
    return Shape.of(Arrays.copyOfRange(s.asArray(), from, to));
  }

  /** Whether every dimension is known. */
  static boolean isFullyKnown(Shape s) {
    return !s.isUnknown() && !s.hasUnknownDimension();
  }

  /** A shape as a constant int32 vector; it must be fully known. */
  static Operand<TInt32> constant(Ops tf, Shape s) {
    long[] dims = s.asArray();
    int[] ints = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      ints[i] = Math.toIntExact(dims[i]);
    }
    return tf.constant(ints);
  }

  /** {@code [128, 100]}, with {@code ?} for an unknown dimension and {@code <unknown>} rank. */
  static String format(Shape s) {
    if (s == null || s.isUnknown()) {
      return "<unknown>";
    }
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (long d : s.asArray()) {
      j.add(d == Shape.UNKNOWN_SIZE ? "?" : Long.toString(d));
    }
    return j.toString();
  }

  private static long dimFromEnd(Shape s, int i) {
    int n = s.numDimensions();
    return i < n ? s.size(n - 1 - i) : 1;
  }
}
