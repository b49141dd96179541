package org.edward4j.inferences.latent;

import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A trained BiGAN's encoder, {@code x -> z}, used to start the latent search at {@code E(x)}
 * instead of at a random code. Called once under the generator's scope, like the {@link
 * Generator}, so it finds its trained weights by name.
 *
 * <pre>{@code
 * Encoder e = (scope, x) -> encoder(scope.child("encoder"), x);
 * }</pre>
 */
@FunctionalInterface
public interface Encoder {

  /**
   * Builds codes for a batch of samples.
   *
   * @param scope the generator's scope entry
   * @param x samples of the generator's output shape
   * @return codes of shape {@code [batch, zShape...]}
   */
  Operand<TFloat32> apply(VariableScope scope, Operand<TFloat32> x);
}
