package org.edward4j.models;

import java.util.Map;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A point mass (Dirac delta) at {@code params}: every draw equals {@code params}. Edward uses it as
 * the variational family of MAP estimation.
 *
 * <p>{@code log p(x) = 0} where {@code x == params} in every event coordinate, {@code -inf}
 * elsewhere (TensorFlow Probability's {@code Deterministic}). As in Edward, the batch shape is
 * {@code []} and the event shape is {@code params}'s shape. Reparameterized: a draw is {@code
 * params} broadcast to the sample shape, so gradients reach {@code params}. The mean is {@code
 * params}, the standard deviation and variance 0; there is no entropy (a point mass has no
 * density).
 *
 * <pre>{@code
 * PointMass qw = PointMass.of(scope, new float[] {0f, 0f, 0f});
 * Operand<TFloat32> estimate = qw.mean();
 * }</pre>
 */
public final class PointMass extends AbstractRandomVariable<TFloat32> {

  private PointMass(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A point mass at a graph tensor, e.g. a trainable variable.
   *
   * @param scope where to build it, named {@code PointMass} made unique there
   * @param params the location of all the mass; its shape is the event shape
   * @return the variable
   */
  public static PointMass of(VariableScope scope, Operand<TFloat32> params) {
    return builder(scope).params(params).build();
  }

  /**
   * A point mass at a finite scalar.
   *
   * @param scope where to build it, named {@code PointMass} made unique there
   * @param params the location of all the mass, finite
   * @return the variable, with scalar event and {@code params} as its value
   * @throws IllegalArgumentException if {@code params} is not finite
   */
  public static PointMass of(VariableScope scope, double params) {
    return builder(scope).params(params).build();
  }

  /**
   * A point mass at a vector of finite values.
   *
   * @param scope where to build it, named {@code PointMass} made unique there
   * @param params the location of all the mass, finite; not null; its length is the event size
   * @return the variable, with event shape {@code [params.length]}
   * @throws IllegalArgumentException if {@code params} is null or a value is not finite
   */
  public static PointMass of(VariableScope scope, float[] params) {
    return builder(scope).params(params).build();
  }

  /**
   * A builder for name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The location of the mass.
   *
   * @return the float32 tensor the variable was built with (a constant when given as numbers); its
   *     shape is the event shape
   */
  public Operand<TFloat32> params() {
    return param("params");
  }

  /** Always true: a draw is {@code params} itself. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    return tf.math.add(params(), tf.zeros(drawShape(tf, sampleShape), TFloat32.class));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> zeros = tf.zerosLike(tf.math.add(x, params()));
    return sumOverEvent(tf, SpecialFunctions.orMinusInfinity(tf, tf.math.equal(x, params()), zeros));
  }

  /** The params. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return meanOf(tf);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return tf.identity(params());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.zerosLike(params());
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return tf.zerosLike(params());
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** Builds a {@link PointMass}: {@code params} is required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, PointMass, Builder> {

    private static final Map<String, Constraint> PARAMETERS = constraints("params", Constraint.REAL);

    private Builder(VariableScope scope) {
      super(scope, "PointMass", TFloat32.class);
    }

    /**
     * The location of the mass, a float32 tensor.
     *
     * @param params the location, finite; its shape becomes the event shape: a float32 tensor of
     *     this context's graph, of known rank (values checked at once only for a {@code Const} of
     *     up to 2^16 elements)
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder params(Operand<TFloat32> params) {
      return parameter("params", params);
    }

    /**
     * The location of the mass, a finite number.
     *
     * @param params the location, finite (a scalar event)
     * @return this builder
     * @throws IllegalArgumentException if it is not finite
     */
    public Builder params(double params) {
      return parameter("params", params);
    }

    /**
     * The location of the mass, finite values.
     *
     * @param params the location, finite; not null (an event of shape {@code [params.length]})
     * @return this builder
     * @throws IllegalArgumentException if {@code params} is null or a value is not finite
     */
    public Builder params(float[] params) {
      return parameter("params", params, params == null ? 0 : params.length);
    }

    /** The batch shape is {@code []}; the event is {@code params}'s shape. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      return new BatchEvent(Shape.scalar(), shapes.get("params"));
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected PointMass create(Parts<TFloat32> parts) {
      return new PointMass(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
