package org.edward4j.inferences;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * {@link ImplicitKLqp}'s ratio estimator, Edward's {@code discriminator(data, local_vars,
 * global_vars)}: a function with parameters whose output estimates {@code log p(x_n, z_n | beta) -
 * log q(x_n, z_n | beta)}.
 *
 * <p>It is called twice under {@code Disc}: on samples of the model ({@code x' ~ p(x | z', beta)},
 * {@code z' ~ p(z | beta)}) and on the data with samples of q ({@code z ~ q(z | x, beta)}); build its
 * variables through the given scope so both calls share them. Each map is keyed by the model's
 * random variables (observed, local latent and global latent) and holds the tensors to read.
 *
 * <pre>{@code
 * RatioEstimator ratio = (scope, data, locals, globals) -> {
 *   Variable<TFloat32> w = scope.getVariable("w", Shape.scalar(), Initializers.zeros());
 *   return scope.tf().math.add(z.logProb((Operand<TFloat32>) locals.get(z)), w);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface RatioEstimator {

  /**
   * Builds the estimated log ratio.
   *
   * @param scope the {@code Disc} scope entry to build variables and layers in
   * @param data observed variable to its sample (of p, or the data)
   * @param localVars local latent variable to its sample (of p, or of q)
   * @param globalVars global latent variable to its sample of q
   * @return one log ratio per data point (or a scalar)
   */
  Operand<TFloat32> apply(
      VariableScope scope,
      Map<Operand<?>, Operand<?>> data,
      Map<Operand<?>, Operand<?>> localVars,
      Map<Operand<?>, Operand<?>> globalVars);
}
