package org.edward4j.models;

import org.edward4j.core.ModelContext.OpSeed;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomGamma;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Standard draws from TensorFlow's stateful random ops, each given its op seed, that the
 * reparameterized families transform: {@code N(0, 1)}, {@code U[0, 1)} and {@code Gamma(alpha,
 * 1)}.
 */
final class StandardDraws {

  private StandardDraws() {}

  /** Standard normal draws of the given shape. */
  static Operand<TFloat32> normal(Ops tf, Operand<TInt32> shape, OpSeed seed) {
    return tf.random.randomStandardNormal(
        shape, TFloat32.class, RandomStandardNormal.seed(seed.seed()), RandomStandardNormal.seed2(seed.seed2()));
  }

  /** Uniform draws on {@code [0, 1)} of the given shape. */
  static Operand<TFloat32> uniform(Ops tf, Operand<TInt32> shape, OpSeed seed) {
    return tf.random.randomUniform(
        shape, TFloat32.class, RandomUniform.seed(seed.seed()), RandomUniform.seed2(seed.seed2()));
  }

  /**
   * {@code sampleShape + alpha.shape} draws of {@code Gamma(alpha, 1)} (the op appends {@code
   * alpha}'s shape to the sample shape, so broadcast {@code alpha} to the batch shape first).
   * Differentiable in {@code alpha} through the implicit gradient this module registers.
   */
  static Operand<TFloat32> gamma(Ops tf, Shape sampleShape, Operand<TFloat32> alpha, OpSeed seed) {
    RandomGammaGradient.register();
    return tf.random.randomGamma(BroadcastShapes.constant(tf, sampleShape), alpha,
        RandomGamma.seed(seed.seed()), RandomGamma.seed2(seed.seed2()));
  }
}
