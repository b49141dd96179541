package org.edward4j.inferences.montecarlo;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Gaussian target {@code N(mean, cov)} over one vector latent value, written out for the tests:
 * {@code log p(z) = -(z - mean)' P (z - mean) / 2} up to a constant, {@code P = cov^-1}.
 */
final class GaussianTarget {

  final double[] mean;
  final double[][] precision;

  GaussianTarget(double[] mean, double[][] precision) {
    this.mean = mean;
    this.precision = precision;
  }

  /** Mean [1, 1], sd [1, 1], correlation rho: Edward's {@code normal.py} target for rho = 0.8. */
  static GaussianTarget correlated2d(double rho) {
    double det = 1 - rho * rho;
    return new GaussianTarget(new double[] {1, 1}, new double[][] {{1 / det, -rho / det}, {-rho / det, 1 / det}});
  }

  /** The log density as the kernels take it, over a state of one tensor of shape [d]. */
  LogJoint logJoint(Ops tf) {
    int d = mean.length;
    float[] mu = new float[d];
    float[][] p = new float[d][d];
    for (int i = 0; i < d; i++) {
      mu[i] = (float) mean[i];
      for (int j = 0; j < d; j++) {
        p[i][j] = (float) precision[i][j];
      }
    }
    return state -> {
      Operand<TFloat32> diff = tf.math.sub(state.get(0), tf.constant(mu));
      Operand<TFloat32> pd = tf.reshape(tf.linalg.matMul(tf.constant(p), tf.reshape(diff, tf.constant(new int[] {d, 1}))),
          tf.constant(new int[] {d}));
      return tf.math.mul(tf.constant(-0.5f), tf.reduceSum(tf.math.mul(diff, pd), tf.constant(0)));
    };
  }

  /** {@code grad log p(z) = -P (z - mean)} in double precision. */
  double[] gradient(double[] z) {
    int d = mean.length;
    double[] g = new double[d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        g[i] -= precision[i][j] * (z[j] - mean[j]);
      }
    }
    return g;
  }

  /** Leapfrog in double precision, written independently of the graph's version. */
  double[][] leapfrog(double[] z0, double[] r0, double eps, int steps) {
    double[] z = z0.clone();
    double[] r = r0.clone();
    for (int s = 0; s < steps; s++) {
      double[] g = gradient(z);
      for (int i = 0; i < z.length; i++) {
        r[i] += eps / 2 * g[i];
        z[i] += eps * r[i];
      }
      g = gradient(z);
      for (int i = 0; i < z.length; i++) {
        r[i] += eps / 2 * g[i];
      }
    }
    return new double[][] {z, r};
  }
}
