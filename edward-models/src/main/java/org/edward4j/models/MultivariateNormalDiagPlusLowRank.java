package org.edward4j.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The multivariate normal over {@code R^k} with mean {@code loc} and scale {@code S = diag(d) + U
 * diag(v) U^T}, a diagonal plus a rank-{@code r} update (TensorFlow's {@code
 * MultivariateNormalDiagPlusLowRank}); the covariance is {@code S S^T}.
 *
 * <p>Parameters: {@code scaleDiag} {@code d [..., k]} (positive), {@code scalePerturbFactor} {@code
 * U [..., k, r]}, and optionally {@code scalePerturbDiag} {@code v [..., r]} (positive; ones when
 * not given). With {@code d} and {@code v} positive, {@code S} is positive definite, so the
 * distribution is never degenerate. The covariance is factored {@code L L^T} by a {@code Cholesky}
 * op and the log density, samples ({@code loc + L eps}, reparameterized), entropy and KL to any
 * multivariate normal variant are {@link MultivariateNormalTriL}'s. This costs {@code O(k^3)} per
 * batch member rather than TensorFlow's {@code O(k r^2)} Woodbury form: fine for the {@code k} of
 * Edward's examples, slow for thousands of coordinates.
 *
 * <pre>{@code
 * MultivariateNormalDiagPlusLowRank w = MultivariateNormalDiagPlusLowRank.builder(scope)
 *     .loc(new float[] {0f, 0f}).scaleDiag(new float[] {1f, 1f})
 *     .scalePerturbFactor(new float[][] {{1f}, {1f}}).build();
 * Operand<TFloat32> var = w.variance(); // [5, 5]: S = [[2, 1], [1, 2]], S S^T = [[5, 4], [4, 5]]
 * }</pre>
 */
public final class MultivariateNormalDiagPlusLowRank extends AbstractRandomVariable<TFloat32> {

  private MultivariateNormalDiagPlusLowRank(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A builder for the parameters, name, sample shape, observed value.
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
   * The scale matrix {@code S = diag(d) + U diag(v) U^T}, built now.
   *
   * @return a float32 tensor of shape {@code [..., k, k]}
   */
  public Operand<TFloat32> scale() {
    return scaleOf(ops().withSubScope("scale"));
  }

  /** Always true: draws are {@code loc + L eps} with {@code L L^T = S S^T}. */
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

  /** The diagonal of {@code S S^T}: row sums of squares of {@code S}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return broadcastToBatchEvent(tf, GaussianLinearAlgebra.variance(tf, scaleOf(tf)));
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

  /** {@code loc}, {@code scaleDiag} and {@code U} without its last axis, broadcast. */
  @Override
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    Operand<TInt32> s = tf.broadcastDynamicShape(tf.shape(loc()), tf.shape(param("scaleDiag")));
    return tf.broadcastDynamicShape(s, EventShapes.dropLast(tf, tf.shape(param("scalePerturbFactor")), 1));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  /** {@code cholesky(S S^T)}. */
  Operand<TFloat32> choleskyFactor(Ops tf) {
    LinearAlgebraGradients.register();
    return tf.linalg.cholesky(GaussianLinearAlgebra.covariance(tf, scaleOf(tf)));
  }

  private Operand<TFloat32> scaleOf(Ops tf) {
    Operand<TFloat32> u = param("scalePerturbFactor");
    Operand<TFloat32> uv = hasParam("scalePerturbDiag")
        ? tf.math.mul(u, tf.expandDims(param("scalePerturbDiag"), tf.constant(-2))) : u;
    Operand<TFloat32> lowRank = tf.train.batchMatMul(uv, u, TFloat32.class,
        org.tensorflow.op.train.BatchMatMul.adjY(true));
    return tf.math.add(GaussianLinearAlgebra.diagonalMatrix(tf, param("scaleDiag")), lowRank);
  }

  /**
   * Builds a {@link MultivariateNormalDiagPlusLowRank}: {@code loc}, {@code scaleDiag} and {@code
   * scalePerturbFactor} are required, {@code scalePerturbDiag} optional.
   */
  public static final class Builder
      extends RandomVariableBuilder<TFloat32, MultivariateNormalDiagPlusLowRank, Builder> {

    private static final Map<String, Constraint> PARAMETERS = parameters();

    private Builder(VariableScope scope) {
      super(scope, "MultivariateNormalDiagPlusLowRank", TFloat32.class);
    }

    private static Map<String, Constraint> parameters() {
      Map<String, Constraint> m = new LinkedHashMap<>();
      m.put("loc", Constraint.REAL);
      m.put("scaleDiag", Constraint.POSITIVE);
      m.put("scalePerturbFactor", Constraint.REAL);
      m.put("scalePerturbDiag", Constraint.POSITIVE);
      return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The mean, a float32 tensor whose last axis is the event.
     *
     * @param loc finite, of rank 1 or more: a float32 tensor of this context's graph
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
     * The diagonal {@code d} of the scale, positive.
     *
     * @param scaleDiag positive, {@code [..., k]}: a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder scaleDiag(Operand<TFloat32> scaleDiag) {
      return parameter("scaleDiag", scaleDiag);
    }

    /**
     * The diagonal {@code d} of the scale, positive finite values.
     *
     * @param scaleDiag one per coordinate; not null
     * @return this builder
     * @throws IllegalArgumentException if a value is not positive and finite
     */
    public Builder scaleDiag(float[] scaleDiag) {
      return parameter("scaleDiag", scaleDiag, scaleDiag == null ? 0 : scaleDiag.length);
    }

    /**
     * The low-rank factor {@code U}, {@code [..., k, r]}.
     *
     * @param scalePerturbFactor finite: a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder scalePerturbFactor(Operand<TFloat32> scalePerturbFactor) {
      return parameter("scalePerturbFactor", scalePerturbFactor);
    }

    /**
     * The low-rank factor {@code U}: {@code k} rows of {@code r} finite values.
     *
     * @param scalePerturbFactor a {@code k x r} matrix; not null, rows of equal length
     * @return this builder
     * @throws IllegalArgumentException if it is ragged, empty or not finite
     */
    public Builder scalePerturbFactor(float[][] scalePerturbFactor) {
      if (scalePerturbFactor == null || scalePerturbFactor.length == 0 || scalePerturbFactor[0] == null
          || scalePerturbFactor[0].length == 0) {
        throw new IllegalArgumentException("`scalePerturbFactor` must be a non-empty k x r matrix, got "
            + (scalePerturbFactor == null ? "null" : "an empty one"));
      }
      int k = scalePerturbFactor.length;
      int r = scalePerturbFactor[0].length;
      float[] flat = new float[k * r];
      for (int i = 0; i < k; i++) {
        if (scalePerturbFactor[i] == null || scalePerturbFactor[i].length != r) {
          throw new IllegalArgumentException("`scalePerturbFactor` must have rows of " + r + " values, got row " + i
              + " of length " + (scalePerturbFactor[i] == null ? "null" : scalePerturbFactor[i].length));
        }
        System.arraycopy(scalePerturbFactor[i], 0, flat, i * r, r);
      }
      return parameter("scalePerturbFactor", flat, k, r);
    }

    /**
     * The optional middle diagonal {@code v}, {@code [..., r]}, positive.
     *
     * @param scalePerturbDiag positive: a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder scalePerturbDiag(Operand<TFloat32> scalePerturbDiag) {
      return parameter("scalePerturbDiag", scalePerturbDiag);
    }

    /**
     * The optional middle diagonal {@code v}, positive finite values.
     *
     * @param scalePerturbDiag one per column of {@code U}; not null
     * @return this builder
     * @throws IllegalArgumentException if a value is not positive and finite
     */
    public Builder scalePerturbDiag(float[] scalePerturbDiag) {
      return parameter("scalePerturbDiag", scalePerturbDiag, scalePerturbDiag == null ? 0 : scalePerturbDiag.length);
    }

    /** Everything but {@code scalePerturbDiag} is required. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      for (String p : List.of("loc", "scaleDiag", "scalePerturbFactor")) {
        if (!given.contains(p)) {
          throw new IllegalArgumentException("`" + p + "` must be given for MultivariateNormalDiagPlusLowRank");
        }
      }
    }

    /** {@code loc}, {@code scaleDiag} share the event {@code [k]}; {@code U}'s width matches {@code v}. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      Shape u = shapes.get("scalePerturbFactor");
      Shape v = shapes.get("scalePerturbDiag");
      Map<String, Shape> rest = new LinkedHashMap<>(shapes);
      if (v != null) {
        rest.remove("scalePerturbDiag");
        int ur = u.numDimensions();
        int vr = v.numDimensions();
        if (vr == 0 || (ur >= 2 && v.size(vr - 1) != u.size(ur - 1))) {
          throw new IllegalArgumentException("`scalePerturbDiag` must have a last axis of "
              + (ur >= 2 ? u.size(ur - 1) : "r") + " to match the columns of `scalePerturbFactor`, got "
              + BroadcastShapes.format(v));
        }
        rest.put("scalePerturbDiag", BroadcastShapes.slice(v, 0, vr - 1));
      }
      return EventShapes.trailingEvent(rest, Map.of("scalePerturbFactor", false), List.of("loc", "scaleDiag"));
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected MultivariateNormalDiagPlusLowRank create(Parts<TFloat32> parts) {
      return new MultivariateNormalDiagPlusLowRank(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
