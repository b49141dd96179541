package org.edward4j.models.math;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.AssertThat;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/** Checks of tensor arguments made in Java before any op is built, and the run-time ones. */
final class TensorChecks {

  private TensorChecks() {}

  /**
   * {@code x} as a float32 tensor of known rank in {@code tf}'s graph.
   *
   * @throws IllegalArgumentException naming {@code argument} otherwise
   */
  @SuppressWarnings("unchecked")
  static Operand<TFloat32> float32(Ops tf, Operand<?> x, String argument) {
    if (x == null) {
      throw new IllegalArgumentException("`" + argument + "` must be a float32 tensor, got null");
    }
    if (!sameGraph(tf, x)) {
      throw new IllegalArgumentException("`" + argument + "` must be a tensor of the graph `tf` builds in, got one of another graph");
    }
    if (x.type() != TFloat32.class) {
      throw new IllegalArgumentException("`" + argument + "` must be float32, got " + x.type().getSimpleName());
    }
    if (x.shape().isUnknown()) {
      throw new IllegalArgumentException("`" + argument + "` must have a known rank, got a tensor of unknown shape");
    }
    return (Operand<TFloat32>) x;
  }

  /** Whether {@code x} lives in the graph {@code tf} builds in (false for a closed graph). */
  static boolean sameGraph(Ops tf, Operand<?> x) {
    try {
      ExecutionEnvironment env = tf.scope().env();
      return x.env() == env || (x.env() != null && env != null && x.env().equals(env));
    } catch (IllegalStateException closed) {
      return false;
    }
  }

  /** A shape as {@code [2, 3]}, with {@code ?} for unknown dimensions. */
  static String format(Shape s) {
    if (s.isUnknown()) {
      return "<unknown>";
    }
    return Arrays.toString(Arrays.stream(s.asArray()).mapToObj(d -> d < 0 ? "?" : Long.toString(d)).toArray());
  }

  /**
   * {@code x} passed through a run-time check that every element is finite. The check is a control
   * dependency of an identity, as Edward's {@code with_dependencies}: TensorFlow's C++ runtime has
   * no gradient for {@code CheckNumericsV2}, so it must stay off the data path.
   */
  static Operand<TFloat32> finite(Ops tf, Operand<TFloat32> x, String argument) {
    Operand<TFloat32> check = tf.debugging.checkNumerics(x, "`" + argument + "` must be finite");
    return tf.withControlDependencies(List.of(check)).identity(x);
  }

  /** {@code x} passed through a run-time check that every element is positive. */
  static Operand<TFloat32> positive(Ops tf, Operand<TFloat32> x, String argument) {
    Operand<TString> message = tf.constant("Condition x > 0 did not hold: `" + argument + "` must be positive, got");
    AssertThat check = tf.assertThat(
        tf.reduceAll(tf.math.greater(x, tf.constant(0f)), tf.range(tf.constant(0), tf.rank(x), tf.constant(1))),
        List.of(message, x));
    return tf.withControlDependencies(List.of(check)).identity(x);
  }

  /** Throws unless {@code v} is a positive finite number. */
  static float positive(double v, String argument) {
    if (!(v > 0) || Double.isInfinite(v) || (float) v == 0f) {
      throw new IllegalArgumentException("`" + argument + "` must be positive and finite, got " + v);
    }
    return (float) v;
  }
}
