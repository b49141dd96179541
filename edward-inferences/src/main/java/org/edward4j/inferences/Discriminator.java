package org.edward4j.inferences;

import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A discriminator (or critic) network: Edward's {@code discriminator(x)} function, given the
 * variable scope to build its layers in.
 *
 * <p>It is called once under {@code Disc} and again under {@code Disc} with reuse, so layers built
 * through the given scope share their weights between calls. It returns logits (real values, not
 * probabilities), one per example: shape {@code [batch]} or {@code [batch, 1]}.
 *
 * <pre>{@code
 * Discriminator d = (scope, x) -> {
 *   Operand<TFloat32> h = Layers.dense(scope, x, 128, DenseOptions.builder().activation(Activation.relu()).build());
 *   return Layers.dense(scope, h, 1);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Discriminator {

  /**
   * Builds the discriminator's output for a batch.
   *
   * @param scope the {@code Disc} scope entry to build layers in
   * @param x a batch of data or generated samples
   * @return logits of shape {@code [batch]} or {@code [batch, 1]}
   */
  Operand<TFloat32> apply(VariableScope scope, Operand<TFloat32> x);
}
