package org.edward4j.core.layers;

import org.edward4j.core.GraphCollections;
import org.edward4j.core.Initializers;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** {@link Layers#batchNormalization}: normalization over every axis but the last. */
final class BatchNormalization {

  private BatchNormalization() {}

  /** Batch statistics and the normalized output. */
  private record Normalized(Operand<TFloat32> y, Operand<TFloat32> mean, Operand<TFloat32> variance) {}

  /**
   * @param constant the training flag when {@code flag} is {@code null}
   * @param flag a boolean scalar deciding at run time, or {@code null}
   */
  static Operand<TFloat32> apply(
      VariableScope scope, Operand<TFloat32> x, boolean constant, Operand<TBool> flag, BatchNormOptions o) {
    Shape shape = x.shape();
    if (shape.isUnknown() || shape.numDimensions() < 2 || shape.get(-1) == Shape.UNKNOWN_SIZE) {
      throw new IllegalArgumentException(
          "`x` must have rank 2 or more and a known last (channel) dimension for batch normalization, got " + shape);
    }
    if (flag != null && flag.shape().numDimensions() > 0) {
      throw new IllegalArgumentException("`training` must be a boolean scalar, got shape " + flag.shape());
    }
    boolean fused = o.fused() != null ? o.fused() : shape.numDimensions() == 4;
    if (fused && shape.numDimensions() != 4) {
      throw new IllegalArgumentException(
          "`x` must have rank 4 for fused batch normalization, got shape " + shape + "; use fused(false)");
    }
    long c = shape.get(-1);
    LayerVariables layer = LayerVariables.enter(scope, o.name(), "batch_normalization", shape);
    Shape channels = Shape.of(c);
    Variable<TFloat32> gamma = o.scale() ? layer.get("gamma", channels, Initializers.ones(), null, true) : null;
    Variable<TFloat32> beta = o.center() ? layer.get("beta", channels, Initializers.zeros(), null, true) : null;
    Variable<TFloat32> movingMean = layer.get("moving_mean", channels, Initializers.zeros(), null, false);
    Variable<TFloat32> movingVariance = layer.get("moving_variance", channels, Initializers.ones(), null, false);
    Ops tf = layer.tf();
    Operand<TFloat32> scale = gamma != null ? gamma : tf.onesLike(movingMean.value());
    Operand<TFloat32> offset = beta != null ? beta : tf.zerosLike(movingMean.value());
    float eps = (float) o.epsilon();
    if (flag == null && !constant) {
      return inference(tf, x, scale, offset, movingMean, movingVariance, eps, fused);
    }
    Normalized batch = fused ? fusedTraining(tf, x, scale, offset, eps) : unfusedTraining(tf, x, scale, offset, eps);
    Operand<TFloat32> decay = tf.constant((float) (1 - o.momentum()));
    Operand<TFloat32> y = batch.y();
    if (flag != null) {
      y = tf.select(flag, y, inference(tf, x, scale, offset, movingMean, movingVariance, eps, fused));
      // TF1 uses momentum 1 outside training: the update ops then leave the averages unchanged.
      decay = tf.select(flag, decay, tf.constant(0f));
    }
    GraphCollections collections = scope.context().collections();
    collections.add(GraphCollections.Key.UPDATE_OPS, movingMean.name(), update(tf, movingMean, batch.mean(), decay));
    collections.add(
        GraphCollections.Key.UPDATE_OPS, movingVariance.name(), update(tf, movingVariance, batch.variance(), decay));
    return y;
  }

  /** {@code moving -= (moving - batch) * decay}, as TF1's {@code assign_moving_average}. */
  private static Op update(Ops tf, Variable<TFloat32> moving, Operand<TFloat32> batch, Operand<TFloat32> decay) {
    return tf.assignSubVariableOp(moving.handle(), tf.math.mul(tf.math.sub(moving.value(), batch), decay));
  }

  private static Operand<TFloat32> inference(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> scale, Operand<TFloat32> offset, Variable<TFloat32> mean,
      Variable<TFloat32> variance, float eps, boolean fused) {
    if (fused) {
      return tf.nn.fusedBatchNorm(x, scale, offset, mean, variance, FusedBatchNorm.epsilon(eps),
          FusedBatchNorm.isTraining(false)).y();
    }
    return normalize(tf, x, mean, variance, scale, offset, eps);
  }

  /** The fused kernel; its batch variance is Bessel-corrected, which TF1 feeds the moving average. */
  private static Normalized fusedTraining(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> scale, Operand<TFloat32> offset, float eps) {
    Operand<TFloat32> empty = tf.constant(new float[0]);
    FusedBatchNorm<TFloat32, TFloat32> bn =
        tf.nn.fusedBatchNorm(x, scale, offset, empty, empty, FusedBatchNorm.epsilon(eps),
            FusedBatchNorm.isTraining(true));
    return new Normalized(bn.y(), bn.batchMean(), bn.batchVariance());
  }

  /** Elementary ops, twice differentiable through the registered {@code RsqrtGrad} gradient. */
  private static Normalized unfusedTraining(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> scale, Operand<TFloat32> offset, float eps) {
    int rank = x.shape().numDimensions();
    int[] axes = new int[rank - 1];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    Operand<TInt32> reduce = tf.constant(axes);
    Operand<TFloat32> mean = tf.math.mean(x, reduce);
    Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(x, mean), reduce);
    return new Normalized(normalize(tf, x, mean, variance, scale, offset, eps), mean, variance);
  }

  private static Operand<TFloat32> normalize(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> mean, Operand<TFloat32> variance, Operand<TFloat32> scale,
      Operand<TFloat32> offset, float eps) {
    Operand<TFloat32> inv = tf.math.mul(tf.math.rsqrt(tf.math.add(variance, tf.constant(eps))), scale);
    return tf.math.add(tf.math.mul(tf.math.sub(x, mean), inv), offset);
  }
}
