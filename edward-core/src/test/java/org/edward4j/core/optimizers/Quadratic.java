package org.edward4j.core.optimizers;

import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A separable quadratic {@code loss = sum(c w^2 / 2 + d w)} with gradient {@code c w + d} and
 * minimum at {@code -d / c}: small enough to follow each optimizer's update by hand in double
 * precision.
 */
final class Quadratic {

  static final double[] C = {1.0, 2.0, 0.5};
  static final double[] D = {0.3, -0.2, 0.1};
  static final double[] W0 = {1.0, -0.5, 2.0};

  final ModelContext ctx;
  final Variable<TFloat32> w;
  final Operand<TFloat32> loss;

  Quadratic(ModelContext ctx, String scope) {
    this.ctx = ctx;
    Ops tf = ctx.tf();
    this.w = ctx.scope(scope).getVariable("w", Shape.of(3), Initializers.zeros());
    Operand<TFloat32> c = tf.constant(floats(C));
    Operand<TFloat32> d = tf.constant(floats(D));
    Operand<TFloat32> half = tf.constant(0.5f);
    Operand<TFloat32> terms = tf.math.add(tf.math.mul(half, tf.math.mul(c, tf.math.square(w))), tf.math.mul(d, w));
    this.loss = tf.reduceSum(terms, tf.constant(0));
    run(w.assign(tf, tf.constant(floats(W0))));
  }

  /** The gradient at {@code w}, in double precision. */
  static double[] gradient(double[] w) {
    double[] g = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      // The graph holds float32 constants: use exactly those values.
      g[i] = (float) C[i] * w[i] + (float) D[i];
    }
    return g;
  }

  /** The minimizer {@code -d / c}. */
  static double[] minimum() {
    double[] m = new double[C.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = -D[i] / C[i];
    }
    return m;
  }

  float[] values() {
    return ctx.eval(w).data();
  }

  void run(Op op) {
    try (Result r = ctx.run(ctx.session().runner().addTarget(op))) {
      // targets only
    }
  }

  void steps(Op op, int n) {
    for (int i = 0; i < n; i++) {
      run(op);
    }
  }

  static float[] floats(double[] xs) {
    float[] out = new float[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = (float) xs[i];
    }
    return out;
  }
}
