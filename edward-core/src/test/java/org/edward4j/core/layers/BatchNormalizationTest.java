package org.edward4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.GradientDescent;
import org.edward4j.core.optimizers.TrainOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

class BatchNormalizationTest {

  private static final int N = 4 * 3 * 3;
  private static final float[] IMAGE = image();

  /** Channel 0 around 2 with spread 3, channel 1 around -1 with spread 0.5. */
  private static float[] image() {
    float[] z = ConvolutionLayerTest.values(2 * N, 9);
    for (int i = 0; i < N; i++) {
      z[2 * i] = 2 + 3 * z[2 * i];
      z[2 * i + 1] = -1 + 0.5f * z[2 * i + 1];
    }
    return z;
  }

  private static Operand<TFloat32> x(Ops tf) {
    return tf.constant(Shape.of(4, 3, 3, 2), DataBuffers.of(IMAGE));
  }

  /** Mean and biased and unbiased variance of channel {@code c}, in double precision. */
  private static double[] moments(int c) {
    double m = 0;
    for (int i = 0; i < N; i++) {
      m += IMAGE[2 * i + c];
    }
    m /= N;
    double ss = 0;
    for (int i = 0; i < N; i++) {
      ss += (IMAGE[2 * i + c] - m) * (IMAGE[2 * i + c] - m);
    }
    return new double[] {m, ss / N, ss / (N - 1)};
  }

  @ParameterizedTest(name = "fused={0}")
  @ValueSource(booleans = {true, false})
  void trainingModeNormalizesWithBatchStatistics(boolean fused) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Operand<TFloat32> y = Layers.batchNormalization(ctx.scope("G"), x(ctx.tf()), true,
          BatchNormOptions.builder().fused(fused).build());
      float[] out = ctx.eval(y).data();
      for (int c = 0; c < 2; c++) {
        double[] mv = moments(c);
        for (int i = 0; i < N; i++) {
          double expected = (IMAGE[2 * i + c] - mv[0]) / Math.sqrt(mv[1] + 1e-3);
          // float32 normalization of values of order ten: 1e-5 absolute.
          assertEquals(expected, out[2 * i + c], 1e-5, "channel " + c + " element " + i);
        }
      }
      List<String> names = ctx.variables().all().stream().map(Variable::name).toList();
      assertEquals(List.of("G/batch_normalization/gamma", "G/batch_normalization/beta",
          "G/batch_normalization/moving_mean", "G/batch_normalization/moving_variance"), names);
      assertEquals(2, ctx.collections().trainableVariables("G").size());
    }
  }

  @ParameterizedTest(name = "fused={0}")
  @ValueSource(booleans = {true, false})
  void inferenceModeUsesTheMovingStatisticsAndRegistersNoUpdates(boolean fused) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Operand<TFloat32> y = Layers.batchNormalization(ctx.scope("G"), x(ctx.tf()), false,
          BatchNormOptions.builder().fused(fused).build());
      VariableValues values = new VariableValues(ctx);
      values.set(variable(ctx, "G/batch_normalization/moving_mean"), new float[] {1, -2});
      values.set(variable(ctx, "G/batch_normalization/moving_variance"), new float[] {4, 0.25f});
      values.set(variable(ctx, "G/batch_normalization/gamma"), new float[] {2, 1});
      values.set(variable(ctx, "G/batch_normalization/beta"), new float[] {0, 0.5f});
      float[] out = ctx.eval(y).data();
      for (int i = 0; i < N; i++) {
        assertEquals(2 * (IMAGE[2 * i] - 1) / Math.sqrt(4 + 1e-3), out[2 * i], 1e-5);
        assertEquals((IMAGE[2 * i + 1] + 2) / Math.sqrt(0.25 + 1e-3) + 0.5, out[2 * i + 1], 1e-5);
      }
      assertTrue(ctx.collections().updateOps(null).isEmpty());
    }
  }

  @ParameterizedTest(name = "fused={0}")
  @ValueSource(booleans = {true, false})
  void movingAveragesUpdateThroughUpdateOps(boolean fused) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Layers.batchNormalization(ctx.scope("G"), x(ctx.tf()), true,
          BatchNormOptions.builder().fused(fused).momentum(0.9).build());
      List<Op> updates = ctx.collections().updateOps("G");
      assertEquals(2, updates.size());
      assertTrue(ctx.collections().updateOps("Disc").isEmpty());
      run(ctx, updates);
      float[] mean = ctx.eval(variable(ctx, "G/batch_normalization/moving_mean")).data();
      float[] var = ctx.eval(variable(ctx, "G/batch_normalization/moving_variance")).data();
      for (int c = 0; c < 2; c++) {
        double[] mv = moments(c);
        // TF1: the fused kernel feeds the unbiased batch variance, the unfused one the biased one.
        double batchVar = fused ? mv[2] : mv[1];
        assertEquals(0.1 * mv[0], mean[c], 1e-5);
        assertEquals(0.9 + 0.1 * batchVar, var[c], 1e-5);
      }
    }
  }

  @ParameterizedTest(name = "fused={0}")
  @ValueSource(booleans = {true, false})
  void aTrainingTensorChoosesTheModeAtRunTime(boolean fused) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Placeholder<TBool> training = tf.placeholder(TBool.class, Placeholder.shape(Shape.scalar()));
      BatchNormOptions options = BatchNormOptions.builder().fused(fused).build();
      Operand<TFloat32> y = Layers.batchNormalization(ctx.scope("G"), x(tf), training, options);
      Operand<TFloat32> train = Layers.batchNormalization(ctx.scope("G", Reuse.REUSE), x(tf), true, options);
      Operand<TFloat32> infer = Layers.batchNormalization(ctx.scope("G", Reuse.REUSE), x(tf), false, options);
      try (TBool on = TBool.scalarOf(true); TBool off = TBool.scalarOf(false)) {
        assertArrayEquals(ctx.eval(train).data(), ctx.eval(y, Map.of(training, on)).data(), 1e-6f);
        assertArrayEquals(ctx.eval(infer).data(), ctx.eval(y, Map.of(training, off)).data(), 1e-6f);
        // The update ops with training off leave the averages where they are.
        Op update = ctx.collections().updateOps("G").get(0);
        try (Result r = ctx.run(ctx.session().runner().feed(training, off).addTarget(update))) {
          // update only
        }
      }
      assertArrayEquals(new float[] {0, 0}, ctx.eval(variable(ctx, "G/batch_normalization/moving_mean")).data());
      assertEquals(4, ctx.variables().size());
    }
  }

  @Test
  void aTrainStepRunsTheUpdatesItIsGiven() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> h = Layers.dense(ctx.scope("G"), tf.constant(new float[][] {{1, 2}, {3, 5}, {-1, 0}}), 2);
      Operand<TFloat32> y = Layers.batchNormalization(ctx.scope("G", Reuse.AUTO_REUSE), h, true);
      Operand<TFloat32> loss = tf.reduceSum(tf.math.square(y), tf.constant(new int[] {0, 1}));
      var step = GradientDescent.create(0.01).minimize(loss, ctx.collections().trainableVariables("G"),
          TrainOptions.defaults().withUpdateOps(ctx.collections().updateOps("G")));
      float[] before = ctx.eval(variable(ctx, "G/batch_normalization/moving_mean")).data();
      run(ctx, List.of(step));
      float[] after = ctx.eval(variable(ctx, "G/batch_normalization/moving_mean")).data();
      assertFalse(before[0] == after[0], "moving mean did not move");
    }
  }

  @Test
  void shapesAreCheckedBeforeBuilding() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Operand<TFloat32> flat = ctx.tf().constant(new float[][] {{1, 2}, {3, 4}});
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Layers.batchNormalization(ctx.scope("G"), flat, true, BatchNormOptions.builder().fused(true).build()));
      assertTrue(e.getMessage().contains("`x`") && e.getMessage().contains("rank 4"), e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> Layers.batchNormalization(ctx.scope("G"), ctx.tf().constant(new float[] {1, 2}), true));
      assertThrows(IllegalArgumentException.class, () -> BatchNormOptions.builder().epsilon(0).build());
      assertEquals(0, ctx.variables().size());
    }
  }

  private static Variable<TFloat32> variable(ModelContext ctx, String name) {
    return DenseLayerTest.cast(ctx.variables().get(name).orElseThrow());
  }

  private static void run(ModelContext ctx, List<? extends Op> targets) {
    var runner = ctx.session().runner();
    targets.forEach(runner::addTarget);
    try (Result r = ctx.run(runner)) {
      // targets only
    }
  }
}
