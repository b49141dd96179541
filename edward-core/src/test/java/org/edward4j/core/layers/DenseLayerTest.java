package org.edward4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Regularizers;
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

class DenseLayerTest {

  private static final float[][] X = {{0.5f, -1f, 2f, 0.25f}, {1.5f, 0.3f, -0.7f, -2f}};

  /** Edward's discriminator shape: hidden ReLU layer, then a logit. */
  static Operand<TFloat32> discriminator(VariableScope disc, Operand<TFloat32> x) {
    Operand<TFloat32> h = Layers.dense(disc, x, 3, DenseOptions.builder().activation(Activation.relu()).build());
    return Layers.dense(disc, h, 1);
  }

  @Test
  void layersAreNamedPerScopeEntryAndReuseSharesWeights() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      VariableScope disc = ctx.scope("Disc");
      // An op in the scope before any layer: layer variables must still be Disc/dense/...
      Operand<TFloat32> x = disc.tf().constant(X);
      Operand<TFloat32> real = discriminator(disc, x);
      List<String> names = ctx.variables().all().stream().map(Variable::name).toList();
      assertEquals(List.of("Disc/dense/kernel", "Disc/dense/bias", "Disc/dense_1/kernel", "Disc/dense_1/bias"), names);
      assertEquals(Shape.of(4, 3), ctx.variables().get("Disc/dense/kernel").orElseThrow().shape());
      Operand<TFloat32> fake = discriminator(ctx.scope("Disc", Reuse.REUSE), tf.constant(X));
      assertEquals(4, ctx.variables().size());
      assertTrue(fake.op().name().startsWith("Disc_1/dense_1/"), fake.op().name());
      assertArrayEquals(ctx.eval(real).data(), ctx.eval(fake).data(), 0f);
      assertEquals(Shape.of(2, 1), real.shape());
    }
  }

  @Test
  void explicitNamesAndReuseReturnTheSameVariables() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Operand<TFloat32> x = ctx.tf().constant(X);
      DenseOptions named = DenseOptions.builder().name("fc").build();
      Layers.dense(ctx.scope("G"), x, 2, named);
      Variable<?> kernel = ctx.variables().get("G/fc/kernel").orElseThrow();
      Layers.dense(ctx.scope("G", Reuse.REUSE), x, 2, named);
      assertSame(kernel, ctx.variables().get("G/fc/kernel").orElseThrow());
      assertThrows(IllegalArgumentException.class, () -> Layers.dense(ctx.scope("G"), x, 2, named));
    }
  }

  @Test
  void outputIsXTimesWPlusBThroughTheActivation() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      VariableScope s = ctx.scope("M");
      Operand<TFloat32> y = Layers.dense(s, ctx.tf().constant(X), 3,
          DenseOptions.builder().activation(Activation.tanh())
              .biasInitializer(org.edward4j.core.Initializers.constant(0.1)).build());
      float[] w = ctx.eval(cast(ctx.variables().get("M/dense/kernel").orElseThrow())).data();
      float[] out = ctx.eval(y).data();
      for (int n = 0; n < 2; n++) {
        for (int j = 0; j < 3; j++) {
          double z = 0.1;
          for (int i = 0; i < 4; i++) {
            z += X[n][i] * w[i * 3 + j];
          }
          // float32 matmul of four terms: 1e-6 absolute.
          assertEquals(Math.tanh(z), out[n * 3 + j], 1e-6);
        }
      }
    }
  }

  @Test
  void higherRankInputsMultiplyTheLastAxis() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 5, 4)));
      Operand<TFloat32> y = Layers.dense(ctx.scope("M"), x, 2);
      try (TFloat32 t = TFloat32.tensorOf(Shape.of(3, 5, 4))) {
        assertArrayEquals(new long[] {3, 5, 2}, ctx.eval(y, Map.of(x, t)).shape());
      }
    }
  }

  @Test
  void kernelRegularizerLandsInRegularizationLossesOnce() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      DenseOptions reg = DenseOptions.builder().kernelRegularizer(Regularizers.l2(0.5)).build();
      Operand<TFloat32> x = ctx.tf().constant(X);
      Layers.dense(ctx.scope("Disc"), x, 3, reg);
      Layers.dense(ctx.scope("Disc", Reuse.REUSE), x, 3, reg);
      List<Operand<? extends org.tensorflow.types.family.TNumber>> losses =
          ctx.collections().regularizationLosses("Disc");
      assertEquals(1, losses.size());
      float[] w = ctx.eval(cast(ctx.variables().get("Disc/dense/kernel").orElseThrow())).data();
      double expected = 0;
      for (float v : w) {
        expected += 0.5 * v * v / 2;
      }
      assertEquals(expected, ctx.eval(losses.get(0)).scalar(), 1e-6);
      assertEquals(0, ctx.collections().regularizationLosses("Gen").size());
    }
  }

  @Test
  void shapesAreCheckedBeforeBuilding() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      IllegalArgumentException rank1 = assertThrows(IllegalArgumentException.class,
          () -> Layers.dense(ctx.scope("A"), tf.constant(new float[] {1, 2}), 3));
      assertTrue(rank1.getMessage().startsWith("`x` must have rank 2"), rank1.getMessage());
      Layers.dense(ctx.scope("D"), tf.constant(X), 3);
      IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
          () -> Layers.dense(ctx.scope("D", Reuse.REUSE), tf.constant(new float[][] {{1, 2, 3, 4, 5}}), 3));
      assertTrue(width.getMessage().contains("`x`") && width.getMessage().contains("D/dense/kernel"),
          width.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Layers.dense(ctx.scope("E"), tf.constant(X), 0));
      assertThrows(IllegalArgumentException.class, () -> DenseOptions.builder().name("a/b").build());
      assertThrows(IllegalArgumentException.class, () -> Activation.byName("swish"));
      assertEquals(0, ctx.variables().all().stream().filter(v -> v.name().startsWith("A/")).count());
    }
  }

  @Test
  void gradientWithRespectToTheInputMatchesFiniteDifferences() {
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 4)));
      VariableScope m = ctx.scope("M");
      Operand<TFloat32> h = Layers.dense(m, x, 3, DenseOptions.builder().activation("softplus").build());
      Operand<TFloat32> y = Layers.dense(m, h, 2,
          DenseOptions.builder().activation(Activation.elu()).build());
      GradientCheck.assertGradient(ctx, x, y, new float[] {0.5f, -1f, 2f, 0.25f, 1.5f, 0.3f, -0.7f, -2f}, 1e-2, 1e-2);
    }
  }

  @SuppressWarnings("unchecked")
  static Variable<TFloat32> cast(Variable<?> v) {
    return (Variable<TFloat32>) v;
  }

  @Test
  void everyLayerOnAClosedContextFailsWithEdward4jsOwnError() {
    // Issue 17, defect 8: the layers read x's shape first, and on a closed graph TensorFlow failed
    // with "close() has been called on the Graph", naming neither the context nor the layer.
    ModelContext ctx = ModelContext.withSeed(1);
    VariableScope scope = ctx.scope("Disc");
    Operand<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 4, 4, 3)));
    ctx.close();
    List<Runnable> calls = List.of(
        () -> Layers.dense(scope, x, 3),
        () -> Layers.conv2d(scope, x, 2, 2),
        () -> Layers.conv2dTranspose(scope, x, 2, 2),
        () -> Layers.batchNormalization(scope, x, true),
        () -> Layers.maxPooling2d(scope, x, 2, 2, Padding.SAME),
        () -> Layers.flatten(scope, x));
    for (Runnable call : calls) {
      IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
      assertTrue(e.getMessage().contains("ModelContext(seed=1) is closed"), e.getMessage());
    }
  }
}
