package org.edward4j.models;

import java.util.Map;
import java.util.function.Function;
import org.edward4j.core.VariableScope;
import org.edward4j.models.AbstractRandomVariable.Parts;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The builder part of the location-scale families ({@link Normal}, {@link Laplace}, {@link Cauchy},
 * {@link HalfCauchy}, {@link Gumbel}, {@link Logistic}, {@link LogNormal}, {@link StudentT}): the
 * {@code loc} and {@code scale} setters, each as a graph tensor or a number, checked at once. What
 * the two mean in a family (a mean, a median, the lower end of the support, the log-space mean) its
 * class documentation says.
 *
 * @param <R> the random variable built
 * @param <B> the concrete builder, returned by every setter for chaining
 */
abstract class LocationScaleBuilder<R extends AbstractRandomVariable<TFloat32>, B extends LocationScaleBuilder<R, B>>
    extends RandomVariableBuilder<TFloat32, R, B> {

  /**
   * @param scope where the variable is built
   * @param distributionName the default name
   * @param constraints the family's parameters, {@code loc} and {@code scale} among them
   * @param factory the family's constructor
   */
  LocationScaleBuilder(VariableScope scope, String distributionName, Map<String, Constraint> constraints,
      Function<Parts<TFloat32>, R> factory) {
    super(scope, distributionName, TFloat32.class, constraints, factory);
  }

  /**
   * The location {@code loc} as a float32 tensor.
   *
   * @param loc finite: a float32 tensor of this context's graph, of known rank (values checked at
   *     once only for a {@code Const} of up to 2^16 elements)
   * @return this builder
   * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
   *     is not finite
   */
  public final B loc(Operand<TFloat32> loc) {
    return parameter("loc", loc);
  }

  /**
   * The location {@code loc} as a number.
   *
   * @param loc finite
   * @return this builder
   * @throws IllegalArgumentException if it is not finite
   */
  public final B loc(double loc) {
    return parameter("loc", loc);
  }

  /**
   * The scale {@code scale} as a float32 tensor.
   *
   * @param scale positive and finite: a float32 tensor of this context's graph, of known rank
   *     (values checked at once only for a {@code Const} of up to 2^16 elements)
   * @return this builder
   * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
   *     is not positive and finite
   */
  public final B scale(Operand<TFloat32> scale) {
    return parameter("scale", scale);
  }

  /**
   * The scale {@code scale} as a number.
   *
   * @param scale positive and finite
   * @return this builder
   * @throws IllegalArgumentException if it is not positive and finite
   */
  public final B scale(double scale) {
    return parameter("scale", scale);
  }
}
