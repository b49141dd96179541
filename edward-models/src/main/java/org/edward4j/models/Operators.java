package org.edward4j.models;

import java.util.Arrays;
import org.edward4j.core.ContextOwned;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * Edward's operators on random variables, as static methods: a random variable is its sample, so
 * {@code x + y} in Edward is {@code add(x, y)} here, and the result is a graph tensor like Edward's.
 * Java has no operator overloading, so these cover what Edward's {@code RandomVariable} overloads:
 * arithmetic ({@code add}, {@code sub}, {@code mul}, {@code div}, {@code neg}, {@code pow}, with
 * tensors or numbers), comparisons ({@code less}, {@code lessEqual}, {@code greater}, {@code
 * greaterEqual}, {@code equal}, {@code notEqual}) and indexing ({@code get(x, i, j)} for {@code
 * x[i, j]}, {@code slice(x, axis, begin, end)} for {@code x[..., begin:end]}).
 *
 * <p>Arguments are checked in Java first: same graph, same dtype, shapes that broadcast, indices in
 * range. Ops are built at the graph's root name scope (use {@code Ops} directly for a scope).
 *
 * <pre>{@code
 * Normal z = Normal.of(scope, 0.0, 1.0);
 * Operand<TFloat32> x = Operators.add(Operators.mul(z, 2.0), 1.0);   // Edward: x = 2 * z + 1
 * Operand<TBool> positive = Operators.greater(z, 0.0);              // Edward: z > 0
 * }</pre>
 */
public final class Operators {

  private Operators() {}

  /**
   * {@code a + b}, broadcasting.
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return the sum
   * @throws IllegalArgumentException for another graph or dtype, or shapes that do not broadcast
   */
  public static <T extends TNumber> Operand<T> add(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "add").math.add(a, b));
  }

  /**
   * {@code a + b} for a float32 tensor and a number.
   *
   * @param a a float32 tensor or random variable
   * @param b a number
   * @return the sum
   */
  public static Operand<TFloat32> add(Operand<TFloat32> a, double b) {
    Ops tf = ops(a, "add");
    return owned(a, null, tf.math.add(a, tf.constant((float) b)));
  }

  /**
   * {@code a - b}, broadcasting.
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return the difference
   * @throws IllegalArgumentException for another graph or dtype, or shapes that do not broadcast
   */
  public static <T extends TNumber> Operand<T> sub(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "sub").math.sub(a, b));
  }

  /**
   * {@code a - b} for a float32 tensor and a number.
   *
   * @param a a float32 tensor or random variable
   * @param b a number
   * @return the difference
   */
  public static Operand<TFloat32> sub(Operand<TFloat32> a, double b) {
    Ops tf = ops(a, "sub");
    return owned(a, null, tf.math.sub(a, tf.constant((float) b)));
  }

  /**
   * {@code a * b} elementwise, broadcasting.
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return the product
   * @throws IllegalArgumentException for another graph or dtype, or shapes that do not broadcast
   */
  public static <T extends TNumber> Operand<T> mul(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "mul").math.mul(a, b));
  }

  /**
   * {@code a * b} for a float32 tensor and a number.
   *
   * @param a a float32 tensor or random variable
   * @param b a number
   * @return the product
   */
  public static Operand<TFloat32> mul(Operand<TFloat32> a, double b) {
    Ops tf = ops(a, "mul");
    return owned(a, null, tf.math.mul(a, tf.constant((float) b)));
  }

  /**
   * {@code a / b} elementwise (Python 3's true division for floats), broadcasting.
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return the quotient
   * @throws IllegalArgumentException for another graph or dtype, or shapes that do not broadcast
   */
  public static <T extends TNumber> Operand<T> div(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "div").math.div(a, b));
  }

  /**
   * {@code a / b} for a float32 tensor and a number.
   *
   * @param a a float32 tensor or random variable
   * @param b a number
   * @return the quotient
   */
  public static Operand<TFloat32> div(Operand<TFloat32> a, double b) {
    Ops tf = ops(a, "div");
    return owned(a, null, tf.math.div(a, tf.constant((float) b)));
  }

  /**
   * {@code -a}.
   *
   * @param a a tensor or random variable
   * @param <T> the element type
   * @return the negation
   */
  public static <T extends TNumber> Operand<T> neg(Operand<T> a) {
    return owned(a, null, ops(a, "neg").math.neg(a));
  }

  /**
   * {@code a ** b} elementwise, broadcasting.
   *
   * @param a a tensor or random variable
   * @param b the exponent, a tensor of the same graph and dtype
   * @param <T> the element type
   * @return the power
   * @throws IllegalArgumentException for another graph or dtype, or shapes that do not broadcast
   */
  public static <T extends TNumber> Operand<T> pow(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "pow").math.pow(a, b));
  }

  /**
   * {@code a ** b} for a float32 tensor and a number.
   *
   * @param a a float32 tensor or random variable
   * @param b the exponent
   * @return the power
   */
  public static Operand<TFloat32> pow(Operand<TFloat32> a, double b) {
    Ops tf = ops(a, "pow");
    return owned(a, null, tf.math.pow(a, tf.constant((float) b)));
  }

  /**
   * {@code a < b}, broadcasting.
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return a boolean tensor
   */
  public static <T extends TNumber> Operand<TBool> less(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "less").math.less(a, b));
  }

  /**
   * {@code a < b} for a float32 tensor and a number.
   *
   * @param a a float32 tensor or random variable
   * @param b a number
   * @return a boolean tensor
   */
  public static Operand<TBool> less(Operand<TFloat32> a, double b) {
    Ops tf = ops(a, "less");
    return owned(a, null, tf.math.less(a, tf.constant((float) b)));
  }

  /**
   * {@code a <= b}, broadcasting.
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return a boolean tensor
   */
  public static <T extends TNumber> Operand<TBool> lessEqual(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "lessEqual").math.lessEqual(a, b));
  }

  /**
   * {@code a > b}, broadcasting.
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return a boolean tensor
   */
  public static <T extends TNumber> Operand<TBool> greater(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "greater").math.greater(a, b));
  }

  /**
   * {@code a > b} for a float32 tensor and a number.
   *
   * @param a a float32 tensor or random variable
   * @param b a number
   * @return a boolean tensor
   */
  public static Operand<TBool> greater(Operand<TFloat32> a, double b) {
    Ops tf = ops(a, "greater");
    return owned(a, null, tf.math.greater(a, tf.constant((float) b)));
  }

  /**
   * {@code a >= b}, broadcasting.
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return a boolean tensor
   */
  public static <T extends TNumber> Operand<TBool> greaterEqual(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "greaterEqual").math.greaterEqual(a, b));
  }

  /**
   * {@code a == b} elementwise, broadcasting (Edward's {@code tf.equal}; Java's {@code ==} compares
   * objects).
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return a boolean tensor
   */
  public static <T extends TNumber> Operand<TBool> equal(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "equal").math.equal(a, b));
  }

  /**
   * {@code a != b} elementwise, broadcasting.
   *
   * @param a a tensor or random variable
   * @param b a tensor of the same graph and dtype
   * @param <T> the element type
   * @return a boolean tensor
   */
  public static <T extends TNumber> Operand<TBool> notEqual(Operand<T> a, Operand<T> b) {
    return owned(a, b, ops(a, b, "notEqual").math.notEqual(a, b));
  }

  /**
   * {@code x[i0, i1, ...]}: the sub-tensor at the given leading indices (negative ones count from the
   * end, as in Python); its rank is {@code x}'s less the number of indices.
   *
   * @param x a tensor or random variable whose indexed dimensions are known
   * @param indices one index per leading axis, at most {@code x}'s rank
   * @param <T> the element type
   * @return the indexed sub-tensor
   * @throws IllegalArgumentException for too many indices, an unknown dimension or an index out of range
   */
  public static <T extends TNumber> Operand<T> get(Operand<T> x, long... indices) {
    Ops tf = ops(x, "get");
    Shape s = x.shape();
    if (indices == null || s.isUnknown() || indices.length > s.numDimensions()) {
      throw new IllegalArgumentException("`indices` must be at most " + (s.isUnknown() ? "the rank" : s.numDimensions())
          + " indices for a tensor of shape " + BroadcastShapes.format(s) + ", got " + Arrays.toString(indices));
    }
    int[] begin = new int[indices.length];
    int[] end = new int[indices.length];
    int[] strides = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      long d = s.size(i);
      long idx = indices[i] < 0 ? indices[i] + d : indices[i];
      if (d < 0 || idx < 0 || idx >= d) {
        throw new IllegalArgumentException("`indices` must be in [-" + d + ", " + d + ") on axis " + i + " of shape "
            + BroadcastShapes.format(s) + ", got " + indices[i]);
      }
      begin[i] = (int) idx;
      end[i] = (int) idx + 1;
      strides[i] = 1;
    }
    long mask = (1L << indices.length) - 1;
    return owned(x, null, tf.stridedSlice(x, tf.constant(begin), tf.constant(end), tf.constant(strides), StridedSlice.shrinkAxisMask(mask)));
  }

  /**
   * {@code x[..., begin:end, ...]} on one axis, the others whole.
   *
   * @param x a tensor or random variable of known rank whose sliced dimension is known
   * @param axis the axis to slice; negative counts from the end
   * @param begin the first index kept, in {@code [0, dim]}
   * @param end one past the last index kept, in {@code [begin, dim]}
   * @param <T> the element type
   * @return the slice, of the same rank
   * @throws IllegalArgumentException for an axis or bounds out of range
   */
  public static <T extends TNumber> Operand<T> slice(Operand<T> x, int axis, long begin, long end) {
    Ops tf = ops(x, "slice");
    Shape s = x.shape();
    int rank = s.isUnknown() ? -1 : s.numDimensions();
    int a = axis < 0 ? axis + rank : axis;
    if (rank < 0 || a < 0 || a >= rank) {
      throw new IllegalArgumentException("`axis` must be in [-" + rank + ", " + rank + ") for shape "
          + BroadcastShapes.format(s) + ", got " + axis);
    }
    long d = s.size(a);
    if (d < 0 || begin < 0 || end < begin || end > d) {
      throw new IllegalArgumentException("`begin` and `end` must satisfy 0 <= begin <= end <= " + d + " on axis " + axis
          + ", got " + begin + " and " + end);
    }
    int[] b = new int[rank];
    int[] size = new int[rank];
    Arrays.fill(size, -1);
    b[a] = (int) begin;
    size[a] = (int) (end - begin);
    return owned(x, null, tf.slice(x, tf.constant(b), tf.constant(size)));
  }

  private static Ops ops(Operand<?> a, String op) {
    if (a == null) {
      throw new IllegalArgumentException("`a` of " + op + " must be a tensor, got null");
    }
    return owner(a, null, op).tf();
  }

  /**
   * The context of the first argument that knows it: a random variable, or a result of these
   * operators (which know theirs); plain tensors do not, and there is no registry of contexts.
   */
  private static ModelContext owner(Operand<?> a, Operand<?> b, String op) {
    if (a instanceof ContextOwned o) {
      return o.context();
    }
    if (b instanceof ContextOwned o) {
      return o.context();
    }
    throw new IllegalArgumentException("`a` of " + op + " must be a random variable or a result of Operators (a plain"
        + " tensor does not know its ModelContext); wrap it with ctx.own(tensor) or use ctx.tf() directly");
  }

  /** The result, knowing its context, so it can be an argument of these operators again. */
  private static <T extends TType> Operand<T> owned(Operand<?> a, Operand<?> b, Operand<T> result) {
    return owner(a, b, "the operator").own(result);
  }

  private static Ops ops(Operand<?> a, Operand<?> b, String op) {
    if (a == null) {
      throw new IllegalArgumentException("`a` of " + op + " must be a tensor, got null");
    }
    if (b == null) {
      throw new IllegalArgumentException("`b` of " + op + " must be a tensor, got null");
    }
    Ops tf = owner(a, b, op).tf();
    if (b.env() != a.env()) {
      throw new IllegalArgumentException("`b` of " + op + " must be a tensor of `a`'s graph, got one from another graph");
    }
    if (a.type() != b.type()) {
      throw new IllegalArgumentException("`b` of " + op + " must be " + RandomVariableBuilder.dtypeName(a.type())
          + " to match `a`, got " + RandomVariableBuilder.dtypeName(b.type()));
    }
    if (!a.shape().isUnknown() && !b.shape().isUnknown() && BroadcastShapes.broadcast(a.shape(), b.shape()) == null) {
      throw new IllegalArgumentException("`b` of " + op + " must have a shape that broadcasts against `a`'s "
          + BroadcastShapes.format(a.shape()) + ", got " + BroadcastShapes.format(b.shape()));
    }
    return tf;
  }
}
