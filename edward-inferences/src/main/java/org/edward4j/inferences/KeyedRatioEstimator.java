package org.edward4j.inferences;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A ratio estimator with one output per key, Edward's {@code discriminator} returning a dictionary
 * when {@code scale} has several entries: {@link ImplicitKLqp} then trains each output with the
 * ratio loss (the losses summed over the keys) and weighs each one's sum by {@code scale[key]} in
 * the variational objective, {@code sum_key scale[key] sum_n r_key(x_n, z_n, beta)}. Use it when
 * the log ratio splits into terms of different multiplicity, e.g. a local term per data point
 * (weighted {@code N / M} under subsampling) and another per group.
 *
 * <pre>{@code
 * KeyedRatioEstimator ratio = (scope, data, locals, globals) -> {
 *   Variable<TFloat32> w = scope.getVariable("w", Shape.scalar(), Initializers.zeros());
 *   return Map.of(z, scope.tf().math.add(z.logProb((Operand<TFloat32>) locals.get(z)), w));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface KeyedRatioEstimator {

  /**
   * Builds the estimated log ratio, one term per key.
   *
   * @param scope the {@code Disc} scope entry to build variables and layers in
   * @param data observed variable to its sample (of p, or the data)
   * @param localVars local latent variable to its sample (of p, or of q)
   * @param globalVars global latent variable to its sample of q
   * @return key (a random variable of the model, as in {@code scale}) to its log-ratio term
   */
  Map<Operand<?>, Operand<TFloat32>> apply(
      VariableScope scope,
      Map<Operand<?>, Operand<?>> data,
      Map<Operand<?>, Operand<?>> localVars,
      Map<Operand<?>, Operand<?>> globalVars);
}
