package org.edward4j.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

class VariableGradientsTest {

  @Test
  void unreachableVariableGetsZerosInsteadOfARuntimeError() {
    // The runtime throws "unreachable from the output node" for such a handle.
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope s = ctx.scope("S");
      Variable<TFloat32> a = s.getVariable("a", Shape.of(2), Initializers.constant(3));
      Variable<TFloat32> b = s.getVariable("b", Shape.of(2), Initializers.constant(5));
      Ops tf = ctx.tf();
      Operand<TFloat32> loss = tf.reduceSum(tf.math.square(a), tf.constant(0));
      assertEquals(List.of(true, false), VariableGradients.connected(loss, List.of(a, b)));
      List<Operand<? extends TNumber>> g = VariableGradients.of(tf, loss, List.of(a, b));
      assertArrayEquals(new float[] {6, 6}, ctx.evalAll(g, Map.of()).get(0).data());
      assertArrayEquals(new float[] {0, 0}, ctx.evalAll(g, Map.of()).get(1).data());
    }
  }

  @Test
  void everyReadOfAVariableContributes() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TFloat32> a = ctx.scope("S").getVariable("a", Shape.scalar(), Initializers.constant(2));
      Ops tf = ctx.tf();
      // a * read(a): d/da = 2a = 4 only if both reads count.
      Operand<TFloat32> loss = tf.math.mul(a, a.read(tf));
      assertEquals(4f, ctx.eval(VariableGradients.of(tf, loss, List.of(a)).get(0)).scalar());
    }
  }

  @Test
  void variableReachedOnlyThroughStopGradientGetsZeros() {
    try (org.edward4j.core.ModelContext ctx = org.edward4j.core.ModelContext.withSeed(1)) {
      var a = ctx.scope("S").getVariable("a", org.tensorflow.ndarray.Shape.scalar(),
          org.edward4j.core.Initializers.constant(2));
      var b = ctx.scope("S").getVariable("b", org.tensorflow.ndarray.Shape.scalar(),
          org.edward4j.core.Initializers.constant(3));
      var tf = ctx.tf();
      // loss = a * b with b held constant: d/da = 3, d/db = 0 (no gradient flows to b).
      var loss = tf.math.mul(a, tf.stopGradient(b.read(tf)));
      var grads = VariableGradients.of(tf, loss, java.util.List.of(a, b));
      org.junit.jupiter.api.Assertions.assertEquals(3f, ctx.eval(grads.get(0)).scalar(), 1e-6);
      org.junit.jupiter.api.Assertions.assertEquals(0f, ctx.eval(grads.get(1)).scalar());
    }
  }
}
