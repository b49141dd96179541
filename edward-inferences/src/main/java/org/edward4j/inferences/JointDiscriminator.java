package org.edward4j.inferences;

import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The joint discriminator of ALI/BiGAN: Edward's {@code discriminator(x, z)}, telling pairs
 * {@code (x, encoder(x))} from {@code (generator(z), z)}.
 *
 * <p>Called twice under {@code Disc}, the second time with reuse; returns one logit per pair.
 *
 * <pre>{@code
 * JointDiscriminator d = (scope, x, z) ->
 *     Layers.dense(scope, scope.tf().concat(List.of(x, z), scope.tf().constant(1)), 1);
 * }</pre>
 */
@FunctionalInterface
public interface JointDiscriminator {

  /**
   * Builds the discriminator's output for a batch of pairs.
   *
   * @param scope the {@code Disc} scope entry to build layers in
   * @param x a batch of data or generated samples
   * @param z the matching batch of latent codes
   * @return logits of shape {@code [batch]} or {@code [batch, 1]}
   */
  Operand<TFloat32> apply(VariableScope scope, Operand<TFloat32> x, Operand<TFloat32> z);
}
