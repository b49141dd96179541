package org.edward4j.inferences;

import java.util.List;
import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * What the variational inferences share about their maps and log-density terms: checks of {@code
 * latentVars}, {@code data} and {@code scale}, the {@code scale}-weighted sum Edward forms for each
 * variable, and per-example sums for importance weights.
 */
final class ModelTerms {

  private ModelTerms() {}

  /**
   * Checks that every key is a random variable, every approximation a random variable of the
   * key's dtype and value shape, and every data value a numeric tensor or random variable of a
   * compatible shape.
   */
  static void checkMaps(Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    latentVars.forEach((z, qz) -> {
      if (!(z instanceof RandomVariable<?> p)) {
        throw new IllegalArgumentException("`latentVars` keys must be random variables of the model, got the tensor "
            + InferenceData.name(z));
      }
      if (!(qz instanceof RandomVariable<?> q)) {
        throw new IllegalArgumentException("`latentVars` must bind " + p.name()
            + " to a random variable (its approximation), got the tensor " + InferenceData.name(qz));
      }
      if (p.type() != q.type()) {
        throw new IllegalArgumentException("the approximation " + q.name() + " must have the dtype of " + p.name() + " ("
            + p.asOutput().dataType() + "), got " + q.asOutput().dataType());
      }
      checkShape(p, q.value().shape(), "`latentVars` value " + q.name());
    });
    data.forEach((x, v) -> {
      if (!(x instanceof RandomVariable<?> p)) {
        throw new IllegalArgumentException("`data` keys must be random variables of the model, got the tensor "
            + InferenceData.name(x) + "; feed placeholders through update's feedDict");
      }
      if (!TNumber.class.isAssignableFrom(v.type())) {
        throw new IllegalArgumentException("`data` value for " + p.name() + " must be numeric, got "
            + v.asOutput().dataType());
      }
      checkShape(p, v.shape(), "`data` value " + InferenceData.name(v));
    });
  }

  private static void checkShape(RandomVariable<?> p, Shape given, String what) {
    Shape expected = p.value().shape();
    if (!expected.isUnknown() && !given.isUnknown()
        && (expected.numDimensions() != given.numDimensions() || !expected.isCompatibleWith(given))) {
      throw new IllegalArgumentException(what + " must have shape " + expected + " to match " + p.name() + ", got " + given);
    }
  }

  /** Checks that every {@code scale} key is a latent or observed variable of the maps. */
  static void checkScaleKeys(
      Map<Operand<?>, Object> scale, Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    for (Operand<?> k : scale.keySet()) {
      if (!latentVars.containsKey(k) && !data.containsKey(k)) {
        throw new IllegalArgumentException("`scale` key " + InferenceData.name(k)
            + " is neither a latent variable in `latentVars` nor an observed variable in `data`");
      }
    }
  }

  /** {@code scale[key]} as a float32 tensor, or null when the key has no weight. */
  static Operand<TFloat32> scaleOf(Ops tf, Map<Operand<?>, Object> scale, Operand<?> key) {
    Object s = scale.get(key);
    if (s == null) {
      return null;
    }
    if (s instanceof Number n) {
      return tf.constant(n.floatValue());
    }
    Operand<?> t = (Operand<?>) s;
    if (t.type() == TFloat32.class) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> f = (Operand<TFloat32>) t;
      return f;
    }
    return tf.dtypes.cast(numeric(t), TFloat32.class);
  }

  /** Edward's {@code reduce_sum(scale * log_prob)}: the scaled log density summed over every axis. */
  static Operand<TFloat32> total(Ops tf, Operand<TFloat32> logProb, Operand<TFloat32> scale) {
    Operand<TFloat32> t = scale == null ? logProb : tf.math.mul(scale, logProb);
    return tf.reduceSum(t, tf.range(tf.constant(0), tf.rank(t), tf.constant(1)));
  }

  /**
   * The (scaled) log density summed over every axis but the first, the example axis: one term per
   * example, for importance weights.
   *
   * @throws IllegalArgumentException if the log density is a scalar (a global variable has no
   *     example axis)
   */
  static Operand<TFloat32> perExample(Ops tf, Operand<TFloat32> logProb, Operand<TFloat32> scale, String what) {
    Operand<TFloat32> t = scale == null ? logProb : tf.math.mul(scale, logProb);
    if (t.shape().numDimensions() == 0) {
      throw new IllegalArgumentException("importance weights need one log density per example, but that of " + what
          + " is a scalar: every latent and observed variable must have the examples along its first axis");
    }
    if (t.shape().numDimensions() == 1) {
      return t;
    }
    return tf.reduceSum(t, tf.range(tf.constant(1), tf.rank(t), tf.constant(1)));
  }

  /** The mean of scalar tensors. */
  static Operand<TFloat32> mean(Ops tf, List<Operand<TFloat32>> scalars) {
    return tf.math.mean(tf.stack(scalars), tf.constant(0));
  }

  /** {@code x} cast to {@code type} when it has another dtype. */
  @SuppressWarnings("unchecked")
  static <T extends TNumber> Operand<T> cast(Ops tf, Operand<?> x, Class<T> type) {
    return x.type() == type ? (Operand<T>) x : tf.dtypes.cast(numeric(x), type);
  }

  @SuppressWarnings("unchecked")
  static Operand<? extends TNumber> numeric(Operand<?> x) {
    if (!TNumber.class.isAssignableFrom(x.type())) {
      throw new IllegalArgumentException(InferenceData.name(x) + " must be numeric, got " + x.asOutput().dataType());
    }
    return (Operand<? extends TNumber>) x;
  }
}
