package org.edward4j.models;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.GaussianLinearAlgebra.Gaussian;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The multivariate normal over {@code R^k} with mean {@code loc} and covariance {@code L L^T},
 * given its lower-triangular Cholesky factor {@code scaleTril = L} (TensorFlow's {@code
 * MultivariateNormalTriL}).
 *
 * <p>{@code log p(x) = -|L^-1 (x - loc)|^2 / 2 - sum_i log L_ii - (k / 2) log(2 pi)}. Only the lower
 * triangle of {@code scaleTril} is read (entries above the diagonal are ignored, as TensorFlow's
 * lower-triangular operator does); its diagonal must be positive. Samples are reparameterized,
 * {@code loc + L eps}. The event is {@code [k]}; the batch is the broadcast of {@code loc}'s shape
 * without its last axis and {@code scaleTril}'s without its last two. Closed-form mean, mode,
 * covariance, per-coordinate variance, entropy, and KL to any multivariate normal variant. Gradients
 * with respect to {@code scaleTril} go through the {@code MatrixTriangularSolve} gradient this module
 * registers (TensorFlow Java has none).
 *
 * <pre>{@code
 * MultivariateNormalTriL w = MultivariateNormalTriL.of(scope, new float[] {0f, 0f},
 *     new float[][] {{1f, 0f}, {0.5f, 2f}});
 * Operand<TFloat32> cov = w.covariance(); // [[1, 0.5], [0.5, 4.25]]
 * }</pre>
 */
public final class MultivariateNormalTriL extends AbstractRandomVariable<TFloat32> {

  private MultivariateNormalTriL(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A multivariate normal over graph tensors.
   *
   * @param scope where to build it, named {@code MultivariateNormalTriL} made unique there
   * @param loc the mean {@code [..., k]}
   * @param scaleTril the Cholesky factor {@code [..., k, k]}, positive diagonal
   * @return the variable
   */
  public static MultivariateNormalTriL of(VariableScope scope, Operand<TFloat32> loc, Operand<TFloat32> scaleTril) {
    return builder(scope).loc(loc).scaleTril(scaleTril).build();
  }

  /**
   * A multivariate normal over {@code R^k} from Java arrays.
   *
   * @param scope where to build it
   * @param loc the mean, {@code k} finite values
   * @param scaleTril {@code k} rows of {@code k} finite values, positive on the diagonal
   * @return the variable
   */
  public static MultivariateNormalTriL of(VariableScope scope, float[] loc, float[][] scaleTril) {
    return builder(scope).loc(loc).scaleTril(scaleTril).build();
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
   * The mean parameter.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The scale parameter as given (its upper triangle is ignored).
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> scaleTril() {
    return param("scaleTril");
  }

  /**
   * The covariance matrix {@code L L^T}, built now.
   *
   * @return a float32 tensor of shape {@code [..., k, k]}
   */
  public Operand<TFloat32> covariance() {
    Ops tf = ops().withSubScope("covariance");
    return GaussianLinearAlgebra.covariance(tf, broadcastScale(tf));
  }

  /** Always true: draws are {@code loc + L eps}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> eps = StandardDraws.normal(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return GaussianLinearAlgebra.transform(tf, gaussian(tf), eps);
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    return GaussianLinearAlgebra.logProb(tf, x, gaussian(tf), k());
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** The diagonal of the covariance, {@code sum_j L_ij^2}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, GaussianLinearAlgebra.variance(tf, lowerTriangle(tf)));
  }

  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> h = GaussianLinearAlgebra.entropy(tf, lowerTriangle(tf), k());
    return tf.math.add(h, tf.reduceSum(broadcastToBatchEvent(tf, tf.zerosLike(loc())), tf.constant(-1)));
  }

  /** Closed form against any multivariate normal variant of the same {@code k}. */
  @Override
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    return GaussianLinearAlgebra.klToAnyVariant(tf, this, other);
  }

  /** {@code loc}'s shape broadcast with the matrix's without its last axis. */
  @Override
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    return tf.broadcastDynamicShape(tf.shape(loc()), EventShapes.dropLast(tf, tf.shape(param("scaleTril")), 1));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** The scale with its upper triangle zeroed. */
  Operand<TFloat32> lowerTriangle(Ops tf) {
    return GaussianLinearAlgebra.lowerTriangle(tf, scaleTril(), k());
  }

  /** The lower triangle broadcast against {@code loc}'s batch too. */
  private Operand<TFloat32> broadcastScale(Ops tf) {
    Operand<TFloat32> batchZeros = tf.expandDims(tf.math.mul(broadcastToBatchEvent(tf, tf.zerosLike(loc())),
        tf.constant(0f)), tf.constant(-1));
    return tf.math.add(lowerTriangle(tf), batchZeros);
  }

  private Gaussian gaussian(Ops tf) {
    return new Gaussian(loc(), lowerTriangle(tf));
  }

  private long k() {
    return eventShape().size(0);
  }

  /** Builds a {@link MultivariateNormalTriL}: {@code loc} and {@code scaleTril} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, MultivariateNormalTriL, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("loc", Constraint.REAL, "scaleTril", Constraint.REAL);

    private Builder(VariableScope scope) {
      super(scope, "MultivariateNormalTriL", TFloat32.class);
    }

    /**
     * The mean, a float32 tensor whose last axis is the event.
     *
     * @param loc the mean, finite, of rank 1 or more: a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder loc(Operand<TFloat32> loc) {
      return parameter("loc", loc);
    }

    /**
     * The mean, finite values.
     *
     * @param loc one value per coordinate; not null
     * @return this builder
     * @throws IllegalArgumentException if a value is not finite
     */
    public Builder loc(float[] loc) {
      return parameter("loc", loc, loc == null ? 0 : loc.length);
    }

    /**
     * The Cholesky factor, a float32 tensor whose last two axes are a square matrix.
     *
     * @param scaleTril finite, positive on the diagonal, upper triangle ignored: a float32 tensor
     *     of this context's graph (the diagonal checked at build time only for a small {@code
     *     Const})
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder scaleTril(Operand<TFloat32> scaleTril) {
      return parameter("scaleTril", scaleTril);
    }

    /**
     * The Cholesky factor, {@code k} rows of {@code k} finite values.
     *
     * @param scaleTril a square matrix, positive on the diagonal; not null
     * @return this builder
     * @throws IllegalArgumentException if it is not square, not finite or has a diagonal entry
     *     {@code <= 0}
     */
    public Builder scaleTril(float[][] scaleTril) {
      float[] flat = Matrices.flattenSquare("scaleTril", scaleTril);
      return parameter("scaleTril", flat, scaleTril.length, scaleTril.length);
    }

    /** The diagonal of a known {@code scaleTril} must be positive (otherwise {@code L L^T} is singular). */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      BatchEvent be = EventShapes.trailingEvent(shapes, Map.of("scaleTril", true), List.of("loc"));
      Matrices.checkPositiveDiagonal("scaleTril", knownValues("scaleTril"), be.event().size(0));
      return be;
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected MultivariateNormalTriL create(Parts<TFloat32> parts) {
      return new MultivariateNormalTriL(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
