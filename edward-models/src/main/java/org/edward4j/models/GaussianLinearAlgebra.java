package org.edward4j.models;

import java.util.List;
import java.util.Optional;
import org.edward4j.core.RandomVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.TriangularSolve;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The algebra every multivariate normal shares once its covariance is written {@code L L^T} with
 * {@code L} lower triangular with a positive diagonal: log density, draws, entropy and KL between
 * any two of the variants ({@link MultivariateNormalDiag}, {@link MultivariateNormalTriL}, {@link
 * MultivariateNormalFullCovariance}, {@link MultivariateNormalDiagPlusLowRank}).
 *
 * <p>Triangular solves get their matrix broadcast to the right-hand side's batch first, so the
 * gradient rule in {@link LinearAlgebraGradients} never sees broadcast batch axes in practice.
 */
final class GaussianLinearAlgebra {

  static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /** A multivariate normal's mean {@code [..., k]} and lower-triangular scale {@code [..., k, k]}. */
  record Gaussian(Operand<TFloat32> loc, Operand<TFloat32> scaleTril) {}

  static {
    LinearAlgebraGradients.register();
  }

  private GaussianLinearAlgebra() {}

  /** The mean and Cholesky scale of any multivariate normal variant, or empty for other families. */
  static Optional<Gaussian> of(Ops tf, RandomVariable<?> rv) {
    if (rv instanceof MultivariateNormalDiag d) {
      return Optional.of(new Gaussian(d.loc(), diagonalMatrix(tf, d.scaleDiag())));
    }
    if (rv instanceof MultivariateNormalTriL t) {
      return Optional.of(new Gaussian(t.loc(), t.lowerTriangle(tf)));
    }
    if (rv instanceof MultivariateNormalFullCovariance f) {
      return Optional.of(new Gaussian(f.loc(), f.choleskyFactor(tf)));
    }
    if (rv instanceof MultivariateNormalDiagPlusLowRank p) {
      return Optional.of(new Gaussian(p.loc(), p.choleskyFactor(tf)));
    }
    return Optional.empty();
  }

  /**
   * {@code KL(p || other)} when {@code other} is a multivariate normal variant, checking that the
   * event sizes match; empty for other families.
   */
  static Optional<Operand<TFloat32>> klToAnyVariant(Ops tf, AbstractRandomVariable<TFloat32> p, RandomVariable<?> other) {
    Optional<Gaussian> q = of(tf, other);
    if (q.isEmpty()) {
      return Optional.empty();
    }
    if (!BroadcastShapes.compatible(other.eventShape(), p.eventShape())) {
      throw new IllegalArgumentException("`other` must have event shape " + BroadcastShapes.format(p.eventShape())
          + " to match " + p.name() + ", got " + BroadcastShapes.format(other.eventShape()));
    }
    return Optional.of(kl(tf, of(tf, p).orElseThrow(), q.get(), p.eventShape().size(0)));
  }

  /** {@code diag(v)} for vectors {@code v [..., k]}, by masking (differentiable with the built-in gradients). */
  static Operand<TFloat32> diagonalMatrix(Ops tf, Operand<TFloat32> v) {
    Operand<TFloat32> column = tf.expandDims(v, tf.constant(-1));
    Operand<TFloat32> square = tf.math.mul(column, tf.expandDims(tf.onesLike(v), tf.constant(-2)));
    return tf.math.mul(square, LinearAlgebraGradients.identityLike(tf, square));
  }

  /** The diagonal of square matrices {@code [..., k, k]}, as {@code [..., k]}. */
  static Operand<TFloat32> diagonal(Ops tf, Operand<TFloat32> m) {
    return tf.reduceSum(tf.math.mul(m, LinearAlgebraGradients.identityLike(tf, m)), tf.constant(-1));
  }

  /** {@code m} with everything above the diagonal zeroed, by a mask (differentiable). */
  static Operand<TFloat32> lowerTriangle(Ops tf, Operand<TFloat32> m, long k) {
    float[] mask = new float[(int) (k * k)];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        mask[(int) (i * k + j)] = 1f;
      }
    }
    return tf.math.mul(m, tf.constant(org.tensorflow.ndarray.Shape.of(k, k),
        org.tensorflow.ndarray.buffer.DataBuffers.of(mask, true, false)));
  }

  /** {@code sum_i log L_ii - ...}: the log density of {@code x} under {@code N(loc, L L^T)}. */
  static Operand<TFloat32> logProb(Ops tf, Operand<TFloat32> x, Gaussian g, long k) {
    Operand<TFloat32> diff = tf.math.sub(x, g.loc());
    Operand<TFloat32> z = solveVector(tf, g.scaleTril(), diff);
    Operand<TFloat32> quad = tf.math.mul(tf.constant(-0.5f), tf.reduceSum(tf.math.square(z), tf.constant(-1)));
    Operand<TFloat32> logDet = tf.reduceSum(tf.math.log(diagonal(tf, g.scaleTril())), tf.constant(-1));
    return tf.math.sub(quad, tf.math.add(logDet, tf.constant((float) (k * HALF_LOG_TWO_PI))));
  }

  /** {@code L^-1 v} for vectors {@code v [..., k]}, with {@code L} broadcast to {@code v}'s batch. */
  static Operand<TFloat32> solveVector(Ops tf, Operand<TFloat32> scaleTril, Operand<TFloat32> v) {
    Operand<TFloat32> rhs = tf.expandDims(v, tf.constant(-1));
    Operand<TInt32> full = tf.broadcastDynamicShape(tf.shape(scaleTril),
        tf.concat(List.of(tf.shape(v), lastDim(tf, v)), tf.constant(0)));
    Operand<TFloat32> matrix = tf.math.add(scaleTril, tf.zeros(full, TFloat32.class));
    Operand<TInt32> rhsShape = tf.concat(List.of(dropLast(tf, full), tf.constant(new int[] {1})), tf.constant(0));
    Operand<TFloat32> rhsB = tf.math.add(rhs, tf.zeros(rhsShape, TFloat32.class));
    Operand<TFloat32> z = tf.linalg.triangularSolve(matrix, rhsB, TriangularSolve.lower(true));
    return tf.squeeze(z, org.tensorflow.op.core.Squeeze.axis(List.of(-1L)));
  }

  /** {@code loc + L eps} for standard normal {@code eps [..., k]}. */
  static Operand<TFloat32> transform(Ops tf, Gaussian g, Operand<TFloat32> eps) {
    Operand<TFloat32> rows = tf.math.mul(g.scaleTril(), tf.expandDims(eps, tf.constant(-2)));
    return tf.math.add(tf.reduceSum(rows, tf.constant(-1)), g.loc());
  }

  /** {@code L L^T}. */
  static Operand<TFloat32> covariance(Ops tf, Operand<TFloat32> scaleTril) {
    return tf.train.batchMatMul(scaleTril, scaleTril, TFloat32.class,
        org.tensorflow.op.train.BatchMatMul.adjY(true));
  }

  /** The per-coordinate variances {@code sum_j L_ij^2}. */
  static Operand<TFloat32> variance(Ops tf, Operand<TFloat32> scaleTril) {
    return tf.reduceSum(tf.math.square(scaleTril), tf.constant(-1));
  }

  /** {@code sum_i log L_ii + (k / 2) log(2 pi e)}. */
  static Operand<TFloat32> entropy(Ops tf, Operand<TFloat32> scaleTril, long k) {
    Operand<TFloat32> logDet = tf.reduceSum(tf.math.log(diagonal(tf, scaleTril)), tf.constant(-1));
    return tf.math.add(logDet, tf.constant((float) (k * (HALF_LOG_TWO_PI + 0.5))));
  }

  /**
   * {@code KL(N(m1, L1 L1^T) || N(m2, L2 L2^T)) = (||L2^-1 L1||_F^2 + ||L2^-1 (m2 - m1)||^2 - k) / 2
   * + sum log diag L2 - sum log diag L1}.
   */
  static Operand<TFloat32> kl(Ops tf, Gaussian p, Gaussian q, long k) {
    Operand<TInt32> full = tf.broadcastDynamicShape(tf.shape(p.scaleTril()), tf.shape(q.scaleTril()));
    Operand<TFloat32> zeros = tf.zeros(full, TFloat32.class);
    Operand<TFloat32> l1 = tf.math.add(p.scaleTril(), zeros);
    Operand<TFloat32> l2 = tf.math.add(q.scaleTril(), zeros);
    Operand<TFloat32> m = tf.linalg.triangularSolve(l2, l1, TriangularSolve.lower(true));
    Operand<TFloat32> trace = tf.reduceSum(tf.math.square(m), tf.constant(new int[] {-2, -1}));
    Operand<TFloat32> z = solveVector(tf, q.scaleTril(), tf.math.sub(q.loc(), p.loc()));
    Operand<TFloat32> mahalanobis = tf.reduceSum(tf.math.square(z), tf.constant(-1));
    Operand<TFloat32> logDet2 = tf.reduceSum(tf.math.log(diagonal(tf, q.scaleTril())), tf.constant(-1));
    Operand<TFloat32> logDet1 = tf.reduceSum(tf.math.log(diagonal(tf, p.scaleTril())), tf.constant(-1));
    Operand<TFloat32> half = tf.math.mul(tf.constant(0.5f), tf.math.sub(tf.math.add(trace, mahalanobis), tf.constant((float) k)));
    return tf.math.add(half, tf.math.sub(logDet2, logDet1));
  }

  private static Operand<TInt32> lastDim(Ops tf, Operand<TFloat32> v) {
    Operand<TInt32> shape = tf.shape(v);
    return tf.slice(shape, tf.reshape(tf.math.sub(tf.size(shape), tf.constant(1)), tf.constant(new int[] {1})),
        tf.constant(new int[] {1}));
  }

  private static Operand<TInt32> dropLast(Ops tf, Operand<TInt32> shape) {
    return tf.slice(shape, tf.constant(new int[] {0}), tf.reshape(tf.math.sub(tf.size(shape), tf.constant(1)),
        tf.constant(new int[] {1})));
  }
}
