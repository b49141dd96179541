package org.edward4j.models.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Normal;
import org.edward4j.models.math.ControlVariates;
import org.edward4j.models.math.Kernels;
import org.edward4j.models.math.LinearAlgebra;
import org.edward4j.models.math.StickBreaking;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The examples of {@link ModelGraph}, {@code LinearAlgebra}, {@code Kernels} and {@code
 * StickBreaking}, copied verbatim (so they compile), with the values their comments promise.
 */
class GraphJavadocExamplesTest {

  @Test
  void modelGraph() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = ctx.tf();
      Normal a = Normal.of(scope, 0.0, 1.0);
      Normal b = Normal.builder(scope).loc(a).scale(1.0).build();
      Normal c = Normal.of(scope, 0.0, 1.0);
      Normal d = Normal.builder(scope).loc(tf.math.mul(b, c)).scale(1.0).build();
      ModelGraph graph = ModelGraph.of(ctx);
      List<RandomVariable<?>> parents = graph.parents(d);         // [b, c]
      List<RandomVariable<?>> ancestors = graph.ancestors(d);     // [a, b, c]
      boolean independent = graph.isIndependent(a, c);           // true: d is not observed
      assertEquals(List.of(b, c), parents);
      assertEquals(List.of(a, b, c), ancestors);
      assertTrue(independent);
    }
  }

  @Test
  void tensorFunctions() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> w = tf.constant(new float[][] {{1f, 2f}, {3f, 4f}, {5f, 6f}});
      Operand<TFloat32> wx = LinearAlgebra.dot(tf, w, tf.constant(new float[] {1f, -1f}));   // [-1, -1, -1]
      Operand<TFloat32> vw = LinearAlgebra.dot(tf, tf.constant(new float[] {1f, 0f, 1f}), w); // [6, 8]
      assertArrayEquals(new float[] {-1f, -1f, -1f}, ctx.eval(wx).data());
      assertArrayEquals(new float[] {6f, 8f}, ctx.eval(vw).data());

      Operand<TFloat32> x = tf.constant(new float[][] {{0f}, {1f}, {3f}});
      Operand<TFloat32> k = Kernels.rbf(tf, x);                   // [3, 3], k[0][1] = exp(-1/2)
      Operand<TFloat32> kx = Kernels.rbf(tf, x, tf.constant(new float[][] {{2f}}), 2.0, 1.5); // [3, 1]
      assertEquals(Math.exp(-0.5), ctx.eval(k).data()[1], 1e-6);
      // 1.5 exp(-(0-2)^2 / (2 * 2^2)) for the first row
      assertEquals(1.5 * Math.exp(-0.5), ctx.eval(kx).data()[0], 1e-6);

      Operand<TFloat32> pi = StickBreaking.toSimplex(tf, tf.constant(new float[] {0f, 0f, 0f})); // [1/4, 1/4, 1/4, 1/4]
      assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, ctx.eval(pi).data(), 1e-7f);

      Operand<TFloat32> c = ControlVariates.coefficient(tf,
          tf.constant(new float[] {1f, 2f, 3f, 4f}), tf.constant(new float[] {2f, 3f, 8f, 1f})); // 1/29
      assertEquals(1 / 29.0, ctx.eval(c).data()[0], 1e-7);
    }
  }

  @Test
  void portingGuideBlock() {
    // docs/PORTING.md, the ed.util block, with the values its comments give
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Normal a = Normal.of(model, 0.0, 1.0);
      Normal b = Normal.builder(model).loc(a).scale(1.0).build();
      Normal c = Normal.of(model, 0.0, 1.0);
      Normal d = Normal.builder(model).loc(tf.math.mul(b, c)).scale(1.0).build();
      ModelGraph graph = ModelGraph.of(ctx);
      assertEquals(List.of(a, b, c, d), graph.randomVariables());
      assertEquals(List.of(b, c), graph.parents(d));
      assertEquals(List.of(a, c, d), graph.markovBlanket(b));
      assertTrue(graph.isIndependent(a, c));
      assertTrue(!graph.isIndependent(a, c, d));
      Operand<TFloat32> x = tf.constant(new float[][] {{0f, 1f}, {2f, 3f}});
      // |x0 - x1|^2 = 8, lengthscale 2: exp(-8 / (2 * 4)) = exp(-1)
      assertEquals(Math.exp(-1), ctx.eval(Kernels.rbf(tf, x, null, 2.0, 1.0)).data()[1], 1e-6);
      assertArrayEquals(new float[] {1 / 3f, 1 / 3f, 1 / 3f},
          ctx.eval(StickBreaking.toSimplex(tf, tf.constant(new float[] {0f, 0f}))).data(), 1e-7f);
      assertArrayEquals(new float[] {-1f, -1f},
          ctx.eval(LinearAlgebra.dot(tf, x, tf.constant(new float[] {1f, -1f}))).data());
    }
  }
}
