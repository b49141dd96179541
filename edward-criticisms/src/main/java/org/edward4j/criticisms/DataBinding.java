package org.edward4j.criticisms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.Feeds;
import org.edward4j.core.ContextOwned;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Edward's {@code data} argument split into its two roles: placeholders the model conditions on
 * (fed in every run) and observed variables or tensors bound to realizations.
 *
 * <p>Realizations may be a {@code Number}, {@code float[]}, {@code double[]}, {@code int[]},
 * {@code float[][]}, a {@link TensorValue}, or a tensor of the same context (evaluated once). Flat
 * arrays take the key's static shape (one unknown dimension is inferred). Placeholder values are
 * what {@link Feeds} accepts, plus {@code Number} and {@code double[]}.
 */
final class DataBinding {

  private final ModelContext ctx;
  private final Map<Operand<?>, Object> placeholders = new LinkedHashMap<>();
  private final Map<Operand<?>, Realization> observed = new LinkedHashMap<>();

  private DataBinding(ModelContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Splits and checks {@code data}.
   *
   * @throws IllegalArgumentException for empty data, null values, keys of another context, or
   *     values that do not fit their keys
   */
  static DataBinding of(Map<? extends Operand<?>, ?> data) {
    Objects.requireNonNull(data, "data");
    if (data.isEmpty()) {
      throw new IllegalArgumentException("`data` must bind at least one observed variable to its realization");
    }
    ModelContext ctx = ContextOwned.ownerOf(data.keySet(), "data").orElseThrow(
        () -> new IllegalArgumentException("no `data` key knows its ModelContext: bind a random variable, or a"
            + " placeholder made by ctx.placeholder(...)"));
    DataBinding b = new DataBinding(ctx);
    data.forEach((key, value) -> {
      Objects.requireNonNull(value, () -> "`data` value for " + key.op().name());
      if (isPlaceholder(key)) {
        b.placeholders.put(key, feedValue(key, value));
      } else {
        b.observed.put(key, b.realize(key, value));
      }
    });
    return b;
  }

  /** Whether {@code x} is a placeholder the model conditions on, as Edward tests it. */
  static boolean isPlaceholder(Operand<?> x) {
    return x.op().type().contains("Placeholder");
  }

  ModelContext context() {
    return ctx;
  }

  /** The observed keys (not placeholders), in order. */
  List<Operand<?>> observedKeys() {
    return new ArrayList<>(observed.keySet());
  }

  /** The realization bound to an observed key. */
  Realization observed(Operand<?> key) {
    Realization r = observed.get(key);
    if (r == null) {
      throw new IllegalArgumentException("`data` binds no realization to " + key.op().name());
    }
    return r;
  }

  /** Puts every placeholder value into {@code feeds}. */
  void feedPlaceholders(Feeds feeds) {
    placeholders.forEach(feeds::put);
  }

  private static Object feedValue(Operand<?> key, Object value) {
    boolean ints = key.type() == TInt32.class;
    if (value instanceof Number n) {
      return ints ? new int[] {n.intValue()} : new float[] {n.floatValue()};
    }
    if (value instanceof double[] d) {
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        f[i] = (float) d[i];
      }
      return f;
    }
    return value;
  }

  private Realization realize(Operand<?> key, Object value) {
    String what = "`data` value for " + key.op().name();
    if (value instanceof TensorValue v) {
      return new Realization(v.shape(), toDoubles(v.data()));
    }
    if (value instanceof Operand<?> o) {
      if (!(TNumber.class.isAssignableFrom(o.type()))) {
        throw new IllegalArgumentException(what + " must be a numeric tensor, got " + o.asOutput().dataType());
      }
      @SuppressWarnings("unchecked")
      TensorValue v = ctx.eval((Operand<? extends TNumber>) o);
      return new Realization(v.shape(), toDoubles(v.data()));
    }
    if (value instanceof Number n) {
      return new Realization(new long[0], new double[] {n.doubleValue()});
    }
    if (value instanceof float[][] rows) {
      int cols = rows.length == 0 ? 0 : rows[0].length;
      double[] d = new double[rows.length * cols];
      for (int i = 0; i < rows.length; i++) {
        if (rows[i].length != cols) {
          throw new IllegalArgumentException(what + " must have rows of equal length, row " + i + " has "
              + rows[i].length + " not " + cols);
        }
        for (int j = 0; j < cols; j++) {
          d[i * cols + j] = rows[i][j];
        }
      }
      return checked(new Realization(new long[] {rows.length, cols}, d), what);
    }
    double[] flat;
    if (value instanceof float[] f) {
      flat = toDoubles(f);
    } else if (value instanceof double[] d) {
      flat = d.clone();
    } else if (value instanceof int[] ints) {
      flat = Arrays.stream(ints).asDoubleStream().toArray();
    } else {
      throw new IllegalArgumentException(what + " must be a Number, float[], double[], int[], float[][], TensorValue"
          + " or tensor, got " + value.getClass().getSimpleName());
    }
    return checked(new Realization(shapeFor(key, flat.length, what), flat), what);
  }

  private static long[] shapeFor(Operand<?> key, int length, String what) {
    Shape s = key.shape();
    if (s.isUnknown()) {
      return new long[] {length};
    }
    long[] dims = s.asArray();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == Shape.UNKNOWN_SIZE) {
        if (unknown >= 0) {
          return new long[] {length};
        }
        unknown = i;
      } else {
        known *= dims[i];
      }
    }
    if (unknown >= 0 && known > 0 && length % known == 0) {
      dims[unknown] = length / known;
    } else if (unknown >= 0 || known != length) {
      throw new IllegalArgumentException(what + " must hold " + (unknown >= 0 ? "a multiple of " : "") + known
          + " values to match its shape " + s + ", got " + length);
    }
    return dims;
  }

  private static Realization checked(Realization r, String what) {
    for (double v : r.data()) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException(what + " must not contain NaN");
      }
    }
    return r;
  }

  private static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /**
   * The float32 or int32 form of a realization, for feeding a placeholder of {@code type} and of
   * the realization's shape.
   */
  static Object feedable(Realization r, Class<?> type, String what) {
    if (type == TFloat32.class) {
      float[] f = new float[r.data().length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) r.data()[i];
      }
      return new TensorValue(r.shape(), f);
    }
    if (type == TInt32.class) {
      // Fed to a placeholder of exactly r's shape, which Feeds takes from the placeholder.
      return Arrays.stream(r.data()).mapToInt(v -> (int) v).toArray();
    }
    throw new IllegalArgumentException(what + " must be float32 or int32 to be fed, got " + type.getSimpleName());
  }
}
