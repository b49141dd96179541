package org.edward4j.models.bijectors;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The stick-breaking map {@code R^(K-1) -> K-simplex}; see {@link Bijectors#stickBreaking()}. */
final class StickBreaking implements Bijector {

  @Override
  public String name() {
    return "StickBreaking";
  }

  @Override
  public int eventRank() {
    return 1;
  }

  @Override
  public Support domain() {
    return Support.REAL;
  }

  @Override
  public Support codomain() {
    return Support.SIMPLEX;
  }

  /** {@code [.., K-1] -> [.., K]}. */
  @Override
  public Shape forwardEventShape(Shape xEvent) {
    long k1 = lastSize(xEvent, "x");
    long[] dims = xEvent.asArray();
    dims[dims.length - 1] = k1 + 1;
    return Shape.of(dims);
  }

  /** {@code [.., K] -> [.., K-1]}. */
  @Override
  public Shape inverseEventShape(Shape yEvent) {
    long k = lastSize(yEvent, "y");
    if (k < 2) {
      throw new IllegalArgumentException("`y` must have a last axis of size >= 2 for the inverse of StickBreaking, got "
          + yEvent);
    }
    long[] dims = yEvent.asArray();
    dims[dims.length - 1] = k - 1;
    return Shape.of(dims);
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> x) {
    long k1 = lastSize(x.shape(), "x");
    Operand<TFloat32> centred = tf.math.sub(x, offsets(tf, k1));
    Operand<TFloat32> logRemainingBefore = exclusiveCumsum(tf, logSigmoid(tf, tf.math.neg(centred)));
    Operand<TFloat32> head = tf.math.exp(tf.math.add(logSigmoid(tf, centred), logRemainingBefore));
    Operand<TFloat32> logLast = tf.reduceSum(logSigmoid(tf, tf.math.neg(centred)), tf.constant(-1), org.tensorflow.op.core.ReduceSum.keepDims(true));
    return tf.concat(List.of(head, tf.math.exp(logLast)), tf.constant(-1));
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y) {
    long k = lastSize(y.shape(), "y");
    Operand<TFloat32> head = firstOfLastAxis(tf, y, k - 1);
    Operand<TFloat32> remaining = tf.math.sub(tf.constant(1f), exclusiveCumsum(tf, head));
    Operand<TFloat32> z = tf.math.div(head, remaining);
    Operand<TFloat32> logit = tf.math.sub(tf.math.log(z), tf.math.log1p(tf.math.neg(z)));
    return tf.math.add(logit, offsets(tf, k - 1));
  }

  /** {@code sum_k [log z_k + log(1 - z_k) + sum_{j<k} log(1 - z_j)]}. */
  @Override
  public Operand<TFloat32> forwardLogDetJacobian(Ops tf, Operand<TFloat32> x) {
    long k1 = lastSize(x.shape(), "x");
    Operand<TFloat32> centred = tf.math.sub(x, offsets(tf, k1));
    Operand<TFloat32> logOneMinusZ = logSigmoid(tf, tf.math.neg(centred));
    Operand<TFloat32> terms = tf.math.add(tf.math.add(logSigmoid(tf, centred), logOneMinusZ), exclusiveCumsum(tf, logOneMinusZ));
    return tf.reduceSum(terms, tf.constant(-1));
  }

  /** {@code [log(K-1), ..., log 1]}: with these offsets {@code x = 0} maps to {@code 1/K} everywhere. */
  private static Operand<TFloat32> offsets(Ops tf, long k1) {
    float[] o = new float[Math.toIntExact(k1)];
    for (int i = 0; i < o.length; i++) {
      o[i] = (float) Math.log(k1 - i);
    }
    return tf.constant(o);
  }

  private static Operand<TFloat32> logSigmoid(Ops tf, Operand<TFloat32> x) {
    return tf.math.neg(tf.math.softplus(tf.math.neg(x)));
  }

  private static Operand<TFloat32> exclusiveCumsum(Ops tf, Operand<TFloat32> x) {
    return tf.math.cumsum(x, tf.constant(-1), Cumsum.exclusive(true));
  }

  /** The first {@code n} entries of the last axis. */
  private static Operand<TFloat32> firstOfLastAxis(Ops tf, Operand<TFloat32> y, long n) {
    int rank = y.shape().numDimensions();
    int[] begin = new int[rank];
    int[] size = new int[rank];
    java.util.Arrays.fill(size, -1);
    size[rank - 1] = Math.toIntExact(n);
    Operand<TInt32> b = tf.constant(begin);
    return tf.slice(y, b, tf.constant(size));
  }

  private static long lastSize(Shape s, String what) {
    if (s.isUnknown() || s.numDimensions() < 1 || s.size(s.numDimensions() - 1) < 1) {
      throw new IllegalArgumentException("`" + what + "` must have a last axis of known size >= 1 for StickBreaking, got "
          + s);
    }
    return s.size(s.numDimensions() - 1);
  }

  @Override
  public String toString() {
    return "StickBreaking()";
  }
}
