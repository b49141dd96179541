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
}
