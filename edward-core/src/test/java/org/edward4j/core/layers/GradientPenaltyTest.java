package org.edward4j.core.layers;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * WGAN-GP's penalty (Gulrajani et al. 2017), {@code ||d critic(x) / dx||^2}, differentiated with
 * respect to the critic's weights: a second derivative through every layer, checked against
 * central differences of the penalty in each weight.
 *
 * <p>The critics use smooth activations (ELU, softplus, tanh) so no difference quotient straddles a
 * kink; piecewise-linear ones are checked op by op in {@code MissingGradientsTest}. Step 1e-2 and
 * relative error 1e-2 of {@code max(0.1, |numeric|)}: the penalties are of order one and their
 * weight gradients of order 0.1 to 4.
 */
class GradientPenaltyTest {

  private static final float EPS = 1e-2f;
  private static final double TOL = 1e-2;

  @Test
  void penaltyThroughADenseCriticMatchesFiniteDifferences() {
    try (ModelContext ctx = ModelContext.withSeed(11)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.constant(Shape.of(3, 4), DataBuffers.of(ConvolutionLayerTest.values(12, 21)));
      VariableScope disc = ctx.scope("Disc");
      Operand<TFloat32> h = Layers.dense(disc, x, 5, DenseOptions.builder().activation(Activation.softplus()).build());
      h = Layers.dense(disc, h, 3, DenseOptions.builder().activation(Activation.tanh()).build());
      Operand<TFloat32> critic = Layers.dense(disc, h, 1);
      check(ctx, tf, x, critic);
    }
  }

  @Test
  void penaltyThroughAConvolutionalCriticWithBatchNormMatchesFiniteDifferences() {
    try (ModelContext ctx = ModelContext.withSeed(12)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.constant(Shape.of(2, 4, 4, 1), DataBuffers.of(ConvolutionLayerTest.values(32, 22)));
      VariableScope disc = ctx.scope("Disc");
      Operand<TFloat32> h = Layers.conv2d(disc, x, 2, 3, ConvOptions.builder().padding(Padding.SAME).build());
      h = Layers.batchNormalization(disc, h, true);
      h = Activation.elu().apply(tf, h);
      h = Layers.conv2d(disc, h, 2, 3,
          ConvOptions.builder().strides(2).padding(Padding.SAME).activation(Activation.softplus()).build());
      Operand<TFloat32> critic = Layers.dense(disc, Layers.flatten(disc, h), 1);
      check(ctx, tf, x, critic);
    }
  }

  private static void check(ModelContext ctx, Ops tf, Operand<TFloat32> x, Operand<TFloat32> critic) {
    Operand<TFloat32> total = tf.reduceSum(critic, tf.constant(new int[] {0, 1}));
    Operand<TFloat32> dx = tf.gradients(total, List.of(x)).dy(0);
    Operand<TFloat32> penalty =
        tf.reduceSum(tf.math.square(dx), tf.range(tf.constant(0), tf.rank(dx), tf.constant(1)));
    List<Variable<TFloat32>> weights = ctx.collections().trainableVariables("Disc").stream()
        .map(DenseLayerTest::cast).toList();
    new VariableValues(ctx).assertGradient(penalty, weights, EPS, TOL);
  }
}
