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
   * Two latent blocks, Edward's semantics: w1, w2 ~ N(0, I_2), y_n | w ~ N(X1_n . w1 + X2_n . w2, 1)
   * with correlated columns across the blocks. -log p(x, w) is quadratic with the joint Hessian
   * {@code H = I_4 + [X1 X2]^T [X1 X2]}, and the exact posterior covariance is {@code H^-1},
   * cross block included. Edward's {@code tf.hessians(loss, [qw1, qw2])} takes one Hessian per
   * latent variable, so with one {@code MultivariateNormalTriL} per block each gets the inverse of
   * its own diagonal block, {@code H11^-1} (the covariance of w1 given w2) and q carries no cross
   * block; one latent variable holding both blocks gets the whole {@code H^-1}, cross block
   * included. Both are checked against the inverses computed here in double precision.
   *
   * <p>Tolerance: the Hessian of a quadratic is constant, so neither depends on how far MAP
   * converged; what remains is float32 rounding of entries up to ~12 (relative 6e-8, so 1e-6
   * absolute) amplified by the condition number of H (below 60 here, computed below): 1e-4
   * absolute on entries of size ~0.1-1. The test needs H11^-1 to differ from the marginal block
   * (H^-1)11 by far more than that, and does (asserted: > 0.05).
   */
  @Test
  void twoLatentBlocksGetTheirOwnBlockInverseAsEdward() {
    float[][] x1 = {{1f, 0.2f}, {0.8f, -0.5f}, {-1f, 0.4f}, {0.3f, 1.1f}, {1.6f, 0.1f}, {-0.4f, -0.9f}};
    float[][] x2 = {{0.9f, 0.1f}, {0.7f, -0.3f}, {-1.1f, 0.5f}, {0.2f, 0.8f}, {1.4f, 0.3f}, {-0.2f, -1.0f}};
    float[] y = {1.1f, 0.4f, -1.3f, 0.9f, 2.2f, -1.0f};
    int n = y.length;
    double[][] h = new double[4][4];
    for (int i = 0; i < 4; i++) {
      h[i][i] = 1;
      for (int j = 0; j < 4; j++) {
        for (int r = 0; r < n; r++) {
          h[i][j] += column(x1, x2, r, i) * column(x1, x2, r, j);
        }
      }
    }
    double[][] joint = SymmetricMatrices.inverse(h, "H");
    double[][] block1 = SymmetricMatrices.inverse(new double[][] {{h[0][0], h[0][1]}, {h[1][0], h[1][1]}}, "H11");
    double[][] block2 = SymmetricMatrices.inverse(new double[][] {{h[2][2], h[2][3]}, {h[3][2], h[3][3]}}, "H22");
    assertTrue(conditionNumberBound(h, joint) < 60, "condition number " + conditionNumberBound(h, joint));
    assertTrue(Math.abs(block1[0][0] - joint[0][0]) > 0.05, "the test needs the cross block to matter");
    assertTrue(Math.abs(joint[0][2]) > 0.05, "the test needs a cross-block covariance");
    double tol = 1e-4;
    try (ModelContext ctx = ModelContext.withSeed(4)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = scope.tf();
      Normal w1 = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(2).name("w1").build();
      Normal w2 = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(2).name("w2").build();
      Operand<TFloat32> mean = tf.math.add(linear(tf, x1, w1), linear(tf, x2, w2));
      Normal yv = Normal.builder(scope).loc(mean).scale(1.0).build();
      VariableScope post = ctx.scope("posterior");
      MultivariateNormalTriL q1 = MultivariateNormalTriL.of(post, post.getVariable("loc1", Shape.of(2), Initializers.zeros()),
          post.getVariable("tril1", Shape.of(2, 2), Initializers.ones()));
      MultivariateNormalTriL q2 = MultivariateNormalTriL.of(post, post.getVariable("loc2", Shape.of(2), Initializers.zeros()),
          post.getVariable("tril2", Shape.of(2, 2), Initializers.ones()));
      Laplace laplace = new Laplace(Map.of(w1, q1, w2, q2), Map.of(yv, ctx.tf().constant(y)));
      laplace.run(VariationalOptions.builder().nIter(200).nPrint(0).build());
      assertMatrix(block1, laplace.covariance(w1), tol, "w1: H11^-1");
      assertMatrix(block2, laplace.covariance(w2), tol, "w2: H22^-1");
      TensorValue c1 = ctx.eval(q1.covariance());
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          assertEquals(block1[i][j], c1.get(i, j), tol, "q(w1)'s covariance " + i + "," + j);
        }
      }
    }
    try (ModelContext ctx = ModelContext.withSeed(4)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = scope.tf();
      float[][] both = new float[n][4];
      for (int r = 0; r < n; r++) {
        for (int i = 0; i < 4; i++) {
          both[r][i] = (float) column(x1, x2, r, i);
        }
      }
      Normal w = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(4).name("w").build();
      Normal yv = Normal.builder(scope).loc(linear(tf, both, w)).scale(1.0).build();
      VariableScope post = ctx.scope("posterior");
      MultivariateNormalTriL q = MultivariateNormalTriL.of(post, post.getVariable("loc", Shape.of(4), Initializers.zeros()),
          post.getVariable("tril", Shape.of(4, 4), Initializers.ones()));
      Laplace laplace = new Laplace(Map.of(w, q), Map.of(yv, ctx.tf().constant(y)));
      laplace.run(VariationalOptions.builder().nIter(200).nPrint(0).build());
      assertMatrix(joint, laplace.covariance(w), tol, "one latent for both blocks: H^-1 with the cross block");
    }
  }

  private static double column(float[][] x1, float[][] x2, int row, int i) {
    return i < 2 ? x1[row][i] : x2[row][i - 2];
  }

  private static Operand<TFloat32> linear(Ops tf, float[][] design, Operand<TFloat32> w) {
    int n = design.length;
    int d = design[0].length;
    return tf.reshape(tf.linalg.matMul(tf.constant(design), tf.reshape(w, tf.constant(new long[] {d, 1}))),
        tf.constant(new long[] {n}));
  }

  /** {@code ||H||_inf ||H^-1||_inf}, an upper bound of the 2-norm condition number up to a factor d. */
  private static double conditionNumberBound(double[][] h, double[][] inv) {
    return rowNorm(h) * rowNorm(inv);
  }

  private static double rowNorm(double[][] a) {
    double max = 0;
    for (double[] row : a) {
      double s = 0;
      for (double v : row) {
        s += Math.abs(v);
      }
      max = Math.max(max, s);
    }
    return max;
  }

  private static void assertMatrix(double[][] expected, double[][] actual, double tol, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected.length; j++) {
        assertEquals(expected[i][j], actual[i][j], tol, what + " " + i + "," + j);
      }
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
