package org.edward4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class ConvolutionLayerTest {

  @Test
  void conv2dMatchesAHandComputedCase() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
      Operand<TFloat32> x = ctx.tf().constant(Shape.of(1, 3, 3, 1), DataBuffers.of(image));
      ConvOptions options = ConvOptions.builder().biasInitializer(Initializers.constant(0.5)).build();
      Operand<TFloat32> y = Layers.conv2d(ctx.scope("C"), x, 1, 2, options);
      Variable<TFloat32> kernel = DenseLayerTest.cast(ctx.variables().get("C/conv2d/kernel").orElseThrow());
      assertEquals(Shape.of(2, 2, 1, 1), kernel.shape());
      new VariableValues(ctx).set(kernel, new float[] {1, 2, 3, 4});
      // Each output is the 2x2 window dotted with [[1, 2], [3, 4]], plus the bias 0.5.
      float[] expected = {
        1 * 1 + 2 * 2 + 4 * 3 + 5 * 4 + 0.5f, 2 * 1 + 3 * 2 + 5 * 3 + 6 * 4 + 0.5f,
        4 * 1 + 5 * 2 + 7 * 3 + 8 * 4 + 0.5f, 5 * 1 + 6 * 2 + 8 * 3 + 9 * 4 + 0.5f
      };
      assertArrayEquals(expected, ctx.eval(y).data(), 0f);
      assertEquals(Shape.of(1, 2, 2, 1), y.shape());
    }
  }

  @ParameterizedTest(name = "{0} stride {1} kernel {2}: {3} -> {4}")
  @CsvSource({"SAME, 2, 5, 7, 14", "VALID, 2, 5, 7, 17", "VALID, 1, 3, 4, 6", "SAME, 1, 3, 4, 4"})
  void conv2dTransposeShapeFollowsTf1WithAnyBatch(Padding padding, int stride, int kernel, int in, int out) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, in, in, 3)));
      Operand<TFloat32> y = Layers.conv2dTranspose(ctx.scope("G"), x, 2, kernel,
          ConvOptions.builder().strides(stride).padding(padding).build());
      assertArrayEquals(new long[] {-1, out, out, 2}, y.shape().asArray());
      assertEquals(Shape.of(kernel, kernel, 2, 3), ctx.variables().get("G/conv2d_transpose/kernel").orElseThrow().shape());
      for (int batch : new int[] {1, 3}) {
        try (TFloat32 t = TFloat32.tensorOf(Shape.of(batch, in, in, 3))) {
          assertArrayEquals(new long[] {batch, out, out, 2}, ctx.eval(y, Map.of(x, t)).shape());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} stride {1} kernel {2}")
  @CsvSource({"SAME, 2, 3, 6", "VALID, 2, 3, 7", "SAME, 1, 3, 5"})
  void conv2dTransposeIsTheAdjointOfConv2d(Padding padding, int stride, int kernel, int size) {
    try (ModelContext ctx = ModelContext.withSeed(4)) {
      Ops tf = ctx.tf();
      ConvOptions options = ConvOptions.builder().strides(stride).padding(padding).useBias(false).build();
      Operand<TFloat32> x = tf.constant(Shape.of(2, size, size, 3), DataBuffers.of(values(2 * size * size * 3, 1)));
      VariableScope s = ctx.scope("A");
      Operand<TFloat32> cx = Layers.conv2d(s, x, 4, kernel, options);
      int m = (int) cx.shape().get(1);
      Operand<TFloat32> y = tf.constant(Shape.of(2, m, m, 4), DataBuffers.of(values(2 * m * m * 4, 2)));
      Operand<TFloat32> ty = Layers.conv2dTranspose(s, y, 3, kernel, options);
      assertArrayEquals(new long[] {2, size, size, 3}, ty.shape().asArray());
      // Both kernels are [k, k, 3, 4]: give the transposed layer the convolution's.
      VariableValues values = new VariableValues(ctx);
      values.set(DenseLayerTest.cast(ctx.variables().get("A/conv2d_transpose/kernel").orElseThrow()),
          values.get(DenseLayerTest.cast(ctx.variables().get("A/conv2d/kernel").orElseThrow())));
      double left = dot(ctx.eval(cx).data(), ctx.eval(y).data());
      double right = dot(ctx.eval(x).data(), ctx.eval(ty).data());
      // Sums of a few hundred float32 products of order one: 1e-4 relative.
      assertEquals(left, right, 1e-4 * Math.abs(left));
    }
  }

  @Test
  void convolutionGradientWithRespectToTheInputMatchesFiniteDifferences() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 4, 4, 2)));
      VariableScope s = ctx.scope("C");
      Operand<TFloat32> h = Layers.conv2d(s, x, 3, 3,
          ConvOptions.builder().padding(Padding.SAME).activation(Activation.tanh()).build());
      Operand<TFloat32> y = Layers.conv2dTranspose(s, h, 2, 3,
          ConvOptions.builder().strides(2).padding(Padding.SAME).activation(Activation.softplus()).build());
      GradientCheck.assertGradient(ctx, x, y, values(32, 3), 1e-2, 1e-2);
    }
  }

  @Test
  void poolingAndFlatteningShapes() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 6, 6, 2)));
      VariableScope s = ctx.scope("D");
      Operand<TFloat32> p = Layers.maxPooling2d(s, x, 2, 2, Padding.VALID);
      assertArrayEquals(new long[] {-1, 3, 3, 2}, p.shape().asArray());
      Operand<TFloat32> f = Layers.flatten(s, p);
      assertArrayEquals(new long[] {-1, 18}, f.shape().asArray());
      assertTrue(f.op().name().startsWith("D/flatten/"), f.op().name());
      Operand<TFloat32> conv = Layers.conv2d(s, x, 5, 3, ConvOptions.builder().strides(2).padding("same").build());
      assertArrayEquals(new long[] {-1, 3, 3, 5}, conv.shape().asArray());
      assertEquals(List.of("D/conv2d/kernel", "D/conv2d/bias"),
          ctx.variables().all().stream().map(Variable::name).toList());
    }
  }

  @Test
  void shapesAreCheckedBeforeBuilding() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> flat = tf.constant(new float[][] {{1, 2}, {3, 4}});
      IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
          () -> Layers.conv2d(ctx.scope("C"), flat, 2, 3));
      assertTrue(rank.getMessage().startsWith("`x` must have rank 4"), rank.getMessage());
      Operand<TFloat32> small = tf.zeros(tf.constant(new int[] {1, 2, 2, 1}), TFloat32.class);
      IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
          () -> Layers.conv2d(ctx.scope("C"), small, 2, 3));
      assertTrue(window.getMessage().contains("`x`"), window.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Layers.conv2dTranspose(ctx.scope("C"), flat, 2, 3));
      assertThrows(IllegalArgumentException.class, () -> Layers.maxPooling2d(ctx.scope("C"), flat, 2, 2, Padding.SAME));
      assertThrows(IllegalArgumentException.class, () -> ConvOptions.builder().strides(0).build());
      assertThrows(IllegalArgumentException.class, () -> Padding.parse("full"));
      assertEquals(0, ctx.variables().size());
    }
  }

  static float[] values(int n, long seed) {
    java.util.Random r = new java.util.Random(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) r.nextGaussian();
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    assertEquals(a.length, b.length);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
