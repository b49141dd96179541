package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Normal;
import org.edward4j.models.PointMass;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** MAP against closed-form posterior modes. */
class MAPTest {

  static final float[][] X = {{1, 0}, {0, 1}, {1, 1}, {2, -1}, {-1, 2}, {0.5f, 0.5f}};
  static final float[] Y = {1.0f, -0.5f, 0.3f, 2.4f, -2.2f, 0.1f};
  static final double SIGMA = 0.5;

  /**
   * Bayesian linear regression w ~ N(0, I), y ~ N(X w, 0.5^2 I): the posterior is Gaussian, its mode
   * (X'X / s^2 + I)^-1 X'y / s^2, solved here in closed form for the 2 x 2 system.
   */
  @Test
  void recoversTheModeOfABayesianLinearRegression() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = scope.tf();
      Normal w = Normal.builder(scope).loc(tf.zeros(tf.constant(new int[] {2}), TFloat32.class)).scale(1.0).build();
      Operand<TFloat32> xw = tf.reshape(tf.linalg.matMul(tf.constant(X), tf.reshape(w, tf.constant(new int[] {2, 1}))),
          tf.constant(new int[] {X.length}));
      Normal y = Normal.builder(scope).loc(xw).scale(SIGMA).build();
      Variable<TFloat32> v = ctx.scope("posterior").getVariable("w", Shape.of(2), Initializers.zeros());
      PointMass qw = PointMass.of(ctx.scope("posterior"), v);
      new MAP(Map.of(w, qw), Map.of(y, ctx.tf().constant(Y))).run(VariationalOptions.builder().nIter(1000).nPrint(0).build());
      double[] mode = closedFormMode();
      float[] got = ctx.eval(v).data();
      // The objective is a deterministic quadratic; 1000 Adam steps with Edward's decaying rate end
      // within 1e-6 of the optimum here. Untrained: 0 (the mode is about (0.89, -0.60)).
      assertEquals(mode[0], got[0], 1e-3, "w[0]");
      assertEquals(mode[1], got[1], 1e-3, "w[1]");
    }
  }

  /**
   * {@code scale} weights a variable's log density: mu ~ N(0, 1), x_i ~ N(mu, 1) for data (1, 2, 3)
   * weighted by 2 counts each point twice, so the mode is 2 * 6 / (1 + 2 * 3) = 12 / 7 (unweighted:
   * 6 / 4).
   */
  @Test
  void scaleWeightsTheLikelihood() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(3).build();
      Variable<TFloat32> v = ctx.scope("posterior").getVariable("mu", Shape.scalar(), Initializers.zeros());
      PointMass qmu = PointMass.of(ctx.scope("posterior"), v);
      new MAP(Map.of(mu, qmu), Map.of(x, ctx.tf().constant(new float[] {1, 2, 3})))
          .run(VariationalOptions.builder().nIter(1000).nPrint(0).scale(Map.of(x, 2.0)).build());
      // As above, the quadratic converges to within 1e-6; 12/7 and 6/4 differ by 0.21.
      assertEquals(12.0 / 7, ctx.eval(v).scalar(), 1e-3);
    }
  }

  @Test
  void rejectsApproximationsThatAreNotPointMasses() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).build();
      Normal qmu = Normal.of(ctx.scope("posterior"), 0.0, 1.0);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new MAP(Map.of(mu, qmu), Map.of(x, ctx.tf().constant(1f))));
      assertTrue(e.getMessage().contains("PointMass") && e.getMessage().contains(qmu.name()), e.getMessage());
    }
  }

  private static double[] closedFormMode() {
    double s2 = SIGMA * SIGMA;
    double a = 1;
    double b = 0;
    double d = 1;
    double r0 = 0;
    double r1 = 0;
    for (int i = 0; i < X.length; i++) {
      a += X[i][0] * X[i][0] / s2;
      b += X[i][0] * X[i][1] / s2;
      d += X[i][1] * X[i][1] / s2;
      r0 += X[i][0] * Y[i] / s2;
      r1 += X[i][1] * Y[i] / s2;
    }
    double det = a * d - b * b;
    return new double[] {(d * r0 - b * r1) / det, (a * r1 - b * r0) / det};
  }
}
