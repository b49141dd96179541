package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.edward4j.core.copy.GraphCopy;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@code GraphCopy} on random variables of edward-models (core cannot depend on models). */
class RandomVariableCopyTest {

  static final int N = 4000;

  /**
   * z ~ N(0, 1) (N of them), x ~ N(2 z, 0.1): copying x with z swapped for qz ~ N(5, 0.1) gives x'
   * ~ N(10, 0.1 (+ 2 * 0.1)) while x itself still follows 2 z.
   */
  @Test
  void rebuildsADependentVariableWithASwappedInputAndLeavesTheOriginalIntact() {
    try (ModelContext ctx = ModelContext.withSeed(12)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = scope.tf();
      Operand<TFloat32> zeros = tf.zeros(tf.constant(new int[] {N}), TFloat32.class);
      Normal z = Normal.builder(scope).loc(zeros).scale(1.0).build();
      Normal x = Normal.builder(scope).loc(tf.math.mul(tf.constant(2f), z)).scale(0.1).build();
      Normal qz = Normal.builder(ctx.scope("q")).loc(tf.math.add(zeros, tf.constant(5f))).scale(0.1).build();
      Operand<TFloat32> xLocBefore = x.parameters().get("loc");

      RandomVariable<TFloat32> copy = GraphCopy.copy(x, Map.of(z, qz));

      assertEquals("Normal", copy.distributionName());
      assertNotSame(x, copy);
      assertSame(xLocBefore, x.parameters().get("loc"), "the original keeps its parameters");
      List<TensorValue> v = ctx.evalAll(List.of(x, z, copy, copy.parameters().get("loc")), Map.of());
      double residualSq = 0;
      double copyMean = 0;
      double copyLocMean = 0;
      for (int i = 0; i < N; i++) {
        double r = v.get(0).data()[i] - 2 * v.get(1).data()[i];
        residualSq += r * r / N;
        copyMean += v.get(2).data()[i] / N;
        copyLocMean += v.get(3).data()[i] / N;
      }
      // The original still draws x = 2 z + N(0, 0.1^2): mean square residual 0.01 (sd 2.2e-4 over
      // 4000); a swap leaking into the original would make it about (2 (5 - z))^2 = 100.
      assertEquals(0.01, residualSq, 0.002, "x still depends on z");
      // The copy: loc = 2 qz with qz ~ N(5, 0.1), so E = 10 with sd sqrt(0.04 + 0.01) / sqrt(4000)
      // = 0.0035 for the mean of the draws; 0.02 is over 5 sd. Its loc parameter averages 10 too.
      assertEquals(10, copyMean, 0.02, "the copy is centred on 2 qz");
      assertEquals(10, copyLocMean, 0.02, "the copy's loc reads qz");
    }
  }

  /**
   * In one copy scope, a known random variable shared by two targets is rebuilt once: y = x + z
   * and w = x - z copied with z swapped see the same copy of x, so y' + w' = 2 x' exactly.
   */
  @Test
  void sharesCopiesOfKnownVariablesWithinAScope() {
    try (ModelContext ctx = ModelContext.withSeed(13)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = scope.tf();
      Normal z = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(z).scale(1.0).build();
      Operand<TFloat32> y = tf.math.add(x, z);
      Operand<TFloat32> w = tf.math.sub(x, z);
      GraphCopy copies = GraphCopy.builder(ctx).swap(z, tf.constant(3f)).randomVariables(List.of(x)).build();
      RandomVariable<TFloat32> xCopy = copies.copy(x);
      assertSame(xCopy, copies.copy(x));
      Operand<TFloat32> yCopy = copies.copy(y);
      Operand<TFloat32> wCopy = copies.copy(w);
      List<TensorValue> v = ctx.evalAll(List.of(yCopy, wCopy, xCopy), Map.of());
      // y' = x' + 3 and w' = x' - 3 with the same x'.
      assertEquals(2 * v.get(2).scalar(), v.get(0).scalar() + v.get(1).scalar(), 1e-5);
      assertEquals(6, v.get(0).scalar() - v.get(1).scalar(), 1e-5);
      assertEquals(List.of(xCopy), copies.copiedRandomVariables());
    }
  }
}
