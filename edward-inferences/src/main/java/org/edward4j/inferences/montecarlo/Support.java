package org.edward4j.inferences.montecarlo;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The support of a latent variable and Edward's map from the unconstrained reals onto it
 * ({@code ed.transform}), so that HMC, SGLD and SGHMC, which move freely in {@code R^d}, can
 * sample constrained latents: {@code (0, 1)} through the sigmoid, {@code (0, inf)} through the
 * softplus, the simplex through the centred softmax {@code softmax([u, 0])}.
 *
 * <p>Each map comes with {@code log |det dz/du|}, which {@link UnconstrainedLogJoint} adds to the
 * log joint so the chain in {@code u} targets the pushed-back posterior.
 */
public enum Support {

  /** The real line: no transform. */
  REAL,
  /** {@code (0, inf)}, e.g. Gamma, InverseGamma: {@code z = softplus(u)}. */
  POSITIVE,
  /** {@code (0, 1)}, e.g. Beta: {@code z = sigmoid(u)}. */
  UNIT_INTERVAL,
  /** The simplex of K probabilities, e.g. Dirichlet: {@code z = softmax([u, 0])}, u of K-1 values. */
  SIMPLEX;

  /**
   * The constrained value of {@code u}.
   *
   * @param tf where to build the ops
   * @param u unconstrained values; for {@link #SIMPLEX}, the last axis holds K-1 values
   * @return {@code z}, of {@code u}'s shape (for {@link #SIMPLEX}, one more entry on the last axis)
   */
  public Operand<TFloat32> constrain(Ops tf, Operand<TFloat32> u) {
    switch (this) {
      case POSITIVE:
        return tf.math.softplus(u);
      case UNIT_INTERVAL:
        return tf.math.sigmoid(u);
      case SIMPLEX:
        return tf.math.exp(logSimplex(tf, u));
      default:
        return u;
    }
  }

  /**
   * {@code log |det dz/du|}, summed over every element.
   *
   * @param tf where to build the ops
   * @param u unconstrained values
   * @return a float32 scalar: 0 for {@link #REAL}; {@code sum log sigmoid(u)} for {@link
   *     #POSITIVE}; {@code sum log sigmoid(u) + log sigmoid(-u)} for {@link #UNIT_INTERVAL}; {@code
   *     sum log z} over the K entries of each simplex point for {@link #SIMPLEX}
   */
  public Operand<TFloat32> logDetJacobian(Ops tf, Operand<TFloat32> u) {
    switch (this) {
      case POSITIVE:
        return MetropolisCorrection.sumAll(tf, tf.math.neg(tf.math.softplus(tf.math.neg(u))));
      case UNIT_INTERVAL:
        return MetropolisCorrection.sumAll(tf,
            tf.math.neg(tf.math.add(tf.math.softplus(tf.math.neg(u)), tf.math.softplus(u))));
      case SIMPLEX:
        return MetropolisCorrection.sumAll(tf, logSimplex(tf, u));
      default:
        return tf.constant(0f);
    }
  }

  /**
   * The constrained shape of an unconstrained value's shape.
   *
   * @param unconstrained the shape of {@code u}
   * @return the same shape, or one more entry on the last axis for {@link #SIMPLEX}
   * @throws IllegalArgumentException for {@link #SIMPLEX} with a scalar shape
   */
  public Shape constrainedShape(Shape unconstrained) {
    if (this != SIMPLEX) {
      return unconstrained;
    }
    if (unconstrained.numDimensions() < 1) {
      throw new IllegalArgumentException("a SIMPLEX value's unconstrained shape must end with K-1 entries, got a scalar");
    }
    long[] dims = unconstrained.asArray();
    dims[dims.length - 1] += 1;
    return Shape.of(dims);
  }

  /**
   * The unconstrained values of constrained ones, built in the graph: the inverse of {@link
   * #constrain}, used to start a chain on the reals from a constrained initial value.
   *
   * @param tf where to build the ops
   * @param z values in the support; for {@link #SIMPLEX}, K probabilities on the last axis
   * @return {@code u} with {@code constrain(u) = z} ({@code -inf}, {@code inf} or NaN outside the
   *     support); for {@link #SIMPLEX}, K-1 values on the last axis
   */
  public Operand<TFloat32> unconstrain(Ops tf, Operand<TFloat32> z) {
    switch (this) {
      case POSITIVE:
        // softplus^-1(z) = log(expm1(z)) = z + log(-expm1(-z)), the second form finite for large z.
        return tf.math.add(z, tf.math.log(tf.math.neg(tf.math.expm1(tf.math.neg(z)))));
      case UNIT_INTERVAL:
        return tf.math.sub(tf.math.log(z), tf.math.log1p(tf.math.neg(z)));
      case SIMPLEX: {
        Shape shape = z.shape();
        if (shape.isUnknown() || shape.hasUnknownDimension() || shape.numDimensions() < 1 || shape.size(-1) < 2) {
          throw new IllegalArgumentException("a SIMPLEX value must have a known shape ending with K >= 2 entries, got " + shape);
        }
        int rank = shape.numDimensions();
        long[] begin = new long[rank];
        long[] head = shape.asArray();
        head[rank - 1] -= 1;
        long[] lastBegin = new long[rank];
        lastBegin[rank - 1] = shape.size(-1) - 1;
        long[] lastSize = shape.asArray();
        lastSize[rank - 1] = 1;
        Operand<TFloat32> first = tf.slice(z, tf.constant(begin), tf.constant(head));
        Operand<TFloat32> last = tf.slice(z, tf.constant(lastBegin), tf.constant(lastSize));
        return tf.math.sub(tf.math.log(first), tf.math.log(last));
      }
      default:
        return z;
    }
  }

  /**
   * The unconstrained shape of a constrained value's shape: the inverse of {@link
   * #constrainedShape}.
   *
   * @param constrained the shape of {@code z}
   * @return the same shape, or one entry fewer on the last axis for {@link #SIMPLEX}
   * @throws IllegalArgumentException for {@link #SIMPLEX} with a scalar shape or fewer than 2 entries
   */
  public Shape unconstrainedShape(Shape constrained) {
    if (this != SIMPLEX) {
      return constrained;
    }
    if (constrained.numDimensions() < 1 || constrained.size(-1) < 2) {
      throw new IllegalArgumentException("a SIMPLEX value's shape must end with K >= 2 entries, got " + constrained);
    }
    long[] dims = constrained.asArray();
    dims[dims.length - 1] -= 1;
    return Shape.of(dims);
  }

  /**
   * The unconstrained value of a constrained number, to start a chain at a chosen point.
   *
   * @param z a value in the support (not for {@link #SIMPLEX}, whose points are vectors)
   * @return {@code u} with {@code constrain(u) = z}
   * @throws IllegalArgumentException if {@code z} is outside the support, or for {@link #SIMPLEX}
   */
  public double unconstrain(double z) {
    switch (this) {
      case POSITIVE:
        if (!(z > 0) || Double.isInfinite(z)) {
          throw new IllegalArgumentException("`z` must be positive and finite for POSITIVE, got " + z);
        }
        // softplus^-1(z) = log(expm1(z)), written to stay finite for large z.
        return z > 30 ? z + Math.log(-Math.expm1(-z)) : Math.log(Math.expm1(z));
      case UNIT_INTERVAL:
        if (!(z > 0 && z < 1)) {
          throw new IllegalArgumentException("`z` must be in (0, 1) for UNIT_INTERVAL, got " + z);
        }
        return Math.log(z) - Math.log1p(-z);
      case SIMPLEX:
        throw new IllegalArgumentException("SIMPLEX points are vectors: start from u = log(z[:-1] / z[-1])");
      default:
        if (!Double.isFinite(z)) {
          throw new IllegalArgumentException("`z` must be finite, got " + z);
        }
        return z;
    }
  }

  /** {@code log softmax([u, 0])} along the last axis. */
  private static Operand<TFloat32> logSimplex(Ops tf, Operand<TFloat32> u) {
    Shape shape = u.shape();
    if (shape.isUnknown() || shape.hasUnknownDimension() || shape.numDimensions() < 1) {
      throw new IllegalArgumentException("a SIMPLEX value must have a known shape ending with K-1 entries, got " + shape);
    }
    long[] dims = shape.asArray();
    dims[dims.length - 1] = 1;
    Operand<TFloat32> zeros = tf.zeros(tf.constant(dims), TFloat32.class);
    Operand<TFloat32> full = tf.concat(java.util.List.of(u, zeros), tf.constant(-1));
    Operand<TFloat32> max = tf.stopGradient(tf.reduceMax(full, tf.constant(-1), org.tensorflow.op.core.ReduceMax.keepDims(true)));
    Operand<TFloat32> shifted = tf.math.sub(full, max);
    Operand<TFloat32> lse = tf.math.log(tf.reduceSum(tf.math.exp(shifted), tf.constant(-1), org.tensorflow.op.core.ReduceSum.keepDims(true)));
    return tf.math.sub(shifted, lse);
  }
}
