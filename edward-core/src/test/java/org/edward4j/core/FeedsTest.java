package org.edward4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

class FeedsTest {

  @Test
  void sameShapeFeedsReuseTheTensorAndCarryNewValues() {
    try (ModelContext ctx = ModelContext.withSeed(1); Feeds feeds = new Feeds()) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
      var doubled = tf.math.mul(x, tf.constant(2f));
      feeds.put(x, new float[] {1, 2, 3, 4});
      Tensor first = feeds.asMap().get(x.asOutput());
      assertArrayEquals(new float[] {2, 4, 6, 8}, ctx.eval(doubled, feeds.asMap()).data());
      assertArrayEquals(new long[] {2, 2}, ctx.eval(doubled, feeds.asMap()).shape());
      feeds.put(x, new float[] {5, 6, 7, 8});
      assertSame(first, feeds.asMap().get(x.asOutput()), "a same-shape feed must reuse its tensor");
      assertArrayEquals(new float[] {10, 12, 14, 16}, ctx.eval(doubled, feeds.asMap()).data());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> feeds.put(x, new float[5]));
      assertTrue(e.getMessage().contains("multiple of 2"), e.getMessage());
      feeds.put(x, new float[][] {{1, 1}});
      assertArrayEquals(new float[] {2, 2}, ctx.eval(doubled, feeds.asMap()).data());
    }
  }

  @Test
  void wrongShapesAndTypesAreRejectedNamingThePlaceholder() {
    try (ModelContext ctx = ModelContext.withSeed(1); Feeds feeds = new Feeds()) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = tf.withName("x_ph").placeholder(TFloat32.class, Placeholder.shape(Shape.of(3, 2)));
      Placeholder<TInt32> n = tf.withName("n_ph").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> feeds.put(x, new float[5]));
      assertTrue(e.getMessage().contains("x_ph") && e.getMessage().contains("[3, 2]"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> feeds.put(n, new float[5]));
      assertTrue(e.getMessage().contains("n_ph"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> feeds.put(x, new float[][] {{1, 2}, {3}}));
      assertTrue(e.getMessage().contains("rectangular"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> feeds.put(x, "text"));
      assertTrue(e.getMessage().contains("String"), e.getMessage());
      feeds.put(n, new int[] {1, 2, 3});
      assertArrayEquals(new float[] {1, 2, 3}, ctx.eval(ctx.tf().identity(n), feeds.asMap()).data());
    }
  }

  @Test
  void aTensorOfTheWrongDtypeIsRejectedNamingThePlaceholderAndBothDtypes() {
    // Issue 17, defect 6: TensorFlow's own message ("Expects arg[1] to be float but int32 is
    // provided") names neither the placeholder nor where the value came from.
    try (ModelContext ctx = ModelContext.withSeed(1);
        TInt32 ints = TInt32.vectorOf(1, 2, 3);
        TFloat32 floats = TFloat32.vectorOf(1f, 2f, 3f)) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = tf.withName("x_ph").placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
      Placeholder<TInt32> n = tf.withName("n_ph").placeholder(TInt32.class, Placeholder.shape(Shape.of(3)));
      var y = tf.math.mul(x, tf.constant(2f));
      long runsBefore = ctx.sessionRunCount();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ctx.eval(y, java.util.Map.of(x, ints)));
      assertTrue(
          e.getMessage().contains("x_ph") && e.getMessage().contains("float32") && e.getMessage().contains("int32"),
          e.getMessage());
      assertEquals(runsBefore, ctx.sessionRunCount(), "the check must come before the session runs");
      e = assertThrows(IllegalArgumentException.class, () -> ctx.eval(tf.identity(n), java.util.Map.of(n, floats)));
      assertTrue(
          e.getMessage().contains("n_ph") && e.getMessage().contains("int32") && e.getMessage().contains("float32"),
          e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> ctx.eval(y, java.util.Map.of(x, new int[] {1, 2, 3})));
      assertTrue(e.getMessage().contains("x_ph") && e.getMessage().contains("int32"), e.getMessage());
      assertArrayEquals(new float[] {2, 4, 6}, ctx.eval(y, java.util.Map.of(x, floats)).data());
    }
  }

  @Test
  void closedFeedsAreRejected() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Placeholder<TFloat32> x = ctx.tf().placeholder(TFloat32.class);
      Feeds feeds = new Feeds();
      feeds.close();
      feeds.close();
      assertThrows(IllegalStateException.class, () -> feeds.put(x, new float[1]));
    }
  }
}
