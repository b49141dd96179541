package org.edward4j.core;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Values for placeholders, Edward's {@code feed_dict}, held in native tensors that are reused from
 * one step to the next: feeding a minibatch of the same shape copies it into the existing buffer
 * instead of allocating.
 *
 * <p>Values may be {@code float[]} (row-major, for float32 placeholders), {@code float[][]}
 * (rows), {@code int[]} (int32 placeholders), a {@link TensorValue}, or a {@link Tensor} that the
 * caller owns and closes. Dtypes and shapes are checked against the placeholder's before any
 * native call, and a mismatch names the placeholder; a dynamic leading dimension is inferred from
 * the value's length.
 *
 * <pre>{@code
 * try (Feeds feeds = new Feeds()) {
 *   feeds.put(xPh, batch);              // float[] of 128 * 784
 *   inference.update(feeds);
 * }
 * }</pre>
 */
public final class Feeds implements AutoCloseable {

  /**
   * A reusable float32 buffer, the size of the values it takes and the value slot it fills, for the
   * fast path.
   */
  private record FloatSlot(TFloat32 tensor, FloatDataBuffer buffer, int length, ValueSlot value) {}

  private final Map<Output<?>, Tensor> owned = new LinkedHashMap<>();
  private final Map<Output<?>, FloatSlot> floatSlots = new HashMap<>();
  /**
   * The same slots by the placeholder object the caller passes: identity lookups, because TF
   * Java's {@code Output.hashCode} allocates (an {@code Objects.hash} array) on every call.
   */
  private final Map<Operand<?>, FloatSlot> fastSlots = new IdentityHashMap<>();
  /**
   * Every output ever fed, with its latest value: a value belongs to the current step when its
   * slot's round is {@link #round}. {@link #clear()} starts a new round instead of removing
   * entries, so a training loop that feeds the same placeholders every step allocates nothing on
   * the Java heap once the buffers exist.
   */
  private final Map<Output<?>, ValueSlot> slots = new HashMap<>();
  /** The slots in the order their outputs were first fed. */
  private final List<ValueSlot> order = new ArrayList<>();
  private final Map<Output<?>, Tensor> view = new CurrentValues();
  private final BiConsumer<Operand<?>, Object> putter = this::put;
  private long round = 1;
  private int size;
  private boolean closed;

  /** An output's value; current when {@code round} equals the feeds' round. */
  private static final class ValueSlot {
    final Output<?> key;
    Tensor tensor;
    long round;

    ValueSlot(Output<?> key) {
      this.key = key;
    }
  }

  /**
   * Sets a placeholder's value.
   *
   * @param placeholder the tensor to feed
   * @param value {@code float[]}, {@code float[][]}, {@code int[]}, {@link TensorValue} or {@link
   *     Tensor}
   * @return this
   * @throws IllegalArgumentException if the value's dtype, type or size does not fit the placeholder
   */
  public Feeds put(Operand<?> placeholder, Object value) {
    checkOpen();
    Objects.requireNonNull(placeholder, "placeholder");
    if (value == null) {
      // Not requireNonNull with a message supplier: the lambda would allocate on every step.
      throw new NullPointerException("value for " + name(placeholder));
    }
    if (value instanceof float[] f) {
      // The training-loop case: same placeholder object, same size as last step. Its type and
      // shape were checked when the slot was made, so only the copy is left (no native shape
      // queries, no hashing of outputs, no allocation).
      FloatSlot slot = fastSlots.get(placeholder);
      if (slot != null && slot.length() == f.length) {
        slot.buffer().write(f);
        mark(slot.value(), slot.tensor());
        return this;
      }
    }
    Output<?> key = placeholder.asOutput();
    if (value instanceof float[] f) {
      FloatSlot slot = floatSlots.get(key);
      if (slot != null && slot.length() == f.length) {
        slot.buffer().write(f);
        fastSlots.put(placeholder, slot);
        setValue(key, slot.tensor());
        return this;
      }
    }
    if (value instanceof Tensor t) {
      // Checked here, not left to TensorFlow, whose "Expects arg[1] to be float but int32 is
      // provided" names neither the placeholder nor the feed.
      checkType(key, t.dataType(), "");
      checkShape(key, t.shape(), "value for " + name(placeholder));
      setValue(key, t);
    } else if (value instanceof float[] f) {
      putFloats(key, f, inferShape(key, f.length));
      TFloat32 tensor = (TFloat32) owned.get(key);
      FloatSlot slot = new FloatSlot(tensor, tensor.asRawTensor().data().asFloats(), f.length, slots.get(key));
      floatSlots.put(key, slot);
      fastSlots.put(placeholder, slot);
    } else if (value instanceof float[][] rows) {
      putFloats(key, flatten(rows, key), Shape.of(rows.length, rows.length == 0 ? 0 : rows[0].length));
    } else if (value instanceof TensorValue v) {
      putFloats(key, v.data(), Shape.of(v.shape()));
    } else if (value instanceof int[] ints) {
      putInts(key, ints, inferShape(key, ints.length));
    } else {
      throw new IllegalArgumentException(
          "value for " + name(placeholder) + " must be float[], float[][], int[], TensorValue or Tensor, got "
              + value.getClass().getSimpleName());
    }
    return this;
  }

  /**
   * Sets several values.
   *
   * @param feedDict placeholder to value, as {@link #put}
   * @return this
   */
  public Feeds putAll(Map<? extends Operand<?>, ?> feedDict) {
    Objects.requireNonNull(feedDict, "feedDict");
    feedDict.forEach(putter);
    return this;
  }

  /** Removes every value (reusable buffers are kept). */
  public void clear() {
    round++;
    size = 0;
  }

  /**
   * The current values by fed output.
   *
   * @return an unmodifiable live view; each tensor stays owned by these feeds (or by the caller,
   *     for a {@link Tensor} it put), so do not close them through this map
   */
  public Map<Output<?>, Tensor> asMap() {
    return view;
  }

  /**
   * Adds every value to a session runner.
   *
   * @param runner the runner to feed
   * @return the runner
   */
  public Session.Runner feed(Session.Runner runner) {
    checkOpen();
    for (int i = 0; i < order.size(); i++) {
      ValueSlot slot = order.get(i);
      if (slot.round == round) {
        runner.feed(slot.key, slot.tensor);
      }
    }
    return runner;
  }

  private void putFloats(Output<?> key, float[] data, Shape shape) {
    checkType(key, DataType.DT_FLOAT, " (float values)");
    checkShape(key, shape, "value for " + name(key));
    Tensor t = reuse(key, shape);
    TFloat32 tensor = t == null ? TFloat32.tensorOf(shape) : (TFloat32) t;
    tensor.asRawTensor().data().asFloats().write(data);
    remember(key, tensor);
  }

  private void putInts(Output<?> key, int[] data, Shape shape) {
    checkType(key, DataType.DT_INT32, " (int values)");
    checkShape(key, shape, "value for " + name(key));
    Tensor t = reuse(key, shape);
    TInt32 tensor = t == null ? TInt32.tensorOf(shape) : (TInt32) t;
    tensor.asRawTensor().data().asInts().write(data);
    remember(key, tensor);
  }

  private Tensor reuse(Output<?> key, Shape shape) {
    Tensor t = owned.get(key);
    if (t != null && !t.shape().equals(shape)) {
      FloatSlot stale = floatSlots.remove(key);
      fastSlots.values().removeIf(slot -> slot == stale);
      owned.remove(key).close();
      return null;
    }
    return t;
  }

  private void remember(Output<?> key, Tensor tensor) {
    owned.put(key, tensor);
    setValue(key, tensor);
  }

  private void setValue(Output<?> key, Tensor tensor) {
    ValueSlot slot = slots.get(key);
    if (slot == null) {
      slot = new ValueSlot(key);
      slots.put(key, slot);
      order.add(slot);
    }
    mark(slot, tensor);
  }

  /** Gives a slot its value for the current round. */
  private void mark(ValueSlot slot, Tensor tensor) {
    if (slot.round != round) {
      slot.round = round;
      size++;
    }
    slot.tensor = tensor;
  }

  /** The live, unmodifiable view {@link #asMap()} returns: the current round's values. */
  private final class CurrentValues extends AbstractMap<Output<?>, Tensor> {

    @Override
    public int size() {
      return size;
    }

    @Override
    public boolean containsKey(Object key) {
      ValueSlot slot = slots.get(key);
      return slot != null && slot.round == round;
    }

    @Override
    public Tensor get(Object key) {
      ValueSlot slot = slots.get(key);
      return slot != null && slot.round == round ? slot.tensor : null;
    }

    @Override
    public Set<Entry<Output<?>, Tensor>> entrySet() {
      Map<Output<?>, Tensor> current = new LinkedHashMap<>();
      for (ValueSlot slot : order) {
        if (slot.round == round) {
          current.put(slot.key, slot.tensor);
        }
      }
      return Collections.unmodifiableMap(current).entrySet();
    }
  }

  private static Shape inferShape(Output<?> key, int length) {
    Shape s = key.shape();
    if (s.isUnknown()) {
      return Shape.of(length);
    }
    long known = 1;
    int unknown = -1;
    for (int i = 0; i < s.numDimensions(); i++) {
      if (s.get(i) < 0) {
        if (unknown >= 0) {
          throw new IllegalArgumentException(
              "a flat array cannot feed " + name(key) + " of shape " + s
                  + " with more than one unknown dimension; pass a Tensor or TensorValue");
        }
        unknown = i;
      } else {
        known *= s.get(i);
      }
    }
    long[] dims = s.asArray();
    if (unknown >= 0) {
      if (known == 0 || length % known != 0) {
        throw new IllegalArgumentException(
            "value for " + name(key) + " must hold a multiple of " + known + " values for shape " + s
                + ", got " + length);
      }
      dims[unknown] = length / known;
    } else if (known != length) {
      throw new IllegalArgumentException(
          "`value for " + name(key) + "` must have shape " + s + " (" + known + " values), got " + length
              + " values");
    }
    return Shape.of(dims);
  }

  private static void checkType(Output<?> key, DataType given, String what) {
    if (key.dataType() != given) {
      throw new IllegalArgumentException(
          "`value for " + name(key) + "` must have the placeholder's dtype " + dtypeName(key.dataType())
              + ", got " + dtypeName(given) + what);
    }
  }

  /** {@code float32}, {@code int32}, ...: TensorFlow's own dtype names, as Python users know them. */
  private static String dtypeName(DataType t) {
    return switch (t) {
      case DT_FLOAT -> "float32";
      case DT_DOUBLE -> "float64";
      default -> t.name().startsWith("DT_") ? t.name().substring(3).toLowerCase(Locale.ROOT) : t.name();
    };
  }

  private static void checkShape(Output<?> key, Shape actual, String what) {
    Shape expected = key.shape();
    if (!expected.isUnknown()) {
      if (expected.numDimensions() != actual.numDimensions() || !expected.isCompatibleWith(actual)) {
        throw new IllegalArgumentException(
            "`" + what + "` must have shape " + expected + ", got " + actual);
      }
    }
  }

  private static float[] flatten(float[][] rows, Output<?> key) {
    if (rows.length == 0) {
      return new float[0];
    }
    int cols = rows[0].length;
    float[] out = new float[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != cols) {
        throw new IllegalArgumentException(
            "value for " + name(key) + " must be rectangular: row 0 has " + cols + " values, row " + i
                + " has " + rows[i].length);
      }
      System.arraycopy(rows[i], 0, out, i * cols, cols);
    }
    return out;
  }

  private static String name(Operand<?> x) {
    return x.asOutput().op().name();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Feeds is closed");
    }
  }

  /** Closes the tensors this object allocated; caller-owned tensors are left alone. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    owned.values().forEach(Tensor::close);
    owned.clear();
    floatSlots.clear();
    fastSlots.clear();
    slots.clear();
    order.clear();
    size = 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Feeds{");
    view.forEach((k, v) -> sb.append(k.op().name()).append('=').append(v.shape()).append(' '));
    return sb.append('}').toString();
  }
}
