package org.edward4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class RandomStepTest {

  private static Operand<TFloat32> normal(ModelContext ctx) {
    Ops tf = ctx.tf();
    return tf.random.statelessRandomNormal(tf.constant(new int[] {4}), ctx.statelessSeed(tf, ctx.nextOpSeed()));
  }

  @Test
  void drawsDependOnlyOnTheSeedAndTheNumberOfRuns() {
    float[][] first = new float[3][];
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Operand<TFloat32> x = normal(ctx);
      for (int i = 0; i < 3; i++) {
        first[i] = ctx.eval(x).data();
      }
      assertFalse(Arrays.equals(first[0], first[1]), "each run must draw anew");
      assertEquals(3, ctx.randomStep());
    }
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Operand<TFloat32> x = normal(ctx);
      ctx.setRandomStep(2);
      assertArrayEquals(first[2], ctx.eval(x).data(), "restoring the step resumes the stream");
    }
  }

  @Test
  void distinctOpsDrawDistinctValuesInOneRun() {
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Operand<TFloat32> a = normal(ctx);
      Operand<TFloat32> b = normal(ctx);
      var both = ctx.evalAll(java.util.List.of(a, b), java.util.Map.of());
      assertFalse(Arrays.equals(both.get(0).data(), both.get(1).data()));
    }
  }

  /** {@code ctx.run} is the one way to run: it feeds the step once (it used to be fed twice). */
  @Test
  void runFeedsTheStepExactlyOnce() {
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Operand<TFloat32> x = normal(ctx);
      try (Result r = ctx.run(ctx.runner().fetch(x))) {
        assertEquals(4, ((TFloat32) r.get(0)).shape().size());
      }
      assertEquals(1, ctx.randomStep());
      try (Result r = ctx.run(ctx.runner().fetch(x))) {
        assertEquals(4, ((TFloat32) r.get(0)).shape().size());
      }
      assertEquals(2, ctx.randomStep());
      // Run directly, a runner is not fed the step: the run fails rather than drawing unrecorded numbers.
      assertThrows(org.tensorflow.exceptions.TFInvalidArgumentException.class, () -> ctx.runner().fetch(x).run().close());
      assertEquals(2, ctx.randomStep());
      assertThrows(IllegalArgumentException.class, () -> ctx.setRandomStep(-1));
    }
  }

  /**
   * Work done while keeping the step consumes no draw: the runs after it draw exactly what they
   * would have drawn without it (bit for bit), whereas the same work done plainly shifts them.
   */
  @Test
  void keepingTheStepLeavesTheFollowingDrawsUnchanged() {
    float[][] plain = new float[3][];
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Operand<TFloat32> x = normal(ctx);
      for (int i = 0; i < 3; i++) {
        plain[i] = ctx.eval(x).data();
      }
    }
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Operand<TFloat32> x = normal(ctx);
      assertArrayEquals(plain[0], ctx.eval(x).data());
      float[][] inside = new float[2][];
      float[] returned = ctx.keepingRandomStep(() -> {
        inside[0] = ctx.eval(x).data();
        inside[1] = ctx.eval(x).data();
        return inside[1];
      });
      assertEquals(1, ctx.randomStep(), "the two runs inside must not advance the step");
      assertEquals(3, ctx.sessionRunCount(), "the work inside did run the graph");
      assertArrayEquals(inside[1], returned);
      // The runs inside were fed the steps the following runs are fed again: they drew the same numbers.
      assertArrayEquals(plain[1], inside[0]);
      assertArrayEquals(plain[2], inside[1]);
      assertArrayEquals(plain[1], ctx.eval(x).data(), "the next draw is the one a run without the work makes");
      assertArrayEquals(plain[2], ctx.eval(x).data());
    }
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Operand<TFloat32> x = normal(ctx);
      ctx.eval(x);
      ctx.eval(x); // the same evaluation done plainly
      assertEquals(2, ctx.randomStep());
      assertFalse(Arrays.equals(plain[1], ctx.eval(x).data()), "a plain run must shift the following draws");
    }
  }

  /** The void form, a checked exception thrown by the work, and a closed context. */
  @Test
  void keepingTheStepRestoresItWhenTheWorkThrows() throws Exception {
    try (ModelContext ctx = ModelContext.withSeed(9)) {
      Operand<TFloat32> x = normal(ctx);
      ctx.keepingRandomStep(() -> ctx.run(ctx.runner().fetch(x)).close());
      assertEquals(0, ctx.randomStep());
      java.io.IOException thrown = assertThrows(java.io.IOException.class, () -> ctx.keepingRandomStep(() -> {
        ctx.eval(x);
        throw new java.io.IOException("disk full");
      }));
      assertEquals("disk full", thrown.getMessage());
      assertEquals(0, ctx.randomStep(), "the step is put back when the work fails");
      assertEquals(2, ctx.sessionRunCount());
      ctx.close();
      assertThrows(IllegalStateException.class, () -> ctx.keepingRandomStep(() -> ctx.eval(x)));
    }
  }
}
