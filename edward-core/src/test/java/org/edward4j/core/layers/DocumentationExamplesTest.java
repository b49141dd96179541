package org.edward4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.gradients.MissingGradients;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.GlobalStep;
import org.edward4j.core.optimizers.LearningRate;
import org.edward4j.core.optimizers.Optimizer;
import org.edward4j.core.optimizers.Optimizers;
import org.edward4j.core.optimizers.TrainOptions;
import org.edward4j.core.optimizers.TrainStep;
import org.edward4j.core.progress.Progbar;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The Javadoc examples of the layers, optimizers, progress and gradients packages, written out so
 * they compile and run (a Javadoc example that does not compile misleads JShell users).
 */
class DocumentationExamplesTest {

  /** The {@link Layers} class example. */
  static Operand<TFloat32> discriminator(VariableScope disc, Operand<TFloat32> x) {
    Operand<TFloat32> h = Layers.dense(disc, x, 128, DenseOptions.builder().activation(Activation.relu()).build());
    return Layers.dense(disc, h, 1);
  }

  @Test
  void ganStepsFromTheLayersAndOptimizerExamples() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> xReal = tf.constant(new float[][] {{1, 2}, {3, 4}});
      Operand<TFloat32> z = tf.constant(new float[][] {{0.1f}, {-0.3f}});
      Operand<TFloat32> xFake = Layers.dense(ctx.scope("Gen"), z, 2);
      Operand<TFloat32> real = discriminator(ctx.scope("Disc"), xReal);
      Operand<TFloat32> fake = discriminator(ctx.scope("Disc", Reuse.REUSE), xFake); // same weights
      Operand<TFloat32> discLoss = tf.math.mean(tf.math.sub(fake, real), tf.constant(new int[] {0, 1}));
      Operand<TFloat32> genLoss = tf.math.neg(tf.math.mean(fake, tf.constant(new int[] {0, 1})));

      Adam adam = Adam.builder().learningRate(2e-4).beta1(0.5).build();
      Op trainDisc = adam.minimize(discLoss, ctx.collections().trainableVariables("Disc"));
      Op trainGen = adam.minimize(genLoss, ctx.collections().trainableVariables("Gen"));

      Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
      TrainOptions options = TrainOptions.defaults()
          .withGlobalStep(step)
          .withUpdateOps(ctx.collections().updateOps("Disc"));
      Optimizer edwardDefault = Optimizers.edwardDefault(step);
      TrainStep counted = edwardDefault.minimize(discLoss, ctx.collections().trainableVariables("Disc"), options);
      try (Result r = ctx.run(ctx.session().runner().addTarget(counted).fetch(counted.learningRate()))) {
        float lr = ((TFloat32) r.get(0)).getFloat();
        assertEquals(0.1f, lr);
      }
      try (Result r = ctx.run(ctx.session().runner().addTarget(trainDisc).addTarget(trainGen))) {
        // one step of each
      }
      assertEquals(1f, ctx.eval(step).scalar());
      Adam decaying = Adam.builder().learningRate(LearningRate.exponentialDecay(0.1, step, 100, 0.9, true)).build();
      assertTrue(decaying.toString().contains("exponentialDecay"));
      assertEquals("Adam", Optimizers.byName("adam", 0.01).name());
    }
  }

  @Test
  void progbarExample() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progbar bar = Progbar.builder(1000).output(new PrintStream(bytes, true, StandardCharsets.UTF_8)).build();
    for (int t = 1; t <= 1000; t++) {
      bar.update(t, Map.of("Loss", 123.456));
    }
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("1000/1000 [100%]"));
  }

  @Test
  void optionExamplesBuild() {
    DenseOptions hidden = DenseOptions.builder()
        .activation(Activation.relu())
        .kernelRegularizer(org.edward4j.core.Regularizers.l2(1e-4))
        .build();
    ConvOptions down = ConvOptions.builder().strides(2).padding(Padding.SAME)
        .activation(Activation.leakyRelu(0.2)).build();
    BatchNormOptions bn = BatchNormOptions.builder().momentum(0.9).epsilon(1e-5).build();
    assertTrue(hidden.toString().contains("relu"));
    assertTrue(down.toString().contains("leakyRelu(0.2)"));
    assertEquals(0.9, bn.momentum());
  }

  @Test
  @SuppressWarnings("unchecked")
  void registeringAGradientExampleCompiles() {
    // Relu6Grad(g, x) = g * (0 < x < 6): linear in g, piecewise constant in x.
    boolean added = MissingGradients.register("Relu6Grad", (tf, op, dy) -> List.of(
        tf.nn.relu6Grad((Operand<TFloat32>) dy.get(0), (Operand<TFloat32>) op.input(1)),
        tf.zerosLike(op.input(1))));
    assertTrue(added || MissingGradients.opTypes().contains("Relu6Grad"));
  }
}
