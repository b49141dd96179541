package org.edward4j.inferences.montecarlo;

import java.util.List;
import java.util.Random;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's conjugate test model {@code mu ~ N(0, 1)}, {@code x_i ~ N(mu, 1)} for 50 data points,
 * whose posterior is {@code N(sum x / 51, 1 / 51)}; K independent chains run side by side as one
 * state of shape [K] whose log joint is the sum of the chains' log joints, so each chain's gradient
 * is its own.
 */
final class NormalNormal {

  static final int N = 50;
  static final double PRECISION = N + 1.0;

  final float[] x = new float[N];
  final double posteriorMean;

  NormalNormal(long seed) {
    Random random = new Random(seed);
    double sum = 0;
    for (int i = 0; i < N; i++) {
      x[i] = (float) (1 + random.nextGaussian());
      sum += x[i];
    }
    posteriorMean = sum / PRECISION;
  }

  /** {@code sum_k [log N(z_k | 0, 1) + sum_i log N(x_i | z_k, 1)]} up to a constant. */
  LogJoint logJoint(Ops tf) {
    return state -> {
      Operand<TFloat32> z = state.get(0);
      Operand<TFloat32> diff = tf.math.sub(tf.expandDims(z, tf.constant(1)), tf.constant(x));
      Operand<TFloat32> lik = tf.reduceSum(tf.math.square(diff), tf.constant(new int[] {0, 1}));
      Operand<TFloat32> prior = tf.reduceSum(tf.math.square(z), tf.constant(0));
      return tf.math.mul(tf.constant(-0.5f), tf.math.add(lik, prior));
    };
  }

  /** A store of T draws of K chains, all started at 0. */
  static SampleStore store(VariableScope scope, int t, int k) {
    Variable<TFloat32> params = scope.getVariable("params", Shape.of(t, k), Initializers.zeros());
    return SampleStore.create(scope, List.of(params));
  }

  /** Runs {@code store.capacity()} updates, one {@code Session.run} each; returns the draws [T][K]. */
  static float[][] run(ModelContext ctx, SampleStore store, SampleStore.Recorded recorded) {
    for (long i = 0; i < store.capacity(); i++) {
      try (Result r = ctx.run(ctx.session().runner().addTarget(recorded.update()))) {
        // The update's effects are in the variables.
      }
    }
    float[] flat = ctx.eval(store.params().get(0)).data();
    int k = (int) store.params().get(0).shape().size(1);
    float[][] rows = new float[(int) store.capacity()][k];
    for (int t = 0; t < rows.length; t++) {
      System.arraycopy(flat, t * k, rows[t], 0, k);
    }
    return rows;
  }

  static double mean(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double variance(float[] v) {
    double m = mean(v);
    double s = 0;
    for (float x : v) {
      s += (x - m) * (x - m);
    }
    return s / (v.length - 1);
  }
}
