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
 * The multivariate normal over {@code R^k} with mean {@code loc} and a full covariance matrix
 * {@code covarianceMatrix} (TensorFlow's {@code MultivariateNormalFullCovariance}).
 *
 * <p>The covariance is factored {@code L L^T} by a {@code Cholesky} op (reading its lower triangle,
 * as TensorFlow does) and everything else is {@link MultivariateNormalTriL}'s algebra: {@code log
 * p(x) = -|L^-1 (x - loc)|^2 / 2 - sum_i log L_ii - (k / 2) log(2 pi)}, reparameterized samples
 * {@code loc + L eps}, closed-form mean, mode, variance, entropy and KL to any multivariate normal
 * variant. A constant covariance is checked in Java to be symmetric and positive definite; a
 * computed one that is not makes the {@code Cholesky} op fail when the graph runs. Gradients
 * through the factorization use the {@code Cholesky} gradient this module registers.
 *
 * <pre>{@code
 * MultivariateNormalFullCovariance w = MultivariateNormalFullCovariance.of(scope, new float[] {1f, -1f},
 *     new float[][] {{2f, 0.6f}, {0.6f, 1f}});
 * Operand<TFloat32> sd = w.stddev(); // [sqrt 2, 1]
 * }</pre>
 */
public final class MultivariateNormalFullCovariance extends AbstractRandomVariable<TFloat32> {

  private MultivariateNormalFullCovariance(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A multivariate normal over graph tensors.
   *
   * @param scope where to build it, named {@code MultivariateNormalFullCovariance} made unique there
   * @param loc the mean {@code [..., k]}
   * @param covarianceMatrix symmetric positive definite {@code [..., k, k]}
   * @return the variable
   */
  public static MultivariateNormalFullCovariance of(VariableScope scope, Operand<TFloat32> loc,
      Operand<TFloat32> covarianceMatrix) {
    return builder(scope).loc(loc).covarianceMatrix(covarianceMatrix).build();
  }

  /**
   * A multivariate normal over {@code R^k} from Java arrays.
   *
   * @param scope where to build it
   * @param loc the mean, {@code k} finite values
   * @param covarianceMatrix {@code k} rows of {@code k} values, symmetric positive definite
   * @return the variable
   */
  public static MultivariateNormalFullCovariance of(VariableScope scope, float[] loc, float[][] covarianceMatrix) {
    return builder(scope).loc(loc).covarianceMatrix(covarianceMatrix).build();
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
   * The covariance parameter.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> covarianceMatrix() {
    return param("covarianceMatrix");
  }

  /** Always true: draws are {@code loc + L eps} with {@code L} the Cholesky factor. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> eps = StandardDraws.normal(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    return GaussianLinearAlgebra.transform(tf, new Gaussian(loc(), choleskyFactor(tf)), eps);
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    return GaussianLinearAlgebra.logProb(tf, x, new Gaussian(loc(), choleskyFactor(tf)), eventShape().size(0));
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

  /** The covariance's diagonal. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, GaussianLinearAlgebra.diagonal(tf, covarianceMatrix()));
  }

  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> h = GaussianLinearAlgebra.entropy(tf, choleskyFactor(tf), eventShape().size(0));
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
    return tf.broadcastDynamicShape(tf.shape(loc()), EventShapes.dropLast(tf, tf.shape(param("covarianceMatrix")), 1));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** {@code cholesky(covarianceMatrix)}. */
  Operand<TFloat32> choleskyFactor(Ops tf) {
    LinearAlgebraGradients.register();
    return tf.linalg.cholesky(covarianceMatrix());
  }

  /** Builds a {@link MultivariateNormalFullCovariance}: {@code loc} and {@code covarianceMatrix} are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, MultivariateNormalFullCovariance, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("loc", Constraint.REAL, "covarianceMatrix", Constraint.REAL);

    private Builder(VariableScope scope) {
      super(scope, "MultivariateNormalFullCovariance", TFloat32.class);
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
     * The covariance, a float32 tensor whose last two axes are a square matrix.
     *
     * @param covarianceMatrix symmetric positive definite: a float32 tensor of this context's graph
     *     (checked at build time only for a small {@code Const})
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder covarianceMatrix(Operand<TFloat32> covarianceMatrix) {
      return parameter("covarianceMatrix", covarianceMatrix);
    }

    /**
     * The covariance, {@code k} rows of {@code k} values.
     *
     * @param covarianceMatrix symmetric positive definite; not null
     * @return this builder
     * @throws IllegalArgumentException if it is not square or not finite (symmetry and definiteness
     *     are checked at build time)
     */
    public Builder covarianceMatrix(float[][] covarianceMatrix) {
      float[] flat = Matrices.flattenSquare("covarianceMatrix", covarianceMatrix);
      return parameter("covarianceMatrix", flat, covarianceMatrix.length, covarianceMatrix.length);
    }

    /** A known covariance must be symmetric positive definite. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      BatchEvent be = EventShapes.trailingEvent(shapes, Map.of("covarianceMatrix", true), List.of("loc"));
      Matrices.checkPositiveDefinite("covarianceMatrix", knownValues("covarianceMatrix"), be.event().size(0));
      return be;
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected MultivariateNormalFullCovariance create(Parts<TFloat32> parts) {
      return new MultivariateNormalFullCovariance(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
