package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class UnconstrainedLogJointTest {

  private ModelContext ctx;
  private Ops tf;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(1);
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private double eval(Operand<TFloat32> x) {
    return ctx.eval(x).data()[0];
  }

  private static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  @Test
  void positiveAndUnitIntervalAddTheirLogJacobians() {
    float[] u = {-2f, 0f, 3f};
    // Exp(1) over softplus(u): log p = -z, log |dz/du| = log sigmoid(u) = -softplus(-u).
    LogJoint exp = z -> tf.math.neg(tf.reduceSum(z.get(0), tf.constant(0)));
    double expected = 0;
    for (float v : u) {
      expected += -softplus(v) - softplus(-v);
    }
    // float32 arithmetic on values of order 1: relative rounding 1e-7, a few ops.
    assertEquals(expected, eval(UnconstrainedLogJoint.of(tf, exp, List.of(Support.POSITIVE)).at(List.of(tf.constant(u)))), 1e-5);
    // Beta(3, 9) kernel over sigmoid(u): 2 log z + 8 log(1 - z), log |dz/du| = log z + log(1 - z).
    LogJoint beta = z -> tf.reduceSum(tf.math.add(tf.math.mul(tf.constant(2f), tf.math.log(z.get(0))),
        tf.math.mul(tf.constant(8f), tf.math.log1p(tf.math.neg(z.get(0))))), tf.constant(0));
    expected = 0;
    for (float v : u) {
      double logZ = -softplus(-v);
      double log1mZ = -softplus(v);
      expected += 3 * logZ + 9 * log1mZ;
    }
    assertEquals(expected, eval(UnconstrainedLogJoint.of(tf, beta, List.of(Support.UNIT_INTERVAL)).at(List.of(tf.constant(u)))), 1e-4);
  }

  @Test
  void simplexJacobianMatchesFiniteDifferences() {
    double[] u = {0.3, -1.1};
    Operand<TFloat32> uOp = tf.constant(new float[] {(float) u[0], (float) u[1]});
    float[] z = ctx.eval(Support.SIMPLEX.constrain(tf, uOp)).data();
    assertEquals(3, z.length);
    assertEquals(1.0, z[0] + z[1] + z[2], 1e-6);
    // The map u -> (z0, z1) written in double precision, its Jacobian by central differences.
    double h = 1e-6;
    double[][] jac = new double[2][2];
    for (int j = 0; j < 2; j++) {
      double[] up = u.clone();
      double[] dn = u.clone();
      up[j] += h;
      dn[j] -= h;
      double[] zp = softmax(up);
      double[] zd = softmax(dn);
      for (int i = 0; i < 2; i++) {
        jac[i][j] = (zp[i] - zd[i]) / (2 * h);
      }
    }
    double logDet = Math.log(Math.abs(jac[0][0] * jac[1][1] - jac[0][1] * jac[1][0]));
    // Central differences: error O(h^2) ~ 1e-12 plus rounding 1e-10 / h; float32 on the graph side.
    assertEquals(logDet, eval(Support.SIMPLEX.logDetJacobian(tf, uOp)), 1e-5);
    double[] zd = softmax(u);
    for (int i = 0; i < 3; i++) {
      assertEquals(zd[i], z[i], 1e-6);
    }
  }

  private static double[] softmax(double[] u) {
    double[] e = {Math.exp(u[0]), Math.exp(u[1]), 1};
    double s = e[0] + e[1] + e[2];
    return new double[] {e[0] / s, e[1] / s, e[2] / s};
  }

  @Test
  void unconstrainInvertsConstrain() {
    double u = Support.POSITIVE.unconstrain(2.0);
    assertEquals(2.0, eval(Support.POSITIVE.constrain(tf, tf.constant((float) u))), 1e-6);
    assertEquals(Math.log(1 / 3.0), Support.UNIT_INTERVAL.unconstrain(0.25), 1e-15);
    assertEquals(40.0, softplus(Support.POSITIVE.unconstrain(40.0)), 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Support.POSITIVE.unconstrain(-1));
    assertEquals("`z` must be positive and finite for POSITIVE, got -1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Support.UNIT_INTERVAL.unconstrain(1.0));
    assertEquals("`z` must be in (0, 1) for UNIT_INTERVAL, got 1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> UnconstrainedLogJoint.of(tf, z -> tf.constant(0f), List.of()));
    assertEquals("`supports` must name one support per latent, got an empty list", e.getMessage());
  }
}
