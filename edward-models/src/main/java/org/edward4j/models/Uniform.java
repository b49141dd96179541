package org.edward4j.models;

import java.util.Map;
import java.util.Set;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The continuous uniform distribution on {@code [low, high)}.
 *
 * <p>{@code log p(x) = -log(high - low)} for {@code low <= x < high}, {@code -inf} elsewhere.
 * Samples are reparameterized, {@code low + (high - low) * u} with {@code u ~ U[0, 1)}. The batch
 * shape is the broadcast of the parameters' shapes; the event is scalar. When both bounds are
 * Java numbers or small constants of equal size (or one scalar), {@code low < high} is checked at
 * construction; for other tensors {@code high <= low} gives NaN or infinite densities at run time.
 *
 * <pre>{@code
 * Uniform u = Uniform.of(scope, -1.0, 1.0);
 * Operand<TFloat32> width = u.stddev();
 * }</pre>
 */
public final class Uniform extends AbstractRandomVariable<TFloat32> {

  private Uniform(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A uniform variable over graph tensors.
   *
   * @param scope where to build it, named {@code Uniform} made unique there
   * @param low the inclusive lower bound
   * @param high the exclusive upper bound, above {@code low}; broadcasts against it
   * @return the variable
   */
  public static Uniform of(VariableScope scope, Operand<TFloat32> low, Operand<TFloat32> high) {
    return builder(scope).low(low).high(high).build();
  }

  /**
   * A scalar uniform variable.
   *
   * @param scope where to build it
   * @param low the lower bound, finite
   * @param high the upper bound, finite and above {@code low}
   * @return the variable
   */
  public static Uniform of(VariableScope scope, double low, double high) {
    return builder(scope).low(low).high(high).build();
  }

  /**
   * A builder for name, sample shape, observed value or mixed parameters.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The lower bound.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> low() {
    return param("low");
  }

  /**
   * The upper bound.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers), of
   *     its own shape, not broadcast
   */
  public Operand<TFloat32> high() {
    return param("high");
  }

  /** Always true: draws are {@code low + (high - low) * u}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = StandardDraws.uniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return tf.math.add(low(), tf.math.mul(u, range(tf)));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.logicalAnd(tf.math.greaterEqual(x, low()), tf.math.less(x, high()));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.neg(tf.math.log(range(tf))));
  }

  /** {@code (x - low) / (high - low)} clipped to {@code [0, 1]}. The mode is not unique, so there is none. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> u = tf.math.div(tf.math.sub(x, low()), range(tf));
    return tf.math.minimum(tf.math.maximum(u, scalar(tf, 0)), scalar(tf, 1));
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(scalar(tf, 0.5), tf.math.add(low(), high())));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(range(tf), scalar(tf, 1 / Math.sqrt(12))));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.div(tf.math.square(range(tf)), scalar(tf, 12)));
  }

  /** {@code log(high - low)}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.log(range(tf)));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  private Operand<TFloat32> range(Ops tf) {
    return tf.math.sub(high(), low());
  }

  /** Builds a {@link Uniform}: {@code low} and {@code high} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Uniform, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("low", Constraint.REAL, "high", Constraint.REAL);

    private Builder(VariableScope scope) {
      super(scope, "Uniform", TFloat32.class);
    }

    /**
     * The lower bound, a float32 tensor.
     *
     * @param low the inclusive lower bound, finite: a float32 tensor of this context's graph, of
     *     known rank (values checked at once only for a {@code Const} of up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder low(Operand<TFloat32> low) {
      return parameter("low", low);
    }

    /**
     * The lower bound, a finite number.
     *
     * @param low the inclusive lower bound, finite; {@link #build} checks it is below {@code high}
     *     when both are known
     * @return this builder
     * @throws IllegalArgumentException if it is not finite
     */
    public Builder low(double low) {
      return parameter("low", low);
    }

    /**
     * The upper bound, a float32 tensor.
     *
     * @param high the exclusive upper bound, finite and above {@code low}: a float32 tensor of this
     *     context's graph, of known rank (values checked at once only for a {@code Const} of up to
     *     2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder high(Operand<TFloat32> high) {
      return parameter("high", high);
    }

    /**
     * The upper bound, a finite number.
     *
     * @param high the exclusive upper bound, finite; {@link #build} checks it is above {@code low}
     *     when both are known
     * @return this builder
     * @throws IllegalArgumentException if it is not finite
     */
    public Builder high(double high) {
      return parameter("high", high);
    }

    /** Also checks {@code low < high} elementwise when both are known and of the same size or scalar. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      super.checkParameterSet(given);
      float[] low = knownValues("low");
      float[] high = knownValues("high");
      if (low == null || high == null || (low.length != high.length && low.length != 1 && high.length != 1)) {
        return;
      }
      for (int i = 0; i < Math.max(low.length, high.length); i++) {
        float l = low[low.length == 1 ? 0 : i];
        float h = high[high.length == 1 ? 0 : i];
        if (!(l < h)) {
          throw new IllegalArgumentException("`high` must be above `low`, got low " + l + " and high " + h
              + (Math.max(low.length, high.length) > 1 ? " at flat index " + i : ""));
        }
      }
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Uniform create(Parts<TFloat32> parts) {
      return new Uniform(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
