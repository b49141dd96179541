package org.edward4j.models;

import java.util.List;
import org.edward4j.core.gradients.MissingGradients;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.TriangularSolve;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The gradients of {@code MatrixTriangularSolve} and {@code Cholesky}, which TensorFlow Java
 * 1.1.0's C++ runtime lacks, written after TensorFlow's Python {@code linalg_grad.py} (the
 * Cholesky rule is Murray, 2016, "Differentiation of the Cholesky decomposition"). The
 * multivariate normal families need them for gradients of {@code logProb} with respect to a scale
 * or covariance matrix. Registered once per JVM through edward-core's {@link MissingGradients}.
 *
 * <p>For {@code c = A^-1 b} (lower {@code A}): {@code db = A^-T g}, {@code dA = -tril(db c^T)},
 * each summed over batch axes that were broadcast. For {@code L = chol(A)}: with {@code P =
 * tril(L^T dL)} whose diagonal is halved, {@code dA = sym(L^-T P L^-1)}, {@code sym(X) = (X +
 * X^T) / 2}.
 */
final class LinearAlgebraGradients {

  private static boolean registered;

  private LinearAlgebraGradients() {}

  /** Registers both rules once per JVM; a no-op for an op type the runtime already differentiates. */
  static synchronized void register() {
    if (!registered) {
      registered = true;
      MissingGradients.register(TriangularSolve.OP_NAME, LinearAlgebraGradients::triangularSolve);
      MissingGradients.register("Cholesky", LinearAlgebraGradients::cholesky);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Operand<?>> triangularSolve(Ops tf, GraphOperation op, List<Output<?>> dy) {
    Operand<TFloat32> a = (Operand<TFloat32>) (Operand<?>) op.input(0);
    Operand<TFloat32> b = (Operand<TFloat32>) (Operand<?>) op.input(1);
    Operand<TFloat32> c = (Operand<TFloat32>) (Operand<?>) op.output(0);
    Operand<TFloat32> g = dy.isEmpty() || dy.get(0) == null ? tf.zerosLike(c) : (Operand<TFloat32>) dy.get(0);
    boolean lower = op.attributes().getAttrBool("lower");
    boolean adjoint = op.attributes().getAttrBool("adjoint");
    Operand<TFloat32> gradB = tf.linalg.triangularSolve(a, g, TriangularSolve.lower(lower), TriangularSolve.adjoint(!adjoint));
    Operand<TFloat32> outer = adjoint
        ? tf.train.batchMatMul(c, gradB, TFloat32.class, BatchMatMul.adjY(true))
        : tf.train.batchMatMul(gradB, c, TFloat32.class, BatchMatMul.adjY(true));
    Operand<TFloat32> gradA = tf.linalg.bandPart(tf.math.neg(outer), tf.constant(lower ? -1 : 0), tf.constant(lower ? 0 : -1));
    // Batch axes broadcast between A and b are summed back to each input's own shape.
    Operand<TInt32> aBatch = batchShape(tf, a);
    Operand<TInt32> bBatch = batchShape(tf, b);
    var reduce = tf.broadcastGradientArgs(aBatch, bBatch);
    return List.of(sumTo(tf, gradA, reduce.r0(), a), sumTo(tf, gradB, reduce.r1(), b));
  }

  @SuppressWarnings("unchecked")
  private static List<Operand<?>> cholesky(Ops tf, GraphOperation op, List<Output<?>> dy) {
    Operand<TFloat32> l = (Operand<TFloat32>) (Operand<?>) op.output(0);
    Operand<TFloat32> g = dy.isEmpty() || dy.get(0) == null ? tf.zerosLike(l) : (Operand<TFloat32>) dy.get(0);
    Operand<TFloat32> eye = identityLike(tf, l);
    Operand<TFloat32> lInverse = tf.linalg.triangularSolve(l, eye, TriangularSolve.lower(true));
    Operand<TFloat32> middle = tf.train.batchMatMul(l, g, TFloat32.class, BatchMatMul.adjX(true));
    middle = tf.math.sub(middle, tf.math.mul(tf.constant(0.5f), tf.math.mul(middle, eye)));
    middle = tf.linalg.bandPart(middle, tf.constant(-1), tf.constant(0));
    Operand<TFloat32> left = tf.train.batchMatMul(lInverse, middle, TFloat32.class, BatchMatMul.adjX(true));
    Operand<TFloat32> gradA = tf.train.batchMatMul(left, lInverse, TFloat32.class);
    Operand<TFloat32> symmetric = tf.math.add(gradA, transposeLastTwo(tf, gradA));
    return List.of(tf.math.mul(tf.constant(0.5f), symmetric));
  }

  /** The identity matrix broadcast to the shape of the square matrices {@code m}. */
  static Operand<TFloat32> identityLike(Ops tf, Operand<TFloat32> m) {
    Operand<TInt32> shape = tf.shape(m);
    Operand<TInt32> k = tf.reshape(tf.slice(shape, tf.reshape(tf.math.sub(tf.size(shape), tf.constant(1)),
        tf.constant(new int[] {1})), tf.constant(new int[] {1})), tf.constant(new int[0]));
    Operand<TFloat32> eye = tf.oneHot(tf.range(tf.constant(0), k, tf.constant(1)), k, tf.constant(1f), tf.constant(0f));
    return tf.math.add(eye, tf.zerosLike(m));
  }

  /** {@code x} with its last two axes swapped. */
  static Operand<TFloat32> transposeLastTwo(Ops tf, Operand<TFloat32> x) {
    Operand<TInt32> rank = tf.rank(x);
    Operand<TInt32> lead = tf.range(tf.constant(0), tf.math.sub(rank, tf.constant(2)), tf.constant(1));
    Operand<TInt32> last = tf.stack(List.of(tf.math.sub(rank, tf.constant(1)), tf.math.sub(rank, tf.constant(2))));
    return tf.linalg.transpose(x, tf.concat(List.of(lead, last), tf.constant(0)));
  }

  private static Operand<TInt32> batchShape(Ops tf, Operand<TFloat32> m) {
    Operand<TInt32> shape = tf.shape(m);
    return tf.slice(shape, tf.constant(new int[] {0}), tf.reshape(tf.math.sub(tf.size(shape), tf.constant(2)),
        tf.constant(new int[] {1})));
  }

  private static Operand<TFloat32> sumTo(Ops tf, Operand<TFloat32> grad, Operand<TInt32> axes, Operand<TFloat32> like) {
    return tf.reshape(tf.reduceSum(grad, axes), tf.shape(like));
  }
}
