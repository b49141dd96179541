package org.edward4j.core;

import java.util.Arrays;
import java.util.Objects;
import org.edward4j.core.ModelContext.OpSeed;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.op.random.TruncatedNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TNumber;

/**
 * The initializers TF1 and Edward examples use.
 *
 * <pre>{@code
 * scope.getVariable("b", Shape.of(128), Initializers.zeros());
 * scope.getVariable("w", Shape.of(784, 128), Initializers.truncatedNormal(0.0, 0.02));
 * }</pre>
 */
public final class Initializers {

  private Initializers() {}

  /**
   * All zeros.
   *
   * @return the initializer, {@code constant(0.0)}
   */
  public static Initializer zeros() {
    return constant(0.0);
  }

  /**
   * All ones.
   *
   * @return the initializer, {@code constant(1.0)}
   */
  public static Initializer ones() {
    return constant(1.0);
  }

  /**
   * Every element equal to {@code value}.
   *
   * @param value the constant; must be finite
   * @return the initializer
   */
  public static Initializer constant(double value) {
    checkFinite(value, "value");
    return new Initializer() {
      @Override
      public <T extends TNumber> Operand<T> initialValue(Ops tf, Shape shape, Class<T> dtype, OpSeed seed) {
        Operand<T> small = smallConstant(tf, shape, dtype, value);
        return small != null ? small : tf.fill(tf.constant(shape.asArray()), tf.constant(dtype, value));
      }

      @Override
      public String toString() {
        return "constant(" + value + ")";
      }
    };
  }

  /**
   * Normal values cut at two standard deviations, as {@code tf.truncated_normal_initializer}.
   *
   * @param mean the mean before truncation
   * @param stddev the standard deviation before truncation; positive
   * @return the initializer
   */
  public static Initializer truncatedNormal(double mean, double stddev) {
    return normal("truncatedNormal", mean, stddev, true);
  }

  /**
   * Normal values, as {@code tf.random_normal_initializer}.
   *
   * @param mean the mean
   * @param stddev the standard deviation; positive
   * @return the initializer
   */
  public static Initializer randomNormal(double mean, double stddev) {
    return normal("randomNormal", mean, stddev, false);
  }

  /** Normal draws, cut at two standard deviations when {@code truncated}, scaled and shifted. */
  private static Initializer normal(String name, double mean, double stddev, boolean truncated) {
    checkFinite(mean, "mean");
    checkPositive(stddev, "stddev");
    return new Initializer() {
      @Override
      public <T extends TNumber> Operand<T> initialValue(Ops tf, Shape shape, Class<T> dtype, OpSeed seed) {
        requireFloating(dtype, name);
        Operand<TInt64> dims = tf.constant(shape.asArray());
        Operand<T> z = truncated
            ? tf.random.truncatedNormal(dims, dtype, TruncatedNormal.seed(seed.seed()).seed2(seed.seed2()))
            : tf.random.randomStandardNormal(dims, dtype, RandomStandardNormal.seed(seed.seed()).seed2(seed.seed2()));
        return affine(tf, z, mean, stddev, dtype);
      }

      @Override
      public String toString() {
        return name + "(" + mean + ", " + stddev + ")";
      }
    };
  }

  /**
   * Uniform values on {@code [min, max)}, as {@code tf.random_uniform_initializer}.
   *
   * @param min lower bound
   * @param max upper bound; greater than {@code min}
   * @return the initializer
   */
  public static Initializer randomUniform(double min, double max) {
    checkFinite(min, "min");
    checkFinite(max, "max");
    if (!(max > min)) {
      throw new IllegalArgumentException("`max` must exceed `min` (" + min + "), got " + max);
    }
    return new Initializer() {
      @Override
      public <T extends TNumber> Operand<T> initialValue(Ops tf, Shape shape, Class<T> dtype, OpSeed seed) {
        return uniform(tf, shape, dtype, seed, min, max);
      }

      @Override
      public String toString() {
        return "randomUniform(" + min + ", " + max + ")";
      }
    };
  }

  /**
   * TF1's default initializer for {@code get_variable} without one: Glorot-uniform for a
   * floating-point dtype, zeros for any other (TF1 does the same for integer and bool variables).
   *
   * @param dtype the variable's element type
   * @return {@link #glorotUniform()} or {@link #zeros()}
   */
  public static Initializer defaultFor(Class<? extends TNumber> dtype) {
    Objects.requireNonNull(dtype, "dtype");
    return TFloating.class.isAssignableFrom(dtype) ? glorotUniform() : zeros();
  }

  /**
   * Glorot (Xavier) uniform: {@code U(-l, l)} with {@code l = sqrt(6 / (fanIn + fanOut))}, TF1's
   * default for {@code get_variable} and {@code tf.layers}. For a kernel of shape {@code [..., in,
   * out]} the leading dimensions form the receptive field that multiplies both fans.
   *
   * @return the initializer
   */
  public static Initializer glorotUniform() {
    return new Initializer() {
      @Override
      public <T extends TNumber> Operand<T> initialValue(Ops tf, Shape shape, Class<T> dtype, OpSeed seed) {
        double[] fans = fans(shape);
        double limit = Math.sqrt(6.0 / Math.max(1.0, fans[0] + fans[1]));
        return uniform(tf, shape, dtype, seed, -limit, limit);
      }

      @Override
      public String toString() {
        return "glorotUniform()";
      }
    };
  }

  /**
   * Fan-in and fan-out of a weight shape as TF1 computes them.
   *
   * @param shape the weight's shape
   * @return {@code {fanIn, fanOut}}
   */
  static double[] fans(Shape shape) {
    int rank = shape.numDimensions();
    if (rank == 0) {
      return new double[] {1, 1};
    }
    if (rank == 1) {
      return new double[] {shape.get(0), shape.get(0)};
    }
    double receptive = 1;
    for (int i = 0; i < rank - 2; i++) {
      receptive *= shape.get(i);
    }
    return new double[] {shape.get(rank - 2) * receptive, shape.get(rank - 1) * receptive};
  }

  private static <T extends TNumber> Operand<T> uniform(
      Ops tf, Shape shape, Class<T> dtype, OpSeed seed, double min, double max) {
    requireFloating(dtype, "a uniform initializer");
    Operand<T> u =
        tf.random.randomUniform(
            tf.constant(shape.asArray()), dtype, RandomUniform.seed(seed.seed()).seed2(seed.seed2()));
    return affine(tf, u, min, max - min, dtype);
  }

  private static <T extends TNumber> Operand<T> affine(
      Ops tf, Operand<T> x, double shift, double scale, Class<T> dtype) {
    Operand<T> scaled = tf.math.mul(x, tf.constant(dtype, scale));
    // Adding 0 changes no value (only the sign of an exact zero): two ops fewer per zero-mean weight.
    return shift == 0 ? scaled : tf.math.add(scaled, tf.constant(dtype, shift));
  }

  /** TF1's {@code array_ops.zeros} builds a constant below this many elements, a {@code Fill} from it on. */
  static final long SMALL_CONSTANT_ELEMENTS = 1000;

  /**
   * One {@code Const} holding every element, as TF1 builds small constants (a {@code Fill} of a
   * shape and a value is three ops; a large constant would bloat the serialized graph), or null for
   * a large shape or a dtype without a Java array here. The values are the scalar {@code
   * tf.constant(dtype, value)} would hold.
   */
  @SuppressWarnings("unchecked")
  private static <T extends TNumber> Operand<T> smallConstant(Ops tf, Shape shape, Class<T> dtype, double value) {
    long n = shape.size();
    if (shape.isUnknown() || n < 0 || n >= SMALL_CONSTANT_ELEMENTS) {
      return null;
    }
    int size = (int) n;
    if (dtype == TFloat32.class) {
      float[] a = new float[size];
      Arrays.fill(a, (float) value);
      return (Operand<T>) tf.constant(shape, DataBuffers.of(a, true, false));
    }
    if (dtype == TFloat64.class) {
      double[] a = new double[size];
      Arrays.fill(a, value);
      return (Operand<T>) tf.constant(shape, DataBuffers.of(a, true, false));
    }
    if (dtype == TInt32.class) {
      int[] a = new int[size];
      Arrays.fill(a, (int) value);
      return (Operand<T>) tf.constant(shape, DataBuffers.of(a, true, false));
    }
    if (dtype == TInt64.class) {
      long[] a = new long[size];
      Arrays.fill(a, (long) value);
      return (Operand<T>) tf.constant(shape, DataBuffers.of(a, true, false));
    }
    return null;
  }

  /** Random draws exist in TensorFlow for floating-point dtypes only: say so before the native op. */
  private static void requireFloating(Class<? extends TNumber> dtype, String initializer) {
    if (!TFloating.class.isAssignableFrom(dtype)) {
      throw new IllegalArgumentException(
          "`dtype` of a variable initialized by " + initializer + " must be floating-point, got "
              + dtype.getSimpleName() + "; use Initializers.zeros() or constant(...) for integer variables");
    }
  }

  private static void checkFinite(double v, String name) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("`" + name + "` must be finite, got " + v);
    }
  }

  private static void checkPositive(double v, String name) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException("`" + name + "` must be positive and finite, got " + v);
    }
  }
}
