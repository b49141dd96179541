package org.edward4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

class VariableStoreTest {

  @Test
  void reuseReturnsTheSameVariableAndNamesCarryScopes() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TFloat32> w = ctx.scope("Disc").child("dense").getVariable("kernel", Shape.of(3, 2));
      assertEquals("Disc/dense/kernel", w.name());
      assertEquals("Disc/dense/kernel", w.handle().op().name());
      Variable<TFloat32> again =
          ctx.scope("Disc", Reuse.REUSE).child("dense").getVariable("kernel", Shape.of(3, 2));
      assertSame(w, again);
      assertEquals(1, ctx.variables().size());
    }
  }

  @Test
  void secondCreateWithoutReuseFailsNamingTheVariable() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      ctx.scope("Gen").getVariable("w", Shape.of(2));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ctx.scope("Gen").getVariable("w", Shape.of(2)));
      assertTrue(e.getMessage().contains("Gen/w"), e.getMessage());
      assertTrue(e.getMessage().contains("REUSE"), e.getMessage());
    }
  }

  @Test
  void reuseOfMissingOrMismatchedVariableFails() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      assertThrows(IllegalArgumentException.class, () -> ctx.scope("Gen", Reuse.REUSE).getVariable("w", Shape.of(2)));
      ctx.scope("Gen").getVariable("w", Shape.of(2));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ctx.scope("Gen", Reuse.AUTO_REUSE).getVariable("w", Shape.of(3)));
      assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[2]"), e.getMessage());
    }
  }

  @Test
  void distinctVariablesHoldDistinctValues() {
    // Handles without a shared name silently share one value: each must keep its own.
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope s = ctx.scope("S");
      Variable<TFloat32> a = s.getVariable("a", Shape.scalar(), Initializers.constant(3));
      Variable<TFloat32> b = s.getVariable("b", Shape.scalar(), Initializers.constant(5));
      List<TensorValue> v = ctx.evalAll(List.of(a, b), java.util.Map.of());
      assertEquals(3f, v.get(0).scalar());
      assertEquals(5f, v.get(1).scalar());
    }
  }

  @Test
  void sameSeedGivesSameInitialValues() {
    float[] first;
    try (ModelContext ctx = ModelContext.withSeed(7)) {
      first = ctx.eval(ctx.scope("G").getVariable("w", Shape.of(4, 4))).data();
    }
    try (ModelContext ctx = ModelContext.withSeed(7)) {
      assertArrayEquals(first, ctx.eval(ctx.scope("G").getVariable("w", Shape.of(4, 4))).data());
    }
    try (ModelContext ctx = ModelContext.withSeed(8)) {
      float[] other = ctx.eval(ctx.scope("G").getVariable("w", Shape.of(4, 4))).data();
      assertTrue(!java.util.Arrays.equals(first, other), "a different seed must give different values");
    }
  }

  @Test
  void integerVariablesWithoutAnInitializerStartAtZeroAsInTf1() {
    // Issue 17, defect 7: the Glorot-uniform default failed natively for integer dtypes; TF1's
    // get_variable initializes integer variables to zeros when given no initializer.
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TInt32> counts = ctx.scope("S").getVariable(VariableSpec.of("counts", Shape.of(2, 3), TInt32.class));
      Variable<TInt64> step = ctx.scope("S").getVariable(VariableSpec.of("step", Shape.scalar(), TInt64.class));
      assertArrayEquals(new int[6], ctx.eval(counts).ints());
      assertEquals(0f, ctx.eval(step).scalar());
      assertEquals("glorotUniform()", VariableSpec.of("w", Shape.of(2), TFloat32.class).initializer().toString());
    }
  }

  @Test
  void aRandomInitializerOnAnIntegerVariableIsRejectedBeforeTensorFlow() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableSpec<TInt32> spec =
          VariableSpec.of("k", Shape.of(2), TInt32.class).withInitializer(Initializers.glorotUniform());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ctx.scope("S").getVariable(spec));
      assertTrue(e.getMessage().contains("TInt32") && e.getMessage().contains("floating-point"), e.getMessage());
      // Nothing was left under the variable's name: a retry with a valid initializer creates it.
      Variable<TInt32> k = ctx.scope("S").getVariable(spec.withInitializer(Initializers.constant(4)));
      assertArrayEquals(new int[] {4, 4}, ctx.eval(k).ints());
    }
  }

  @Test
  void glorotUniformStaysWithinItsLimit() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      float[] w = ctx.eval(ctx.scope("G").getVariable("w", Shape.of(100, 50))).data();
      double limit = Math.sqrt(6.0 / 150);
      double max = 0;
      for (float x : w) {
        max = Math.max(max, Math.abs(x));
      }
      assertTrue(max <= limit, "max |w| " + max + " exceeds " + limit);
      // 5,000 uniform draws: the largest |w| is within 0.1% of the limit with overwhelming probability.
      assertTrue(max > 0.99 * limit, "max |w| " + max + " is far below the limit " + limit);
    }
  }

  @Test
  void regularizationPenaltiesLandInTheCollectionByScope() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      ctx.scope("Disc")
          .getVariable(
              VariableSpec.of("w", Shape.of(2), TFloat32.class)
                  .withInitializer(Initializers.constant(2))
                  .withRegularizer(Regularizers.l2(0.5)));
      ctx.scope("Gen")
          .getVariable(
              VariableSpec.of("w", Shape.of(3), TFloat32.class)
                  .withInitializer(Initializers.constant(-1))
                  .withRegularizer(Regularizers.l1(0.1)));
      GraphCollections c = ctx.collections();
      assertEquals(1, c.regularizationLosses("Disc").size());
      assertEquals(2, c.regularizationLosses(null).size());
      // l2: 0.5 * (2^2 + 2^2) / 2 = 2; l1: 0.1 * 3 = 0.3
      assertEquals(2f, ctx.eval(c.regularizationLosses("Disc").get(0)).scalar(), 1e-6);
      assertEquals(0.3f, ctx.eval(c.regularizationLosses("Gen").get(0)).scalar(), 1e-6);
    }
  }

  @Test
  void scopeFiltersReturnExactlyTheScopesVariables() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TFloat32> d = ctx.scope("Disc").getVariable("w", Shape.of(1));
      Variable<TFloat32> g = ctx.scope("Gen").getVariable("w", Shape.of(1));
      Variable<TFloat32> other = ctx.scope("Discriminator").getVariable("w", Shape.of(1));
      ctx.scope("Disc")
          .getVariable(VariableSpec.of("count", Shape.scalar(), TFloat32.class).withTrainable(false));
      assertEquals(List.of(d), ctx.collections().trainableVariables("Disc"));
      assertEquals(List.of(g), ctx.collections().trainableVariables("Gen"));
      assertEquals(List.of(other), ctx.collections().trainableVariables("Discriminator"));
      assertEquals(2, ctx.collections().globalVariables("Disc").size());
      assertEquals(3, ctx.collections().trainableVariables(null).size());
    }
  }

  @Test
  void opNamesOfReenteredScopesAreUniqueWhileVariableNamesAreNot() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope first = ctx.scope("Disc");
      VariableScope second = ctx.scope("Disc", Reuse.REUSE);
      assertEquals("Disc", first.opPrefix());
      assertEquals("Disc_1", second.opPrefix());
      assertEquals("dense", first.uniqueChild("dense").path().substring(5));
      assertEquals("Disc/dense_1", first.uniqueChild("dense").path());
      assertEquals("Disc/dense", second.uniqueChild("dense").path());
      Ops tf = second.tf();
      assertTrue(tf.constant(1f).op().name().startsWith("Disc_1/"));
    }
  }

  @Test
  void gradientsThroughTwoReadsSumAtTheHandle() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TFloat32> x = ctx.scope("S").getVariable("x", Shape.scalar(), Initializers.constant(2));
      Ops tf = ctx.tf();
      // loss = x^2 (through the shared read) + 3 x (through a second read): d/dx = 2x + 3 = 7.
      var loss = tf.math.add(tf.math.square(x), tf.math.mul(tf.constant(3f), x.read(tf)));
      var grads = org.edward4j.core.optimizers.VariableGradients.of(tf, loss, List.of(x));
      assertEquals(7f, ctx.eval(grads.get(0)).scalar(), 1e-6);
    }
  }

  @Test
  void closedContextIsRejected() {
    ModelContext ctx = ModelContext.withSeed(1);
    ctx.close();
    ctx.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ctx.scope("Gen"));
    assertTrue(e.getMessage().contains("ModelContext"), e.getMessage());
  }

  @Test
  void leafNamesWithSlashesAreRejected() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> VariableSpec.of("dense/kernel", Shape.of(2), TFloat32.class));
    assertTrue(e.getMessage().contains("`name`"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TensorValue(new long[] {-1, -1}, new float[1]));
  }
}
