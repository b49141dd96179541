package org.edward4j.core;

import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * A random variable in Edward's sense: a distribution whose parameters are graph tensors, plus a
 * sampled value tensor. The variable <em>is</em> its sample: used as an {@link Operand} it stands
 * for {@link #value()}, so a model is written by composing variables with ordinary ops.
 *
 * <p>This contract lives in {@code edward-core} so that inferences depend on core alone; the
 * distributions implement it in {@code edward-models}. Densities and moments are float32.
 *
 * @param <T> the value's element type (float32 for continuous variables; int32 or float32 for
 *     discrete ones)
 */
public interface RandomVariable<T extends TNumber> extends Operand<T>, ContextOwned {

  /**
   * The variable's name, unique in its graph, e.g. {@code Gen/Normal_1}.
   *
   * @return the name scope its ops were built under
   */
  String name();

  /**
   * The distribution's name, e.g. {@code "Normal"}.
   *
   * @return Edward's class name for the distribution
   */
  String distributionName();

  /**
   * The sampled value tensor, of shape {@code shapes().valueShape()}.
   *
   * @return the sample this variable stands for; the same tensor on every call
   */
  Operand<T> value();

  /**
   * Sample, batch and event shapes.
   *
   * @return the static shapes, fixed when the variable was built
   */
  RandomVariableShape shapes();

  /**
   * The shape of independent draws stacked in the value.
   *
   * @return {@code shapes().sample()}; {@code []} for a single draw
   */
  default Shape sampleShape() {
    return shapes().sample();
  }

  /**
   * The shape of independent, not identically distributed variables.
   *
   * @return {@code shapes().batch()}, the parameters' broadcast shape less the event dimensions
   */
  default Shape batchShape() {
    return shapes().batch();
  }

  /**
   * The shape of one draw of one variable.
   *
   * @return {@code shapes().event()}; {@code []} for scalar distributions
   */
  default Shape eventShape() {
    return shapes().event();
  }

  /**
   * The distribution's parameters by Edward's names ({@code loc}, {@code scale}, ...).
   *
   * @return an unmodifiable map of the float32 parameter tensors, the keys {@link
   *     #withParameters} accepts
   */
  Map<String, Operand<TFloat32>> parameters();

  /**
   * New independent draws, built as new ops.
   *
   * @param sampleShape the leading dimensions of the draws
   * @return a tensor of shape {@code sampleShape + batch + event}
   */
  Operand<T> sample(long... sampleShape);

  /**
   * The log density (or log mass) of {@code x}, summed over event dimensions.
   *
   * @param x values whose trailing dimensions match {@code batch + event} (broadcast against the
   *     batch shape); any numeric type
   * @return a tensor of shape {@code x.shape} minus the event dimensions
   * @throws IllegalArgumentException if the trailing dimensions cannot match
   */
  Operand<TFloat32> logProb(Operand<? extends TNumber> x);

  /**
   * {@code exp(logProb(x))}.
   *
   * @param x values as in {@link #logProb}
   * @return the density or mass
   */
  Operand<TFloat32> prob(Operand<? extends TNumber> x);

  /**
   * The cumulative distribution function {@code P(X <= x)}, for scalar-event families.
   *
   * @param x values as in {@link #logProb}
   * @return a float32 tensor of the broadcast shape
   * @throws UnsupportedOperationException where the family has no closed-form cdf
   */
  Operand<TFloat32> cdf(Operand<? extends TNumber> x);

  /**
   * The mode (the most probable value), of shape {@code batch + event}.
   *
   * @return a float32 tensor built as new ops
   * @throws UnsupportedOperationException where the mode is undefined or has no closed form
   */
  Operand<TFloat32> mode();

  /**
   * The mean, of shape {@code batch + event}.
   *
   * @return a float32 tensor built as new ops
   * @throws UnsupportedOperationException where the mean is undefined or has no closed form
   */
  Operand<TFloat32> mean();

  /**
   * The standard deviation, of shape {@code batch + event}.
   *
   * @return a float32 tensor built as new ops
   * @throws UnsupportedOperationException where it is undefined or has no closed form
   */
  Operand<TFloat32> stddev();

  /**
   * The variance, of shape {@code batch + event}.
   *
   * @return a float32 tensor built as new ops
   * @throws UnsupportedOperationException where it is undefined or has no closed form
   */
  Operand<TFloat32> variance();

  /**
   * The entropy, of shape {@code batch}.
   *
   * @return a float32 tensor built as new ops, in nats
   * @throws UnsupportedOperationException where there is no closed form
   */
  Operand<TFloat32> entropy();

  /**
   * Whether {@link #value()} is a differentiable function of the parameters (the
   * reparameterization trick), so gradients flow through samples.
   *
   * @return {@code true} for reparameterized samplers (Normal, ...), {@code false} for discrete
   *     and other variables whose score-function gradients an inference must use
   */
  boolean isReparameterized();

  /**
   * The closed-form {@code KL(this || other)}, when one is known for this pair of distributions.
   *
   * @param other the second distribution
   * @return a tensor of shape {@code batch}, or empty when no closed form is registered
   */
  default Optional<Operand<TFloat32>> klDivergence(RandomVariable<?> other) {
    return Optional.empty();
  }

  /**
   * The same distribution family and sample shape over other parameter tensors, with a new value
   * drawn from it. Graph copies ({@code copy}) rebuild variables with this.
   *
   * @param parameters a tensor for each name in {@link #parameters()}
   * @return the new variable
   * @throws IllegalArgumentException for missing or unknown parameter names
   */
  RandomVariable<T> withParameters(Map<String, Operand<TFloat32>> parameters);
}
