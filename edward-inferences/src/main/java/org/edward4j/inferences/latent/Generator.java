package org.edward4j.inferences.latent;

import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A trained GAN's generator, {@code z -> x}: TF-GAN's {@code generator_fn}, given the variable
 * scope to build its layers in. The {@link LatentGanEstimator} calls it once, under the scope the
 * generator was trained in ({@code Gen} by default), so its layers find the checkpoint's weights by
 * name.
 *
 * <pre>{@code
 * Generator g = (scope, z) -> generativeNetwork(scope, z);                 // Edward's GAN
 * Generator bigan = (scope, z) -> generator(scope.child("generator"), z);   // a BiGAN's
 * }</pre>
 */
@FunctionalInterface
public interface Generator {

  /**
   * Builds the generator's output for a batch of codes.
   *
   * @param scope the generator's scope entry
   * @param z codes of shape {@code [batch, zShape...]}
   * @return samples of shape {@code [batch, ...]}
   */
  Operand<TFloat32> apply(VariableScope scope, Operand<TFloat32> z);
}
