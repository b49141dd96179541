package org.edward4j.models;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * What {@link Mixture} and {@link ParamMixture} share once their components are stacked on a
 * component axis {@code K}: choosing one component per draw, the assignment-conditional and the
 * marginal log density, and the mixture's mean and variance.
 */
final class MixtureAlgebra {

  private MixtureAlgebra() {}

  /**
   * The draw of the component named by {@code assignment}: {@code stacked} has shape {@code lead +
   * [K] + batch + event}, {@code assignment} {@code lead + batch}; the result {@code lead + batch +
   * event}.
   */
  static <T extends TNumber> Operand<T> select(Ops tf, Operand<T> stacked, Operand<? extends TNumber> assignment, int k,
      int batchRank, int eventRank, Class<T> dtype) {
    Operand<TFloat32> oneHot = oneHot(tf, assignment, k, batchRank);
    for (int i = 0; i < eventRank; i++) {
      oneHot = tf.expandDims(oneHot, tf.constant(-1));
    }
    Operand<TFloat32> values = tf.dtypes.cast(stacked, TFloat32.class);
    Operand<TFloat32> zeros = tf.zeros(tf.broadcastDynamicShape(tf.shape(values), tf.shape(oneHot)), TFloat32.class);
    Operand<TBool> chosen = tf.math.greater(tf.math.add(oneHot, zeros), zeros);
    Operand<TFloat32> picked = tf.select(chosen, tf.math.add(values, zeros), zeros);
    Operand<TFloat32> summed = tf.reduceSum(picked, tf.constant(-1 - batchRank - eventRank));
    return tf.dtypes.cast(summed, dtype);
  }

  /**
   * {@code log p_{z}(x)}: per-component log densities {@code lead + [K] + batch} summed against the
   * one-hot assignment {@code z} ({@code lead + batch}), never multiplying {@code -inf} by 0.
   */
  static Operand<TFloat32> conditional(Ops tf, Operand<TFloat32> componentLogProbs, Operand<? extends TNumber> assignment,
      int k, int batchRank) {
    Operand<TFloat32> oneHot = oneHot(tf, assignment, k, batchRank);
    Operand<TInt32> shape = tf.broadcastDynamicShape(tf.shape(componentLogProbs), tf.shape(oneHot));
    Operand<TFloat32> zeros = tf.zeros(shape, TFloat32.class);
    Operand<TBool> chosen = tf.math.greater(tf.math.add(oneHot, zeros), zeros);
    Operand<TFloat32> picked = tf.select(chosen, tf.math.add(componentLogProbs, zeros), zeros);
    return tf.reduceSum(picked, tf.constant(-1 - batchRank));
  }

  /** {@code log sum_k w_k p_k(x)}: {@code logWeights} and {@code componentLogProbs} of shape {@code ... + [K] + batch}. */
  static Operand<TFloat32> marginal(Ops tf, Operand<TFloat32> componentLogProbs, Operand<TFloat32> logWeightsKFirst,
      int batchRank) {
    Operand<TFloat32> joint = tf.math.add(componentLogProbs, logWeightsKFirst);
    Operand<TInt32> axis = tf.constant(-1 - batchRank);
    Operand<TFloat32> max = tf.stopGradient(tf.reduceMax(joint, axis, ReduceMax.keepDims(true)));
    Operand<TFloat32> safeMax = tf.select(tf.math.isFinite(max), max, tf.zerosLike(max));
    Operand<TFloat32> sum = tf.reduceSum(tf.math.exp(tf.math.sub(joint, safeMax)), axis, ReduceSum.keepDims(true));
    return tf.squeeze(tf.math.add(tf.math.log(sum), safeMax),
        org.tensorflow.op.core.Squeeze.axis(List.of((long) (-1 - batchRank))));
  }

  /** {@code weights [batch..., K]} with {@code K} moved to the front: {@code [K, batch...]}. */
  static Operand<TFloat32> kFirst(Ops tf, Operand<TFloat32> weights, int batchRank) {
    if (batchRank == 0) {
      return weights;
    }
    int[] perm = new int[batchRank + 1];
    perm[0] = batchRank;
    for (int i = 0; i < batchRank; i++) {
      perm[i + 1] = i;
    }
    return tf.linalg.transpose(weights, tf.constant(perm));
  }

  /** {@code sum_k w_k m_k} and {@code sum_k w_k (v_k + m_k^2) - mean^2}, over the leading {@code K} axis. */
  static List<Operand<TFloat32>> meanAndVariance(Ops tf, Operand<TFloat32> weightsKFirst, Operand<TFloat32> means,
      Operand<TFloat32> variances, int eventRank) {
    Operand<TFloat32> w = weightsKFirst;
    for (int i = 0; i < eventRank; i++) {
      w = tf.expandDims(w, tf.constant(-1));
    }
    Operand<TInt32> first = tf.constant(0);
    Operand<TFloat32> mean = tf.reduceSum(tf.math.mul(w, means), first);
    Operand<TFloat32> second = tf.reduceSum(tf.math.mul(w, tf.math.add(variances, tf.math.square(means))), first);
    List<Operand<TFloat32>> out = new ArrayList<>();
    out.add(mean);
    out.add(tf.math.maximum(tf.math.sub(second, tf.math.square(mean)), tf.zerosLike(mean)));
    return out;
  }

  private static Operand<TFloat32> oneHot(Ops tf, Operand<? extends TNumber> assignment, int k, int batchRank) {
    Operand<TInt32> idx = tf.dtypes.cast(assignment, TInt32.class);
    Operand<TFloat32> oneHot = tf.oneHot(idx, tf.constant(k), tf.constant(1f), tf.constant(0f));
    // One-hot puts K last: lead + batch + [K]; move it in front of the batch axes.
    if (batchRank == 0) {
      return oneHot;
    }
    Operand<TInt32> rank = tf.rank(oneHot);
    Operand<TInt32> lead = tf.range(tf.constant(0), tf.math.sub(rank, tf.constant(batchRank + 1)), tf.constant(1));
    Operand<TInt32> batch = tf.range(tf.math.sub(rank, tf.constant(batchRank + 1)), tf.math.sub(rank, tf.constant(1)),
        tf.constant(1));
    Operand<TInt32> last = tf.reshape(tf.math.sub(rank, tf.constant(1)), tf.constant(new int[] {1}));
    return tf.linalg.transpose(oneHot, tf.concat(List.of(lead, last, batch), tf.constant(0)));
  }
}
