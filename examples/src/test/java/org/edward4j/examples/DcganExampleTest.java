package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.ExponentialMovingAverage;
import org.edward4j.core.optimizers.GlobalStep;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.inferences.UpdateInfo;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The DCGAN's networks have TF-GAN's structure at the chosen width, and one update trains both sides. */
class DcganExampleTest {

  private static final DcganExample.Settings SMALL = new DcganExample.Settings(8, 16, 0.25, 1e-3, 2e-4);

  private static long[] shapeOf(ModelContext ctx, String scope, String suffix) {
    for (Variable<?> v : ctx.collections().globalVariables(scope)) {
      if (v.name().endsWith(suffix)) {
        return v.shape().asArray();
      }
    }
    throw new AssertionError("no variable ending in " + suffix + " under " + scope);
  }

  @Test
  void decayedRateIsConstantThenLinearToZero() {
    DcganExample.Settings s = new DcganExample.Settings(8, 16, 0.25, 1e-3, 2e-4, 6000);
    assertEquals(0, SMALL.decayIterations(), "the five-argument settings keep the rates constant");
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
      Operand<TFloat32> lr = DcganExample.decayed(ctx.tf(), step, 1e-3, s, 12000);
      Placeholder<TInt64> value = ctx.tf().placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      Op assign = step.assign(ctx.tf(), value);
      // 1e-3 * clip((12000 - t) / 6000, 0, 1), written out: constant to 6000, half at 9000, 0 from 12000.
      long[] steps = {0, 5999, 6000, 9000, 11999, 12000, 13000};
      double[] expected = {1e-3, 1e-3, 1e-3, 0.5e-3, 1e-3 / 6000, 0, 0};
      for (int i = 0; i < steps.length; i++) {
        try (TInt64 v = TInt64.scalarOf(steps[i])) {
          ctx.run(ctx.session().runner().feed(value, v).addTarget(assign)).close();
        }
        // float32 arithmetic: a relative error of a few 1e-7.
        assertEquals(expected[i], ctx.eval(lr).data()[0], 1e-6 * 1e-3, "step " + steps[i]);
      }
    }
  }

  @Test
  void networksHaveTheDesignedShapes() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      Operand<TFloat32> x = DcganExample.sampler(ctx, SMALL);
      assertEquals(Shape.of(8, 784), x.shape());
      float[] images = ctx.eval(x).data();
      for (float v : images) {
        assertTrue(v > 0 && v < 1, "sigmoid images lie in (0, 1), got " + v);
      }
      Operand<TFloat32> logits = DcganExample.discriminator(ctx.scope("Disc"), x, SMALL);
      assertEquals(Shape.of(8, 1), logits.shape());
      int c = SMALL.channels(); // round(64 * 0.25) = 16
      assertEquals(16, c);
      // Generator: fc 1024, fc 7x7x2c, deconv 2c -> c, deconv c -> 1 (kernels [k, k, out, in]).
      assertArrayEquals(new long[] {16, 1024}, shapeOf(ctx, "Gen", "dense/kernel"));
      assertArrayEquals(new long[] {1024, 7 * 7 * 2 * c}, shapeOf(ctx, "Gen", "dense_1/kernel"));
      assertArrayEquals(new long[] {4, 4, c, 2 * c}, shapeOf(ctx, "Gen", "conv2d_transpose/kernel"));
      assertArrayEquals(new long[] {4, 4, 1, c}, shapeOf(ctx, "Gen", "conv2d_transpose_1/kernel"));
      // Discriminator: conv c, conv 2c (kernels [k, k, in, out]), fc 1024, fc 1.
      assertArrayEquals(new long[] {4, 4, 1, c}, shapeOf(ctx, "Disc", "conv2d/kernel"));
      assertArrayEquals(new long[] {4, 4, c, 2 * c}, shapeOf(ctx, "Disc", "conv2d_1/kernel"));
      assertArrayEquals(new long[] {7 * 7 * 2 * c, 1024}, shapeOf(ctx, "Disc", "dense/kernel"));
      // Three batch normalizations in the generator, each updating its two moving averages.
      assertEquals(6, ctx.collections().updateOps("Gen").size());
    }
  }

  @Test
  void oneUpdateMovesBothNetworks() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(SMALL.batch(), 784));
      Operand<TFloat32> x = DcganExample.sampler(ctx, SMALL);
      GANInference inference = new GANInference(Map.of(x, xPh), (scope, in) -> DcganExample.discriminator(scope, in, SMALL));
      inference.initialize(GanOptions.builder().nIter(1)
          .optimizer(Adam.builder().learningRate(SMALL.lrGen()).beta1(0.5).build())
          .optimizerD(Adam.builder().learningRate(SMALL.lrDisc()).beta1(0.5).name("DiscAdam").build()).build());
      Variable<?> g = ctx.collections().trainableVariables("Gen").get(0);
      Variable<?> d = ctx.collections().trainableVariables("Disc").get(0);
      float[] g0 = ctx.eval(cast(g)).data();
      float[] d0 = ctx.eval(cast(d)).data();
      float[] batch = new float[SMALL.batch() * 784];
      java.util.Arrays.fill(batch, 0.5f);
      UpdateInfo info = inference.update(Map.of(xPh, batch));
      assertTrue(Double.isFinite(info.loss()) && Double.isFinite(info.lossD()), info.toString());
      assertFalse(java.util.Arrays.equals(g0, ctx.eval(cast(g)).data()), "the generator moved");
      assertFalse(java.util.Arrays.equals(d0, ctx.eval(cast(d)).data()), "the discriminator moved");
    }
  }

  @Test
  void averageFollowsTheGeneratorWithoutDrawing() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(SMALL.batch(), 784));
      Operand<TFloat32> x = DcganExample.sampler(ctx, SMALL);
      GANInference inference = new GANInference(Map.of(x, xPh), (scope, in) -> DcganExample.discriminator(scope, in, SMALL));
      inference.initialize(GanOptions.builder().nIter(3)
          .optimizer(Adam.builder().learningRate(SMALL.lrGen()).beta1(0.5).build())
          .optimizerD(Adam.builder().learningRate(SMALL.lrDisc()).beta1(0.5).name("DiscAdam").build()).build());
      ExponentialMovingAverage average = DcganExample.average(ctx, 0.5);
      assertEquals(ctx.collections().trainableVariables("Gen"), List.copyOf(average.variables()),
          "every trainable generator weight is averaged, nothing else");
      Variable<TFloat32> kernel = average.variables().get(0);
      assertEquals("GenAverage/" + kernel.name() + "/average", average.average(kernel).name());
      float[] batch = new float[SMALL.batch() * 784];
      java.util.Arrays.fill(batch, 0.5f);
      float[] expected = null;
      for (int t = 0; t < 3; t++) {
        inference.update(Map.of(xPh, batch));
        long step = ctx.randomStep();
        ctx.keepingRandomStep(() -> ctx.run(ctx.runner().addTarget(average.update())).close());
        assertEquals(step, ctx.randomStep(), "averaging draws nothing, so the training's draws are those of a run without it");
        float[] k = ctx.eval(kernel).data();
        // min(0.5, n / (n + 1)) = 0, 0.5, 0.5: a copy, then s - 0.5 (s - k), in float32 as the graph.
        if (expected == null) {
          expected = k.clone();
        } else {
          for (int i = 0; i < k.length; i++) {
            expected[i] = expected[i] - 0.5f * (expected[i] - k[i]);
          }
        }
      }
      assertArrayEquals(expected, ctx.eval(average.average(kernel)).data(), 0f);
    }
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Variable<?> v) {
    return (Operand<TFloat32>) (Operand<?>) v.value();
  }
}
