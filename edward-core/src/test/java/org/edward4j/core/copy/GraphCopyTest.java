package org.edward4j.core.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext.OpSeed;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Tensor-level copies: swaps, shared variables and placeholders, redrawn randomness, memoization. */
class GraphCopyTest {

  @Test
  void swapsAnAncestorAndLeavesTheOriginalIntact() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.constant(2f);
      Operand<TFloat32> y = tf.constant(3f);
      Operand<TFloat32> z = tf.math.add(tf.math.mul(x, y), tf.constant(1f));
      Operand<TFloat32> qx = tf.constant(4f);
      GraphCopy copy = GraphCopy.builder(ctx).swap(x, qx).build();
      Operand<TFloat32> zNew = copy.copy(z);
      // Edward's docstring example: 2 * 3 (+ 1) before, 4 * 3 (+ 1) after.
      assertEquals(7f, ctx.eval(z).scalar());
      assertEquals(13f, ctx.eval(zNew).scalar());
      assertTrue(zNew.op().name().startsWith(copy.prefix() + "/"), zNew.op().name());
      assertSame(zNew, copy.copy(z), "copies are memoized within one scope");
      assertSame(y, copy.copy(y), "a tensor that depends on no swap and no randomness is shared");
    }
  }

  @Test
  void variablesAndPlaceholdersAreSharedNotCopied() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Variable<TFloat32> w = ctx.scope("p").getVariable("w", Shape.scalar(), Initializers.constant(5));
      Placeholder<TFloat32> ph = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Operand<TFloat32> h = tf.math.mul(w, ph);
      Operand<TFloat32> a = tf.constant(1f);
      Operand<TFloat32> out = tf.math.add(h, a);
      Operand<TFloat32> copied = GraphCopy.builder(ctx).swap(a, tf.constant(10f)).build().copy(out);
      try (TFloat32 two = TFloat32.scalarOf(2f)) {
        assertEquals(20f, ctx.eval(copied, Map.of(ph, two)).scalar(), "5 * 2 + 10");
      }
      // The variable is read, not duplicated: assigning it changes the copy too.
      ctx.run(ctx.session().runner().addTarget(w.assign(tf, tf.constant(7f)))).close();
      try (TFloat32 two = TFloat32.scalarOf(2f)) {
        assertEquals(24f, ctx.eval(copied, Map.of(ph, two)).scalar(), "7 * 2 + 10");
      }
    }
  }

  @Test
  void randomOpsAreRedrawnWithFreshSeeds() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      Ops tf = ctx.tf();
      OpSeed s = ctx.nextOpSeed();
      Operand<TFloat32> eps = tf.random.randomStandardNormal(tf.constant(new int[] {1000}), TFloat32.class,
          RandomStandardNormal.seed(s.seed()), RandomStandardNormal.seed2(s.seed2()));
      Operand<TFloat32> loc = tf.constant(0f);
      Operand<TFloat32> draw = tf.math.add(eps, loc);
      GraphCopy copy = GraphCopy.builder(ctx).swap(loc, tf.constant(100f)).build();
      Operand<TFloat32> copied = copy.copy(draw);
      Operand<TFloat32> unswapped = GraphCopy.builder(ctx).build().copy(draw);
      List<TensorValue> v = ctx.evalAll(List.of(draw, copied, unswapped), Map.of());
      float[] a = v.get(0).data();
      float[] b = v.get(1).data();
      float[] c = v.get(2).data();
      double meanShift = 0;
      for (int i = 0; i < a.length; i++) {
        meanShift += (b[i] - a[i]) / a.length;
      }
      // b - a = 100 + (eps' - eps): mean 100, standard error sqrt(2 / 1000) = 0.045.
      assertEquals(100, meanShift, 0.3);
      assertNotEquals(a[0], c[0], "a copy with no swap still draws anew (Edward's copy of a seeded op)");
      assertEquals(List.of(eps.op().name()), copy.redrawnRandomOps());
    }
  }

  @Test
  void statelessRandomOpsGetANewSeedTensor() {
    try (ModelContext ctx = ModelContext.withSeed(4)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> eps = tf.random.statelessRandomNormal(tf.constant(new int[] {1000}), ctx.statelessSeed(tf, ctx.nextOpSeed()));
      Operand<TFloat32> copied = GraphCopy.builder(ctx).build().copy(eps);
      List<TensorValue> v = ctx.evalAll(List.of(eps, copied), Map.of());
      float[] a = v.get(0).data();
      float[] b = v.get(1).data();
      double sumSq = 0;
      for (int i = 0; i < a.length; i++) {
        sumSq += (a[i] - b[i]) * (a[i] - b[i]) / a.length;
      }
      // Independent N(0, 1) draws differ by N(0, 2): mean square 2 (sd of the mean 0.09); a copy
      // that reused the seed would give exactly 0.
      assertEquals(2, sumSq, 0.5);
    }
  }

  @Test
  void rejectsSwapsOfAnotherTypeOrShape() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.withName("x").constant(new float[] {1, 2});
      GraphCopy.Builder b = GraphCopy.builder(ctx);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.swap(x, tf.constant(new int[] {1, 2})));
      assertTrue(e.getMessage().contains("FLOAT") || e.getMessage().contains("float"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> b.swap(x, tf.constant(new float[] {1, 2, 3})));
      assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[3]"), e.getMessage());
      try (ModelContext other = ModelContext.withSeed(2)) {
        Operand<TInt32> foreign = other.tf().constant(1);
        assertThrows(IllegalArgumentException.class, () -> GraphCopy.builder(ctx).build().copy(foreign));
      }
    }
  }

  @Test
  void copiesListInputsAndControlDependencies() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> a = tf.constant(new float[] {1});
      Operand<TFloat32> b = tf.constant(new float[] {2});
      Operand<TFloat32> joined = tf.concat(List.of(a, b, a), tf.constant(0));
      Operand<TFloat32> out = tf.withControlDependencies(List.of(joined)).identity(joined);
      Operand<TFloat32> copied = GraphCopy.builder(ctx).swap(a, tf.constant(new float[] {9})).build().copy(out);
      assertArrayEquals(new float[] {9, 2, 9}, ctx.eval(copied).data());
      assertArrayEquals(new float[] {1, 2, 1}, ctx.eval(out).data());
    }
  }

  /** {@code x / 2^3} by a TF1 while loop named {@code name}; with {@code noisy}, the body adds a stateless draw. */
  private static Operand<TFloat32> halveThrice(ModelContext ctx, Operand<TFloat32> x, String name, boolean noisy) {
    Ops tf = ctx.tf();
    org.tensorflow.Output<?>[] loop = ctx.graph().whileLoop(new org.tensorflow.Output<?>[] {tf.constant(0).asOutput(), x.asOutput()},
        (g, in, out) -> {
          Ops t = Ops.create(g);
          out[0] = t.math.less(in[0].expect(TInt32.class), t.constant(3)).asOutput();
        },
        (g, in, out) -> {
          Ops t = Ops.create(g);
          out[0] = t.math.add(in[0].expect(TInt32.class), t.constant(1)).asOutput();
          Operand<TFloat32> half = t.math.mul(in[1].expect(TFloat32.class), t.constant(0.5f));
          if (noisy) {
            half = t.math.add(half, t.random.statelessRandomNormal(t.constant(new int[0]), t.constant(new long[] {1, 2})));
          }
          out[1] = half.asOutput();
        },
        name);
    return tf.reshape(loop[1].expect(TFloat32.class), tf.constant(new int[0]));
  }

  @Test
  void aDeterministicWhileLoopIsSharedByTheCopy() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> loop = halveThrice(ctx, tf.constant(8f), "halve", false);
      Operand<TFloat32> a = tf.constant(1f);
      Operand<TFloat32> out = tf.math.add(loop, a);
      Operand<TFloat32> copied = GraphCopy.builder(ctx).swap(a, tf.constant(10f)).build().copy(out);
      assertEquals(11f, ctx.eval(copied).scalar(), "8 / 2^3 + 10, the loop read where it is");
      assertEquals(2f, ctx.eval(out).scalar());
    }
  }

  @Test
  void aWhileLoopThatWouldNeedACopyIsRefusedByName() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.constant(8f);
      Operand<TFloat32> swappedLoop = tf.math.add(halveThrice(ctx, x, "halve_x", false), tf.constant(1f));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> GraphCopy.builder(ctx).swap(x, tf.constant(16f)).build().copy(swappedLoop));
      assertTrue(e.getMessage().contains("while loop `halve_x` (op halve_x/"), e.getMessage());
      assertTrue(e.getMessage().contains("which reads " + x.op().name()), e.getMessage());
      Operand<TFloat32> noisy = tf.math.add(halveThrice(ctx, tf.constant(8f), "noisy", true), tf.constant(1f));
      e = assertThrows(IllegalArgumentException.class, () -> GraphCopy.builder(ctx).build().copy(noisy));
      assertTrue(e.getMessage().contains("while loop `noisy` (op noisy/"), e.getMessage());
      assertTrue(e.getMessage().contains("draws random numbers inside (noisy/"), e.getMessage());
    }
  }
}
