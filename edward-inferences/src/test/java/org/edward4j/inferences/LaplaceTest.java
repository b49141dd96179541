package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Gamma;
import org.edward4j.models.MultivariateNormalTriL;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Laplace against models whose Hessian is known in closed form, and Edward's laplace_test wiring. */
class LaplaceTest {

  /**
   * z_j ~ N(0, 1), x_ij | z_j ~ N(z_j, 0.5), four observations per element: -log p is quadratic
   * with Hessian 1 + 4 / 0.25 = 17 on the diagonal, mode sum_i x_ij / 0.25 / 17.
   */
  @Test
  void diagonalNormalGetsTheInverseHessian() {
    float[][] x = {{0.5f, 1f, -2f}, {1.5f, 0f, -1f}, {1f, 2f, -1.5f}, {0f, 1f, -0.5f}};
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Normal z = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(3).build();
      Normal xs = Normal.builder(scope).loc(z).scale(0.5).sampleShape(4).build();
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> loc = post.getVariable("loc", Shape.of(3), Initializers.zeros());
      Variable<TFloat32> scale = post.getVariable("scale", Shape.of(3), Initializers.ones());
      Normal qz = Normal.builder(post).loc(loc).scale(scale).build();
      Laplace laplace = new Laplace(Map.of(z, qz), Map.of(xs, ctx.tf().constant(x)));
      laplace.run(VariationalOptions.builder().nIter(800).nPrint(0).build());
      TensorValue mode = ctx.eval(qz.mean());
      TensorValue sd = ctx.eval(qz.stddev());
      double[][] cov = laplace.covariance(z);
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (float[] row : x) {
          sum += row[j];
        }
        // The MAP loss is a quadratic, so only the optimizer's last steps are left: 1e-3.
        assertEquals(sum / 0.25 / 17, mode.get(j), 1e-3, "mode " + j);
        // A quadratic's Hessian is constant, so only float32 rounding of 17 remains.
        assertEquals(1.0 / 17, cov[j][j], 1e-6, "variance " + j);
        assertEquals(1 / Math.sqrt(17), sd.get(j), 1e-6, "scale " + j);
      }
      assertEquals(0.0, cov[0][1], 0.0, "the diagonal approximation has no correlation");
    }
  }

  /**
   * A 2-D latent with correlated design: w ~ N(0, I), y_n | w ~ N(X_n . w, 1). -log p is quadratic
   * with Hessian I + X^T X; the TriL approximation must have covariance (I + X^T X)^-1 and mean
   * (I + X^T X)^-1 X^T y, both computed here in double precision.
   */
  @Test
  void fullCovarianceIsTheInverseHessian() {
    float[][] design = {{1f, 0.9f}, {0.8f, 1f}, {-1f, -0.7f}, {0.3f, 0.2f}, {2f, 1.5f}};
    float[] y = {1.2f, 0.9f, -1.4f, 0.1f, 2.9f};
    double[][] h = {{1, 0}, {0, 1}};
    double[] xty = new double[2];
    for (int n = 0; n < y.length; n++) {
      for (int i = 0; i < 2; i++) {
        xty[i] += design[n][i] * y[n];
        for (int j = 0; j < 2; j++) {
          h[i][j] += design[n][i] * design[n][j];
        }
      }
    }
    double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
    double[][] inv = {{h[1][1] / det, -h[0][1] / det}, {-h[1][0] / det, h[0][0] / det}};
    double[] mode = {inv[0][0] * xty[0] + inv[0][1] * xty[1], inv[1][0] * xty[0] + inv[1][1] * xty[1]};
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = scope.tf();
      Normal w = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(2).build();
      Operand<TFloat32> mean = tf.reshape(tf.linalg.matMul(tf.constant(design), tf.reshape(w, tf.constant(new long[] {2, 1}))),
          tf.constant(new long[] {5}));
      Normal yv = Normal.builder(scope).loc(mean).scale(1.0).build();
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> loc = post.getVariable("loc", Shape.of(2), Initializers.zeros());
      // Laplace never samples q, so any start will do; finish() writes a lower-triangular factor.
      Variable<TFloat32> tril = post.getVariable("scale_tril", Shape.of(2, 2), Initializers.ones());
      MultivariateNormalTriL qw = MultivariateNormalTriL.of(post, loc, tril);
      Laplace laplace = new Laplace(Map.of(w, qw), Map.of(yv, ctx.tf().constant(y)));
      laplace.run(VariationalOptions.builder().nIter(1500).nPrint(0).build());
      TensorValue m = ctx.eval(qw.mean());
      TensorValue c = ctx.eval(qw.covariance());
      double[][] cov = laplace.covariance(w);
      for (int i = 0; i < 2; i++) {
        assertEquals(mode[i], m.get(i), 2e-3, "mode " + i);
        for (int j = 0; j < 2; j++) {
          // Constant Hessian: float32 rounding of entries near 10 (1e-6 relative) through an
          // inverse whose condition number is ~80.
          assertEquals(inv[i][j], cov[i][j], 1e-4, "H^-1 " + i + "," + j);
          assertEquals(inv[i][j], c.get(i, j), 1e-4, "covariance of q " + i + "," + j);
        }
      }
      assertTrue(Math.abs(inv[0][1]) > 0.1, "the test needs a correlated posterior");
    }
  }

  /**
   * Edward's laplace_test wiring: N = 250, D = 5, w_true = 5, noise 0.1, y ~ N(X w + b, 1), with
   * Normal and MultivariateNormalTriL approximations; Edward checks loc within 0.5 of w_true and a
   * covariance determinant near 0. Here the determinant is checked against the closed form
   * det((I + X^T X)^-1) implied by 250 unit-variance rows (about 250^-5), within 0.1 as Edward.
   */
  @Test
  void edwardsLinearRegressionWiring() {
    int n = 250;
    int d = 5;
    Random rng = new Random(42);
    float[][] xs = new float[n][d];
    float[] ys = new float[n];
    for (int i = 0; i < n; i++) {
      double dot = 0;
      for (int j = 0; j < d; j++) {
        xs[i][j] = (float) rng.nextGaussian();
        dot += 5 * xs[i][j];
      }
      ys[i] = (float) (dot + 0.1 * rng.nextGaussian());
    }
    for (boolean full : new boolean[] {false, true}) {
      try (ModelContext ctx = ModelContext.withSeed(3)) {
        VariableScope scope = ctx.scope("model");
        Ops tf = scope.tf();
        Normal w = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(d).build();
        Normal b = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(1).build();
        Operand<TFloat32> xw = tf.reshape(tf.linalg.matMul(tf.constant(xs), tf.reshape(w, tf.constant(new long[] {d, 1}))),
            tf.constant(new long[] {n}));
        Normal y = Normal.builder(scope).loc(tf.math.add(xw, b)).scale(1.0).build();
        VariableScope post = ctx.scope("posterior");
        Variable<TFloat32> wLoc = post.getVariable("w_loc", Shape.of(d), Initializers.randomNormal(0, 1));
        Variable<TFloat32> bLoc = post.getVariable("b_loc", Shape.of(1), Initializers.randomNormal(0, 1));
        Operand<TFloat32> qw;
        Operand<TFloat32> qb;
        if (full) {
          Variable<TFloat32> wTril = post.getVariable("w_tril", Shape.of(d, d), Initializers.ones());
          Variable<TFloat32> bTril = post.getVariable("b_tril", Shape.of(1, 1), Initializers.ones());
          qw = MultivariateNormalTriL.of(post, wLoc, wTril);
          qb = MultivariateNormalTriL.of(post, bLoc, bTril);
        } else {
          qw = Normal.builder(post).loc(wLoc).scale(post.getVariable("w_scale", Shape.of(d), Initializers.ones())).build();
          qb = Normal.builder(post).loc(bLoc).scale(post.getVariable("b_scale", Shape.of(1), Initializers.ones())).build();
        }
        Laplace laplace = new Laplace(Map.of(w, qw, b, qb), Map.of(y, ctx.tf().constant(ys)));
        laplace.run(VariationalOptions.builder().nIter(500).nPrint(0).build());
        TensorValue loc = ctx.eval(wLoc);
        for (int j = 0; j < d; j++) {
          assertEquals(5.0, loc.get(j), 0.5, "w_" + j);
        }
        assertEquals(0.0, ctx.eval(bLoc).get(0), 0.5, "b");
        double[][] cov = laplace.covariance(w);
        double detDiag = 1;
        for (int j = 0; j < d; j++) {
          detDiag *= cov[j][j];
          // Each diagonal Hessian entry is 1 + sum_i x_ij^2, about 251 (chi-square spread of
          // sqrt(2 * 250) = 22): the variance must be within 1 / (251 +- 5 sd).
          assertTrue(cov[j][j] > 1.0 / (251 + 112) && cov[j][j] < 1.0 / (251 - 112), "variance " + cov[j][j]);
        }
        assertEquals(0.0, detDiag, 0.1, "Edward's determinant check");
      }
    }
  }

  @Test
  void rejectsBadInput() {
    try (ModelContext ctx = ModelContext.withSeed(4)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = scope.tf();
      Normal z = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(2).build();
      Normal x = Normal.builder(scope).loc(z).scale(1.0).build();
      Operand<TFloat32> data = ctx.tf().constant(new float[] {1f, 2f});
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> loc = post.getVariable("loc", Shape.of(2), Initializers.zeros());
      Variable<TFloat32> raw = post.getVariable("raw", Shape.of(2), Initializers.zeros());

      Gamma gamma = Gamma.builder(post).concentration(tf.math.softplus(loc)).rate(1.0).build();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Laplace(Map.of(z, gamma), Map.of(x, data)));
      assertTrue(e.getMessage().contains("Normal") && e.getMessage().contains("Gamma") && e.getMessage().contains(z.name()),
          e.getMessage());

      Normal softplusScale = Normal.builder(post).loc(loc).scale(tf.math.softplus(raw)).build();
      e = assertThrows(IllegalArgumentException.class, () -> new Laplace(Map.of(z, softplusScale), Map.of(x, data)));
      assertTrue(e.getMessage().contains("`scale`") && e.getMessage().contains("variable"), e.getMessage());

      // A model that is not differentiable in z: x's location is round(z), an op without a gradient.
      Normal zf = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(2).build();
      Normal xf = Normal.builder(scope).loc(tf.math.round(zf)).scale(1.0).build();
      Normal qf = Normal.builder(post).loc(loc).scale(post.getVariable("s", Shape.of(2), Initializers.ones())).build();
      Laplace bad = new Laplace(Map.of(zf, qf), Map.of(xf, data));
      e = assertThrows(IllegalArgumentException.class, () -> bad.initialize());
      assertTrue(e.getMessage().contains("twice differentiable") && e.getMessage().contains(zf.name()), e.getMessage());
    }
  }
}
