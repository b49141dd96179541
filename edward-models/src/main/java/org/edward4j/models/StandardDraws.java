package org.edward4j.models;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.StatelessRandomGetKeyCounterAlg;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Standard draws that the reparameterized families transform: {@code N(0, 1)}, {@code U[0, 1)}
 * and {@code Gamma(alpha, 1)}, from TensorFlow's stateless random ops keyed by the seed tensor of
 * {@code ModelContext.statelessSeed} (the op's seeds and the context's random step), so draws are
 * reproducible and a run restored from a checkpoint continues the same stream.
 */
final class StandardDraws {

  private StandardDraws() {}

  /** Standard normal draws of the given shape. */
  static Operand<TFloat32> normal(Ops tf, Operand<TInt32> shape, Operand<TInt64> seed) {
    return tf.random.statelessRandomNormal(shape, seed);
  }

  /** Uniform draws on {@code [0, 1)} of the given shape. */
  static Operand<TFloat32> uniform(Ops tf, Operand<TInt32> shape, Operand<TInt64> seed) {
    return tf.random.statelessRandomUniform(shape, seed);
  }

  /**
   * Draws of {@code Gamma(alpha, 1)} of shape {@code shape}, whose trailing dimensions are {@code
   * alpha}'s (broadcast {@code alpha} to the batch shape first). Differentiable in {@code alpha}
   * through the implicit gradient this module registers.
   */
  static Operand<TFloat32> gamma(Ops tf, Operand<TInt32> shape, Operand<TFloat32> alpha, Operand<TInt64> seed) {
    RandomGammaGradient.register();
    StatelessRandomGetKeyCounterAlg kca = tf.random.statelessRandomGetKeyCounterAlg(seed);
    return tf.random.statelessRandomGamma(shape, kca.key(), kca.counter(), kca.alg(), alpha);
  }
}
