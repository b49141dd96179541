package org.edward4j.spark.jobs;

import org.edward4j.core.Initializer;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.inferences.latent.LatentGanEstimator;
import org.edward4j.inferences.latent.LatentGanParams;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * A tiny generator {@code G(z) = tanh(z W + b)} from 2 codes to 6 pixels with known weights: saved
 * as a checkpoint by {@link #saveCheckpoint}, and, as an {@link InversionModel}, built with zero
 * weights that only the checkpoint's restore can make right.
 */
record TinyGenerator(int batchSize, double learningRate, int restarts) implements InversionModel {

  static final int CODES = 2;
  static final int PIXELS = 6;
  static final float[] W = {0.9f, -0.6f, 0.3f, 1.1f, -0.8f, 0.5f, 0.4f, 0.7f, -1.0f, 0.2f, 0.6f, -0.9f};
  static final float[] B = {0.1f, -0.2f, 0.05f, 0.0f, 0.15f, -0.1f};

  private static final long serialVersionUID = 1L;

  /** {@code G(z)} computed in Java, in double. */
  static float[] image(float[] z) {
    float[] x = new float[PIXELS];
    for (int j = 0; j < PIXELS; j++) {
      double s = B[j];
      for (int i = 0; i < CODES; i++) {
        s += (double) z[i] * W[i * PIXELS + j];
      }
      x[j] = (float) Math.tanh(s);
    }
    return x;
  }

  static Operand<TFloat32> generator(VariableScope scope, Operand<TFloat32> z, Initializer w, Initializer b) {
    Ops tf = scope.tf();
    Variable<TFloat32> wv = scope.getVariable("w", Shape.of(CODES, PIXELS), w);
    Variable<TFloat32> bv = scope.getVariable("b", Shape.of(PIXELS), b);
    return tf.math.tanh(tf.math.add(tf.linalg.matMul(z, wv), bv));
  }

  /** Writes the known weights as a checkpoint of variables {@code Gen/w} and {@code Gen/b}. */
  static void saveCheckpoint(java.nio.file.Path dir) {
    try (ModelContext ctx = ModelContext.withSeed(0)) {
      Operand<TFloat32> x = generator(ctx.scope("Gen"), ctx.tf().zeros(ctx.tf().constant(new int[] {1, CODES}), TFloat32.class),
          constant(W), constant(B));
      ctx.eval(x);
      Checkpoints.save(ctx, dir);
    }
  }

  private static Initializer constant(float[] values) {
    return new Initializer() {
      @Override
      public <T extends TNumber> Operand<T> initialValue(Ops tf, Shape shape, Class<T> dtype, ModelContext.OpSeed seed) {
        return tf.dtypes.cast(tf.reshape(tf.constant(values), tf.constant(shape.asArray())), dtype);
      }
    };
  }

  @Override
  public LatentGanEstimator.Builder configure(LatentGanEstimator.Builder builder) {
    return builder
        .generator((scope, z) -> generator(scope, z, Initializers.zeros(), Initializers.zeros()))
        .params(LatentGanParams.builder().batchSize(batchSize).zShape(CODES).learningRate(learningRate).restarts(restarts).build());
  }
}
