package org.edward4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class LstmCellTest {

  private static final float[][] X = {{0.5f, -1f, 2f}, {1.5f, 0.3f, -0.7f}};
  private static final float[][] C0 = {{0.2f, -0.4f}, {1.0f, 0.1f}};
  private static final float[][] H0 = {{-0.3f, 0.6f}, {0.05f, -0.9f}};

  @Test
  void oneStepMatchesTheGateFormulasWithForgetBiasOne() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      Ops tf = ctx.tf();
      VariableScope s = ctx.scope("rnn");
      LstmCell.State out = LstmCell.step(s, tf.constant(X), new LstmCell.State(tf.constant(C0), tf.constant(H0)), 2);
      assertEquals(List.of("rnn/lstm_cell/kernel", "rnn/lstm_cell/bias"),
          ctx.variables().all().stream().map(Variable::name).toList());
      Variable<TFloat32> kernel = DenseLayerTest.cast(ctx.variables().get("rnn/lstm_cell/kernel").orElseThrow());
      Variable<TFloat32> bias = DenseLayerTest.cast(ctx.variables().get("rnn/lstm_cell/bias").orElseThrow());
      assertEquals(Shape.of(5, 8), kernel.shape());
      // A non-zero bias so that a wrong gate order or a missing forget bias shows.
      float[] b = {0.1f, -0.2f, 0.3f, -0.4f, 0.5f, -0.6f, 0.7f, -0.8f};
      new VariableValues(ctx).set(bias, b);
      float[] w = ctx.eval(kernel).data();
      float[] c = ctx.eval(out.c()).data();
      float[] h = ctx.eval(out.h()).data();
      for (int n = 0; n < 2; n++) {
        double[] in = {X[n][0], X[n][1], X[n][2], H0[n][0], H0[n][1]};
        for (int u = 0; u < 2; u++) {
          double[] z = new double[4];
          for (int g = 0; g < 4; g++) {
            z[g] = b[g * 2 + u];
            for (int r = 0; r < 5; r++) {
              z[g] += in[r] * w[r * 8 + g * 2 + u];
            }
          }
          double cNew = C0[n][u] * sigmoid(z[2] + 1.0) + sigmoid(z[0]) * Math.tanh(z[1]);
          double hNew = Math.tanh(cNew) * sigmoid(z[3]);
          // float32 sums of five products of order one: a few ulps of 1, far below 1e-5.
          assertEquals(cNew, c[n * 2 + u], 1e-5, "c[" + n + "][" + u + "]");
          assertEquals(hNew, h[n * 2 + u], 1e-5, "h[" + n + "][" + u + "]");
        }
      }
    }
  }

  @Test
  void stepsShareOneKernelAndGradientsMatchFiniteDifferences() {
    try (ModelContext ctx = ModelContext.withSeed(7)) {
      Ops tf = ctx.tf();
      VariableScope s = ctx.scope("lm");
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3)));
      LstmCell.State st = LstmCell.zeroState(tf, 2, 4);
      st = LstmCell.step(s, x, st, 4);
      st = LstmCell.step(s, tf.math.mul(x, tf.constant(0.5f)), st, 4);
      assertEquals(2, ctx.variables().size(), "two unrolled steps share one kernel and bias");
      Operand<TFloat32> y = tf.math.add(st.h(), tf.math.mul(st.c(), tf.constant(0.3f)));
      float[] at = {X[0][0], X[0][1], X[0][2], X[1][0], X[1][1], X[1][2]};
      // Five-point stencil, h = 1e-2: see GradientCheck for the error budget behind 1e-2.
      GradientCheck.assertGradient(ctx, x, y, at, 1e-2, 1e-2);
      Variable<TFloat32> kernel = DenseLayerTest.cast(ctx.variables().get("lm/lstm_cell/kernel").orElseThrow());
      Variable<TFloat32> bias = DenseLayerTest.cast(ctx.variables().get("lm/lstm_cell/bias").orElseThrow());
      // The weights' gradient at a constant input, through two steps so the recurrent rows count.
      VariableScope s2 = ctx.scope("lm2");
      LstmCell.State st2 = LstmCell.step(s2, tf.constant(X), LstmCell.zeroState(tf, 2, 4), 4);
      st2 = LstmCell.step(s2, tf.constant(X), st2, 4);
      Operand<TFloat32> f = tf.reduceSum(st2.h(), tf.constant(new int[] {0, 1}));
      Variable<TFloat32> k2 = DenseLayerTest.cast(ctx.variables().get("lm2/lstm_cell/kernel").orElseThrow());
      Variable<TFloat32> b2 = DenseLayerTest.cast(ctx.variables().get("lm2/lstm_cell/bias").orElseThrow());
      // Central differences at eps 1e-2 on a function of order one: truncation ~ eps^2 f''' ~ 1e-4,
      // float32 rounding ~ 1e-7 / 1e-2 = 1e-5; 1e-2 relative error leaves room for both.
      new VariableValues(ctx).assertGradient(f, List.of(k2, b2), 1e-2f, 1e-2);
      assertTrue(kernel.shape().equals(Shape.of(7, 16)) && bias.shape().equals(Shape.of(16)));
    }
  }

  /** The class Javadoc's example, written out so it compiles and runs. */
  @Test
  void javadocExampleRuns() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("doc");
      LstmCell.State s = LstmCell.zeroState(scope.tf(), 4, 8);
      s = LstmCell.step(scope, scope.tf().zeros(scope.tf().constant(new int[] {4, 3}), TFloat32.class), s, 8);
      Operand<TFloat32> h = s.h();
      // Zero input, zero state, zero bias: every gate pre-activation is 0, so c = 0.5 * tanh(0) = 0.
      assertEquals(0f, ctx.eval(h).data()[0], 0f);
      assertEquals(Shape.of(4, 8), h.shape());
    }
  }

  @Test
  void rejectsBadShapesBeforeBuilding() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      VariableScope s = ctx.scope("r");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LstmCell.step(s, tf.constant(X), LstmCell.zeroState(tf, 2, 3), 2));
      assertEquals("`state.c` must have shape [batch, 2] to match `units`, got [2, 3]", e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> LstmCell.zeroState(tf, 0, 2));
      assertEquals("`batch` must be positive, got 0", e.getMessage());
      assertEquals(0, ctx.variables().size());
    }
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
