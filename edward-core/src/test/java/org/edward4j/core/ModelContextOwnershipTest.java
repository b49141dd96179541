package org.edward4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.edward4j.core.checkpoints.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** What a context owns is reachable from it alone; values it made know it. */
class ModelContextOwnershipTest {

  @TempDir Path dir;

  @Test
  void noStaticRegistryOfContextsOrSavers() {
    for (Class<?> c : List.of(ModelContext.class, Checkpoints.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          assertFalse(Map.class.isAssignableFrom(f.getType()) || Collection.class.isAssignableFrom(f.getType()),
              c.getSimpleName() + "." + f.getName() + " is a static collection");
        }
      }
    }
  }

  @Test
  void valuesMadeThroughAContextKnowIt() {
    try (ModelContext ctx = ModelContext.withSeed(1); ModelContext other = ModelContext.withSeed(2)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(2, 3));
      Variable<TFloat32> w = ctx.scope("Gen").getVariable("w", Shape.of(3));
      assertSame(ctx, xPh.context());
      assertSame(ctx, w.context());
      assertEquals(Shape.of(2, 3), xPh.shape());
      Operand<TFloat32> plain = ctx.tf().constant(1f);
      assertSame(ctx, ContextOwned.ownerOf(List.of(plain, xPh, w), "xs").orElseThrow());
      assertTrue(ContextOwned.ownerOf(List.of(plain), "xs").isEmpty(), "a plain tensor does not know its context");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ContextOwned.ownerOf(List.of(xPh, other.tf().constant(1f)), "data"));
      assertTrue(e.getMessage().contains("`data`") && e.getMessage().contains("another graph"), e.getMessage());
      assertTrue(ctx.owns(plain) && !other.owns(plain));
    }
  }

  @Test
  void theContextOwnsItsSaversAndReusesThem() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      ctx.scope("Gen").getVariable("w", Shape.of(3));
      Checkpoints.save(ctx, dir);
      long ops = countOps(ctx);
      Checkpoints.save(ctx, dir);
      assertEquals(ops, countOps(ctx), "the second save reuses the saver the context keeps");
    }
  }

  private static long countOps(ModelContext ctx) {
    long n = 0;
    for (var it = ctx.graph().operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  @Test
  void attachmentsAreCreatedOnceAndClosedWithTheContext() {
    ContextAttachment<AutoCloseableFlag> key = new ContextAttachment<>("flag");
    AutoCloseableFlag flag;
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      flag = ctx.attachment(key, c -> new AutoCloseableFlag());
      assertSame(flag, ctx.attachment(key, c -> new AutoCloseableFlag()));
      assertFalse(flag.closed);
    }
    assertTrue(flag.closed);
  }

  private static final class AutoCloseableFlag implements AutoCloseable {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void evalTakesTheFeedValuesUpdateTakes() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(2, 2));
      Operand<TFloat32> twice = ctx.tf().math.mul(xPh, ctx.tf().constant(2f));
      float[] expected = {2, 4, 6, 8};
      assertArrayEquals(expected, ctx.eval(twice, Map.of(xPh, new float[] {1, 2, 3, 4})).data());
      assertArrayEquals(expected, ctx.eval(twice, Map.of(xPh, new float[][] {{1, 2}, {3, 4}})).data());
      assertArrayEquals(expected,
          ctx.eval(twice, Map.of(xPh, new TensorValue(new long[] {2, 2}, new float[] {1, 2, 3, 4}))).data());
      try (TFloat32 t = TFloat32.vectorOf(1, 2, 3, 4)) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ctx.eval(twice, Map.of(xPh, t)));
        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
      }
      var idx = ctx.placeholder(TInt32.class, Shape.of(3));
      Operand<TInt32> plusOne = ctx.tf().math.add(idx, ctx.tf().constant(1));
      assertArrayEquals(new int[] {2, 3, 4}, ctx.eval(plusOne, Map.of(idx, new int[] {1, 2, 3})).ints());
    }
  }

  @Test
  void integerTensorsKeepTheirExactValues() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      // 2^24 + 1 is the first integer a float cannot hold.
      TensorValue v = ctx.eval(ctx.tf().constant(new long[] {16_777_217L, -3L}));
      assertTrue(v.isIntegral());
      assertArrayEquals(new long[] {16_777_217L, -3L}, v.longs());
      assertEquals("TensorValue[2] [16777217, -3]", v.toString());
      TensorValue f = ctx.eval(ctx.tf().constant(0.5f));
      assertFalse(f.isIntegral());
      assertThrows(IllegalStateException.class, f::ints);
      assertThrows(ArithmeticException.class, () -> ctx.eval(ctx.tf().constant(new long[] {1L << 40})).ints());
      Operand<TInt64> unused = ctx.tf().constant(1L);
      assertEquals(1L, ctx.eval(unused).longs()[0]);
    }
  }

  @Test
  void anUnnamedVariableIsTensorFlowsTfVariable() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope q = ctx.scope("q");
      Variable<TFloat32> a = q.variable(0.5);
      Variable<TFloat32> b = q.variable(Shape.of(2), -1.0);
      assertEquals("q/Variable", a.name());
      assertEquals("q/Variable_1", b.name());
      assertTrue(a.isTrainable());
      assertEquals(0.5f, ctx.eval(a).scalar());
      assertArrayEquals(new float[] {-1, -1}, ctx.eval(b).data());
      assertEquals("Variable", ctx.rootScope().variable(1.0).name());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.variable(Double.NaN));
      assertEquals("`initialValue` must be finite, got NaN", e.getMessage());
    }
  }

  @Test
  void aCloseDuringRunsNeverFreesWhatARunIsUsing() throws Exception {
    // Issue 17, defect 8: run() checked `open` outside the lock that close() takes, so a close()
    // in the gap freed the random step's tensor and the session under a run (a
    // NullPointerException, or TensorFlow's own error); eval read the graph natively before any
    // check. Every call must either complete or fail with edward4j's "is closed". The gaps are a
    // few instructions wide, so they are hit by repetition: one thread spins on run (with runners
    // fetched in advance, so nothing but run's own check stands between it and the graph), one on
    // eval, while the main thread closes, 200 times.
    for (int round = 0; round < 200; round++) {
      ModelContext ctx = ModelContext.withSeed(round);
      var tf = ctx.tf();
      Operand<TFloat32> eps = tf.random.statelessRandomNormal(tf.constant(new int[] {2}), ctx.statelessSeed(tf, ctx.nextOpSeed()));
      ctx.eval(eps);
      // Runners fetched while the graph is open (fetch itself reads the graph), consumed by the run
      // loop: usually far more than it uses before the close, which follows its first run.
      java.util.Deque<org.tensorflow.Session.Runner> runners = new java.util.ArrayDeque<>();
      for (int i = 0; i < 500; i++) {
        runners.add(ctx.runner().fetch(eps));
      }
      List<Runnable> loops = List.of(
          () -> ctx.eval(eps),
          () -> {
            // A loaded machine may delay the close past 500 runs: keep the last runner for after it.
            while (runners.size() == 1 && !ctx.isClosed()) {
              Thread.onSpinWait();
            }
            ctx.run(runners.pop()).close();
          });
      List<java.util.concurrent.atomic.AtomicReference<Throwable>> failures = new java.util.ArrayList<>();
      List<Thread> threads = new java.util.ArrayList<>();
      java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(loops.size());
      for (Runnable loop : loops) {
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        failures.add(failure);
        Thread thread = new Thread(() -> {
          try {
            while (true) {
              loop.run();
              running.countDown();
            }
          } catch (Throwable t) {
            failure.set(t);
          }
        });
        threads.add(thread);
        thread.start();
      }
      running.await();
      ctx.close();
      for (int i = 0; i < threads.size(); i++) {
        threads.get(i).join(10_000);
        assertFalse(threads.get(i).isAlive(), "a looping thread must stop once the context is closed");
        Throwable t = failures.get(i).get();
        assertTrue(
            t instanceof IllegalStateException && t.getMessage().contains("ModelContext(seed=" + round + ") is closed"),
            "round " + round + ", loop " + i + ": " + stackOf(t));
      }
    }
  }

  private static String stackOf(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    if (t != null) {
      t.printStackTrace(new java.io.PrintWriter(w));
    }
    return String.valueOf(t) + "\n" + w;
  }
}
