package org.edward4j.models;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The Dirichlet-multinomial (multivariate Pólya) distribution: counts of {@code totalCount} draws
 * over {@code K} classes whose probabilities are themselves {@code Dirichlet(concentration)},
 * TensorFlow's {@code DirichletMultinomial(total_count, concentration)}.
 *
 * <p>{@code log p(x) = lgamma(n + 1) - sum_k lgamma(x_k + 1) + lgamma(a_0) - lgamma(n + a_0) + sum_k
 * [lgamma(x_k + a_k) - lgamma(a_k)]}; {@code -inf} unless every {@code x_k >= 0} and they sum to
 * {@code n}. Draws take probabilities from stateless gamma draws (as {@link Dirichlet}) and then
 * counts as {@link Multinomial} does. Values are float32 by default; {@code dtype(TInt32.class)}
 * gives integers. Not reparameterized. Mean {@code n a_k / a_0} and variance {@code n (a_k / a_0)(1 -
 * a_k / a_0)(n + a_0) / (1 + a_0)} per class; no closed-form entropy or KL.
 *
 * <pre>{@code
 * DirichletMultinomial<TFloat32> counts = DirichletMultinomial.of(scope, 6, new float[] {1f, 2f, 3f});
 * Operand<TFloat32> mean = counts.mean(); // [1, 2, 3]
 * }</pre>
 *
 * @param <T> the value's element type: float32 (default), int32 or int64
 */
public final class DirichletMultinomial<T extends TNumber> extends AbstractRandomVariable<T> {

  private DirichletMultinomial(Parts<T> parts) {
    super(parts);
  }

  /**
   * A float32-valued Dirichlet-multinomial over graph tensors.
   *
   * @param scope where to build it, named {@code DirichletMultinomial} made unique there
   * @param totalCount the number of draws, whole numbers {@code >= 0}, of the batch shape
   * @param concentration positive, {@code [..., K]}
   * @return the variable
   */
  public static DirichletMultinomial<TFloat32> of(VariableScope scope, Operand<TFloat32> totalCount,
      Operand<TFloat32> concentration) {
    return builder(scope).totalCount(totalCount).concentration(concentration).build();
  }

  /**
   * A float32-valued Dirichlet-multinomial of {@code totalCount} draws over {@code K} classes.
   *
   * @param scope where to build it
   * @param totalCount the number of draws, a whole number {@code >= 0}
   * @param concentration one positive value per class
   * @return the variable
   */
  public static DirichletMultinomial<TFloat32> of(VariableScope scope, double totalCount, float[] concentration) {
    return builder(scope).totalCount(totalCount).concentration(concentration).build();
  }

  /**
   * A builder for value dtype, name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new float32-valued builder; {@link Builder#dtype} changes the value type
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder<TFloat32> builder(VariableScope scope) {
    return new Builder<>(scope, TFloat32.class);
  }

  /**
   * The number of draws {@code n}.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> totalCount() {
    return param("totalCount");
  }

  /**
   * The concentration {@code a}.
   *
   * @return the float32 tensor the variable was built with, {@code [..., K]}
   */
  public Operand<TFloat32> concentration() {
    return param("concentration");
  }

  /** Always false: counts are not differentiable in the parameters. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TInt32> full = drawShape(tf, sampleShape);
    Operand<TFloat32> g = StandardDraws.gamma(tf, full, concentration(), nextSeedTensor(tf));
    Operand<TFloat32> p = tf.math.div(g, tf.reduceSum(g, tf.constant(-1), ReduceSum.keepDims(true)));
    Operand<TFloat32> counts = Multinomial.drawCounts(tf, EventShapes.dropLast(tf, full, 1), totalCount(),
        tf.stopGradient(p), (int) eventShape().size(0), () -> nextSeedTensor(tf));
    return tf.dtypes.cast(counts, dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> n = totalCount();
    Operand<TFloat32> a = concentration();
    Operand<TFloat32> one = scalar(tf, 1);
    Operand<TFloat32> safeX = tf.math.maximum(x, tf.zerosLike(x));
    Operand<TInt32> last = tf.constant(-1);
    Operand<TFloat32> a0 = tf.reduceSum(a, last);
    Operand<TFloat32> coefficient = tf.math.sub(tf.math.lgamma(tf.math.add(n, one)),
        tf.reduceSum(tf.math.lgamma(tf.math.add(safeX, one)), last));
    Operand<TFloat32> norm = tf.math.sub(tf.math.lgamma(a0), tf.math.lgamma(tf.math.add(n, a0)));
    Operand<TFloat32> perClass = tf.reduceSum(tf.math.sub(tf.math.lgamma(tf.math.add(safeX, a)), tf.math.lgamma(a)), last);
    Operand<TFloat32> lp = tf.math.add(tf.math.add(coefficient, norm), perClass);
    return SpecialFunctions.orMinusInfinity(tf, Multinomial.countsSumTo(tf, x, n), lp);
  }

  /** {@code n a_k / a_0}. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    Operand<TFloat32> n = tf.expandDims(totalCount(), tf.constant(-1));
    return broadcastToBatchEvent(tf, tf.math.mul(n, probs(tf)));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code n p_k (1 - p_k) (n + a_0) / (1 + a_0)} with {@code p = a / a_0}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> a = concentration();
    Operand<TFloat32> a0 = tf.reduceSum(a, tf.constant(-1), ReduceSum.keepDims(true));
    Operand<TFloat32> p = tf.math.div(a, a0);
    Operand<TFloat32> n = tf.expandDims(totalCount(), tf.constant(-1));
    Operand<TFloat32> base = tf.math.mul(n, tf.math.mul(p, tf.math.sub(scalar(tf, 1), p)));
    Operand<TFloat32> inflation = tf.math.div(tf.math.add(n, a0), tf.math.add(a0, scalar(tf, 1)));
    return broadcastToBatchEvent(tf, tf.math.mul(base, inflation));
  }

  /** {@code totalCount}'s shape broadcast with the concentration's batch, then {@code [K]}. */
  @Override
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    Operand<TInt32> batch = tf.broadcastDynamicShape(tf.shape(totalCount()), EventShapes.dropLast(tf, tf.shape(concentration()), 1));
    return tf.concat(List.of(batch, tf.constant(new int[] {(int) eventShape().size(0)})), tf.constant(0));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, dtype());
  }

  private Operand<TFloat32> probs(Ops tf) {
    Operand<TFloat32> a = concentration();
    return tf.math.div(a, tf.reduceSum(a, tf.constant(-1), ReduceSum.keepDims(true)));
  }

  /**
   * Builds a {@link DirichletMultinomial}: {@code totalCount} and {@code concentration} are
   * required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber>
      extends RandomVariableBuilder<T, DirichletMultinomial<T>, Builder<T>> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("totalCount", Constraint.REAL, "concentration", Constraint.POSITIVE);

    private Builder(VariableScope scope, Class<T> dtype) {
      super(scope, "DirichletMultinomial", checkDiscreteDtype(dtype));
    }

    /**
     * The number of draws, a float32 tensor of whole numbers {@code >= 0}.
     *
     * @param totalCount a float32 tensor of this context's graph (values checked at build time
     *     only for a small {@code Const})
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder<T> totalCount(Operand<TFloat32> totalCount) {
      return parameter("totalCount", totalCount);
    }

    /**
     * The number of draws, a whole number {@code >= 0}.
     *
     * @param totalCount the number of draws
     * @return this builder
     * @throws IllegalArgumentException if it is negative, not whole or not finite
     */
    public Builder<T> totalCount(double totalCount) {
      Multinomial.checkCounts("totalCount", new float[] {(float) totalCount});
      return parameter("totalCount", totalCount);
    }

    /**
     * The concentration, a float32 tensor of positive values whose last axis is the event.
     *
     * @param concentration a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder<T> concentration(Operand<TFloat32> concentration) {
      return parameter("concentration", concentration);
    }

    /**
     * The concentration, positive finite values.
     *
     * @param concentration one per class; not null
     * @return this builder
     * @throws IllegalArgumentException if a value is not positive and finite
     */
    public Builder<T> concentration(float[] concentration) {
      return parameter("concentration", concentration, concentration == null ? 0 : concentration.length);
    }

    /**
     * The value's element type; set it before {@link #value}.
     *
     * @param dtype {@code TFloat32.class} (default), {@code TInt32.class} or {@code TInt64.class}
     * @param <U> the new element type
     * @return a builder of that type with everything set so far
     */
    public <U extends TNumber> Builder<U> dtype(Class<U> dtype) {
      return copyInto(new Builder<>(scope(), dtype));
    }

    /** Both parameters; known counts must be whole and {@code >= 0}. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      super.checkParameterSet(given);
      Multinomial.checkCounts("totalCount", knownValues("totalCount"));
    }

    /** The concentration's last axis is the event; {@code totalCount} is batch-only. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      return EventShapes.lastAxisEvent(shapes, "concentration");
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected DirichletMultinomial<T> create(Parts<T> parts) {
      return new DirichletMultinomial<>(parts);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
