package org.edward4j.models;

import java.util.List;
import java.util.Map;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.SelfAdjointEig;
import org.tensorflow.op.linalg.TriangularSolve;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The Wishart distribution over {@code k x k} symmetric positive definite matrices with {@code df}
 * degrees of freedom and scale {@code Sigma = L L^T}, given by its Cholesky factor {@code scaleTril
 * = L} (TensorFlow's {@code WishartCholesky} parameterization; Edward's {@code WishartCholesky} and
 * {@code WishartFull} both map here, the latter through a Cholesky factor of the full scale).
 *
 * <p>{@code log p(X) = (df - k - 1)/2 log|X| - tr(Sigma^-1 X)/2 - df k/2 log 2 - df/2 log|Sigma| -
 * lmvgamma_k(df/2)}; {@code -inf} for {@code X} that is not symmetric positive definite (its
 * smallest eigenvalue, from a {@code SelfAdjointEigV2} op, is not positive). Draws use the Bartlett
 * decomposition {@code X = (L A)(L A)^T}, {@code A} lower triangular with {@code A_ii^2 ~
 * chi2(df - i)} (stateless gamma draws) and standard normal entries below the diagonal. Not
 * reparameterized (as TensorFlow's), and {@code logProb} has no gradient with respect to {@code X}
 * (TensorFlow Java has none for the eigenvalue op); gradients with respect to {@code df} and {@code
 * scaleTril} work. The event is {@code [k, k]}; {@code df} is batch-only. Closed-form mean {@code
 * df Sigma}, variance {@code df (Sigma_ij^2 + Sigma_ii Sigma_jj)}, mode {@code (df - k - 1) Sigma}
 * (NaN for {@code df < k + 1}) and entropy.
 *
 * <pre>{@code
 * Wishart precision = Wishart.of(scope, 5, new float[][] {{1f, 0f}, {0.5f, 1f}});
 * Operand<TFloat32> mean = precision.mean(); // 5 [[1, 0.5], [0.5, 1.25]]
 * }</pre>
 */
public final class Wishart extends AbstractRandomVariable<TFloat32> {

  private static final double LOG_PI = Math.log(Math.PI);

  private Wishart(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A Wishart variable over graph tensors.
   *
   * @param scope where to build it, named {@code Wishart} made unique there
   * @param df degrees of freedom, above {@code k - 1}, of the batch shape
   * @param scaleTril the Cholesky factor of the scale, {@code [..., k, k]}, positive diagonal
   * @return the variable
   */
  public static Wishart of(VariableScope scope, Operand<TFloat32> df, Operand<TFloat32> scaleTril) {
    return builder(scope).df(df).scaleTril(scaleTril).build();
  }

  /**
   * A Wishart variable from Java numbers.
   *
   * @param scope where to build it
   * @param df degrees of freedom, above {@code k - 1}
   * @param scaleTril {@code k} rows of {@code k} values, positive on the diagonal (upper triangle ignored)
   * @return the variable
   */
  public static Wishart of(VariableScope scope, double df, float[][] scaleTril) {
    return builder(scope).df(df).scaleTril(scaleTril).build();
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
   * The degrees of freedom.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> df() {
    return param("df");
  }

  /**
   * The Cholesky factor of the scale, as given.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> scaleTril() {
    return param("scaleTril");
  }

  /** Always false, as TensorFlow's Wishart. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    int k = k();
    Operand<TInt32> full = drawShape(tf, sampleShape);
    Operand<TInt32> diagShape = EventShapes.dropLast(tf, full, 1);
    // A_ii^2 ~ chi2(df - i) = 2 Gamma((df - i) / 2).
    Operand<TFloat32> offsets = tf.constant(range(k));
    Operand<TFloat32> alpha = tf.math.mul(scalar(tf, 0.5), tf.math.sub(tf.expandDims(df(), tf.constant(-1)), offsets));
    Operand<TFloat32> alphaB = tf.math.add(alpha, tf.zeros(EventShapes.dropLast(tf, batchEventShape(tf), 1), TFloat32.class));
    Operand<TFloat32> g = StandardDraws.gamma(tf, diagShape, alphaB, nextSeedTensor(tf));
    Operand<TFloat32> diagonal = tf.math.sqrt(tf.math.mul(scalar(tf, 2), g));
    Operand<TFloat32> normals = StandardDraws.normal(tf, full, nextSeedTensor(tf));
    Operand<TFloat32> strictlyLower = tf.math.mul(normals, tf.constant(strictlyLowerMask(k)));
    Operand<TFloat32> a = tf.math.add(strictlyLower, GaussianLinearAlgebra.diagonalMatrix(tf, diagonal));
    Operand<TFloat32> la = tf.train.batchMatMul(tf.math.add(lowerTriangle(tf), tf.zerosLike(a)), a, TFloat32.class);
    return GaussianLinearAlgebra.covariance(tf, la);
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    int k = k();
    Operand<TFloat32> eig = tf.linalg.selfAdjointEig(x, SelfAdjointEig.computeV(false)).e();
    Operand<TBool> positive = tf.reduceAll(tf.math.greater(eig, scalar(tf, 0)), tf.constant(-1));
    Operand<TFloat32> transposed = LinearAlgebraGradients.transposeLastTwo(tf, x);
    Operand<TFloat32> asymmetry = tf.reduceMax(tf.math.abs(tf.math.sub(x, transposed)), tf.constant(new int[] {-2, -1}));
    Operand<TFloat32> tolerance = tf.math.mul(scalar(tf, 1e-5),
        tf.math.maximum(scalar(tf, 1), tf.reduceMax(tf.math.abs(x), tf.constant(new int[] {-2, -1}))));
    Operand<TBool> inside = tf.math.logicalAnd(positive, tf.math.lessEqual(asymmetry, tolerance));
    Operand<TFloat32> safeEig = tf.select(tf.math.greater(eig, scalar(tf, 0)), eig, tf.onesLike(eig));
    Operand<TFloat32> logDetX = tf.stopGradient(tf.reduceSum(tf.math.log(safeEig), tf.constant(-1)));
    Operand<TFloat32> l = lowerTriangle(tf);
    Operand<TFloat32> lB = tf.math.add(l, tf.zerosLike(x));
    Operand<TFloat32> lInverse = tf.linalg.triangularSolve(lB, LinearAlgebraGradients.identityLike(tf, lB),
        TriangularSolve.lower(true));
    Operand<TFloat32> precision = tf.train.batchMatMul(lInverse, lInverse, TFloat32.class,
        org.tensorflow.op.train.BatchMatMul.adjX(true));
    Operand<TFloat32> trace = tf.reduceSum(tf.math.mul(precision, x), tf.constant(new int[] {-2, -1}));
    Operand<TFloat32> df = df();
    Operand<TFloat32> half = scalar(tf, 0.5);
    Operand<TFloat32> lp = tf.math.sub(tf.math.mul(tf.math.mul(half, tf.math.sub(df, scalar(tf, k + 1))), logDetX),
        tf.math.mul(half, trace));
    Operand<TFloat32> norm = tf.math.add(tf.math.mul(df, scalar(tf, 0.5 * k * Math.log(2))),
        tf.math.add(tf.math.mul(df, logDetScale(tf, half)), logMultivariateGamma(tf, tf.math.mul(half, df), k)));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.sub(lp, norm));
  }

  /** {@code df Sigma}. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(dfMatrix(tf), sigma(tf)));
  }

  /** {@code df (Sigma_ij^2 + Sigma_ii Sigma_jj)}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> s = sigma(tf);
    Operand<TFloat32> d = GaussianLinearAlgebra.diagonal(tf, s);
    Operand<TFloat32> outer = tf.math.mul(tf.expandDims(d, tf.constant(-1)), tf.expandDims(d, tf.constant(-2)));
    return broadcastToBatchEvent(tf, tf.math.mul(dfMatrix(tf), tf.math.add(tf.math.square(s), outer)));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code (df - k - 1) Sigma} for {@code df >= k + 1}; NaN otherwise. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    Operand<TFloat32> factor = tf.math.sub(dfMatrix(tf), scalar(tf, k() + 1));
    Operand<TFloat32> mode = broadcastToBatchEvent(tf, tf.math.mul(factor, sigma(tf)));
    Operand<TBool> defined = tf.math.greaterEqual(tf.math.add(factor, tf.zerosLike(mode)), tf.zerosLike(mode));
    return tf.select(defined, mode, tf.fill(tf.shape(mode), scalar(tf, Float.NaN)));
  }

  /**
   * {@code (k + 1)/2 log|Sigma| + k (k + 1)/2 log 2 + lmvgamma_k(df/2) - (df - k - 1)/2
   * mvdigamma_k(df/2) + df k / 2}.
   */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    int k = k();
    Operand<TFloat32> df = df();
    Operand<TFloat32> halfDf = tf.math.mul(scalar(tf, 0.5), df);
    Operand<TFloat32> logDet = logDetScale(tf, scalar(tf, (k + 1) / 2.0));
    Operand<TFloat32> mvDigamma = tf.reduceSum(tf.math.digamma(tf.math.sub(tf.expandDims(halfDf, tf.constant(-1)),
        tf.math.mul(scalar(tf, 0.5), tf.constant(range(k))))), tf.constant(-1));
    Operand<TFloat32> h = tf.math.add(tf.math.add(logDet, scalar(tf, k * (k + 1) / 2.0 * Math.log(2))),
        logMultivariateGamma(tf, halfDf, k));
    h = tf.math.sub(h, tf.math.mul(tf.math.mul(scalar(tf, 0.5), tf.math.sub(df, scalar(tf, k + 1))), mvDigamma));
    Operand<TFloat32> result = tf.math.add(h, tf.math.mul(df, scalar(tf, k / 2.0)));
    return tf.math.add(result, tf.reduceSum(broadcastToBatchEvent(tf, tf.zerosLike(sigma(tf))), tf.constant(new int[] {-2, -1})));
  }

  /** {@code df}'s shape broadcast with the scale's batch, then {@code [k, k]}. */
  @Override
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    Operand<TInt32> batch = tf.broadcastDynamicShape(tf.shape(df()), EventShapes.dropLast(tf, tf.shape(scaleTril()), 2));
    return tf.concat(List.of(batch, tf.constant(new int[] {k(), k()})), tf.constant(0));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  private int k() {
    return (int) eventShape().size(0);
  }

  private Operand<TFloat32> lowerTriangle(Ops tf) {
    return GaussianLinearAlgebra.lowerTriangle(tf, scaleTril(), k());
  }

  private Operand<TFloat32> sigma(Ops tf) {
    return GaussianLinearAlgebra.covariance(tf, lowerTriangle(tf));
  }

  /** {@code df} with two unit axes, to scale matrices. */
  private Operand<TFloat32> dfMatrix(Ops tf) {
    return tf.expandDims(tf.expandDims(df(), tf.constant(-1)), tf.constant(-1));
  }

  /** {@code c log|Sigma| = 2 c sum log L_ii}. */
  private Operand<TFloat32> logDetScale(Ops tf, Operand<TFloat32> c) {
    Operand<TFloat32> logDiag = tf.reduceSum(tf.math.log(GaussianLinearAlgebra.diagonal(tf, lowerTriangle(tf))), tf.constant(-1));
    return tf.math.mul(tf.math.mul(scalar(tf, 2), c), logDiag);
  }

  /** {@code lmvgamma_k(a) = k (k - 1)/4 log pi + sum_j lgamma(a - j/2)}. */
  private static Operand<TFloat32> logMultivariateGamma(Ops tf, Operand<TFloat32> a, int k) {
    Operand<TFloat32> shifted = tf.math.sub(tf.expandDims(a, tf.constant(-1)), tf.math.mul(scalar(tf, 0.5), tf.constant(range(k))));
    return tf.math.add(tf.reduceSum(tf.math.lgamma(shifted), tf.constant(-1)), scalar(tf, k * (k - 1) / 4.0 * LOG_PI));
  }

  private static float[] range(int k) {
    float[] r = new float[k];
    for (int i = 0; i < k; i++) {
      r[i] = i;
    }
    return r;
  }

  private static float[][] strictlyLowerMask(int k) {
    float[][] m = new float[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < i; j++) {
        m[i][j] = 1f;
      }
    }
    return m;
  }

  /** Builds a {@link Wishart}: {@code df} and {@code scaleTril} (or {@code scale}) are required. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Wishart, Builder> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("df", Constraint.POSITIVE, "scaleTril", Constraint.REAL);

    private Builder(VariableScope scope) {
      super(scope, "Wishart", TFloat32.class);
    }

    /**
     * The degrees of freedom, a float32 tensor of the batch shape, above {@code k - 1}.
     *
     * @param df a float32 tensor of this context's graph (checked against {@code k} at build time
     *     only for a small {@code Const})
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder df(Operand<TFloat32> df) {
      return parameter("df", df);
    }

    /**
     * The degrees of freedom, above {@code k - 1}.
     *
     * @param df degrees of freedom
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite (and at build time if it is
     *     not above {@code k - 1})
     */
    public Builder df(double df) {
      return parameter("df", df);
    }

    /**
     * The Cholesky factor of the scale, a float32 tensor {@code [..., k, k]}.
     *
     * @param scaleTril positive on the diagonal, upper triangle ignored: a float32 tensor of this
     *     context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder scaleTril(Operand<TFloat32> scaleTril) {
      return parameter("scaleTril", scaleTril);
    }

    /**
     * The Cholesky factor of the scale, {@code k} rows of {@code k} values.
     *
     * @param scaleTril positive on the diagonal; not null
     * @return this builder
     * @throws IllegalArgumentException if it is not square or not finite
     */
    public Builder scaleTril(float[][] scaleTril) {
      float[] flat = Matrices.flattenSquare("scaleTril", scaleTril);
      return parameter("scaleTril", flat, scaleTril.length, scaleTril.length);
    }

    /**
     * The scale as a full symmetric positive definite matrix (Edward's {@code WishartFull}); its
     * Cholesky factor is computed here, in double precision, and used as {@code scaleTril}.
     *
     * @param scale {@code k} rows of {@code k} values, symmetric positive definite; not null
     * @return this builder
     * @throws IllegalArgumentException if it is not square, symmetric and positive definite
     */
    public Builder scale(float[][] scale) {
      float[] flat = Matrices.flattenSquare("scale", scale);
      int k = scale.length;
      Matrices.checkPositiveDefinite("scale", flat, k);
      float[][] l = new float[k][k];
      double[][] ld = new double[k][k];
      for (int j = 0; j < k; j++) {
        double pivot = scale[j][j];
        for (int p = 0; p < j; p++) {
          pivot -= ld[j][p] * ld[j][p];
        }
        ld[j][j] = Math.sqrt(pivot);
        for (int i = j + 1; i < k; i++) {
          double s = scale[i][j];
          for (int p = 0; p < j; p++) {
            s -= ld[i][p] * ld[j][p];
          }
          ld[i][j] = s / ld[j][j];
        }
      }
      for (int i = 0; i < k; i++) {
        for (int j = 0; j <= i; j++) {
          l[i][j] = (float) ld[i][j];
        }
      }
      return scaleTril(l);
    }

    /** The event is {@code [k, k]}; {@code df} is batch-only and must exceed {@code k - 1}. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      BatchEvent be = EventShapes.trailingEvent(shapes, Map.of("scaleTril", true), List.of());
      long k = be.event().size(0);
      Matrices.checkPositiveDiagonal("scaleTril", knownValues("scaleTril"), k);
      float[] df = knownValues("df");
      if (df != null) {
        for (int i = 0; i < df.length; i++) {
          if (!(df[i] > k - 1)) {
            throw new IllegalArgumentException("`df` must be above k - 1 = " + (k - 1) + " for " + k + " x " + k
                + " matrices, got " + df[i] + (df.length > 1 ? " at flat index " + i : ""));
          }
        }
      }
      return new BatchEvent(be.batch(), Shape.of(k, k));
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Wishart create(Parts<TFloat32> parts) {
      return new Wishart(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
