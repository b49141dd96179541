package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class AdversarialLossesTest {

  @Test
  void sigmoidCrossEntropyMatchesTheDefinition() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      float[] logits = {-30f, -2f, 0f, 1.5f, 40f};
      Operand<TFloat32> x = tf.constant(logits);
      double real = 0;
      double fake = 0;
      for (float l : logits) {
        double p = 1 / (1 + Math.exp(-l));
        // -log(sigmoid(l)) and -log(1 - sigmoid(l)), in forms stable for large |l|.
        real += l < 0 ? -l + Math.log1p(Math.exp(l)) : Math.log1p(Math.exp(-l));
        fake += l > 0 ? l + Math.log1p(Math.exp(-l)) : -Math.log1p(-p);
      }
      assertEquals(real / logits.length, ctx.eval(AdversarialLosses.sigmoidCrossEntropy(tf, x, true)).scalar(), 1e-5);
      assertEquals(fake / logits.length, ctx.eval(AdversarialLosses.sigmoidCrossEntropy(tf, x, false)).scalar(), 1e-5);
    }
  }

  /** A linear critic f(x) = x w has gradient w everywhere: the penalty is lambda (|w| - 1)^2. */
  @Test
  void gradientPenaltyOfALinearCriticIsClosedForm() {
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> w = tf.constant(new float[][] {{3f}, {4f}});
      Operand<TFloat32> xTrue = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});
      Operand<TFloat32> xFake = tf.constant(new float[][] {{0, 1}, {-1, 2}, {7, 0}});
      Operand<TFloat32> penalty =
          AdversarialLosses.gradientPenalty(ctx, tf, xTrue, xFake, x -> tf.linalg.matMul(x, w), 10.0);
      assertEquals(10.0 * (5 - 1) * (5 - 1), ctx.eval(penalty).scalar(), 1e-3);
    }
  }

  /**
   * Through a ReLU critic the penalty's gradient with respect to the critic's weights is a second
   * derivative; with x_true = x_fake the interpolate is fixed, so finite differences apply.
   */
  @Test
  void gradientPenaltyDifferentiatesThroughAReluCritic() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> w1 = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3)));
      Operand<TFloat32> w2 = tf.constant(new float[][] {{1f}, {-2f}, {0.5f}});
      Operand<TFloat32> b1 = tf.constant(new float[] {0.1f, -0.2f, 0.3f});
      Operand<TFloat32> x = tf.constant(new float[][] {{1, 2}, {-1, 0.5f}, {0.3f, -2}, {2, 1}});
      Operand<TFloat32> penalty = AdversarialLosses.gradientPenalty(
          ctx, tf, x, x,
          in -> tf.linalg.matMul(tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(in, w1), b1)), w2), 2.0);
      GradientCheck.assertGradient(ctx, w1, penalty, new float[] {0.5f, -0.3f, 0.8f, 0.2f, 0.9f, -0.6f}, 1e-2, 1e-2);
    }
  }
}
