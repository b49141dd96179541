package org.edward4j.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class LearningRateTest {

  @Test
  void exponentialDecayFollowsTf1WithAndWithoutStaircase() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
      Ops tf = ctx.tf();
      Operand<TFloat32> smooth = LearningRate.exponentialDecay(0.1, step, 100, 0.9, false).build(tf);
      Operand<TFloat32> stairs = LearningRate.exponentialDecay(0.1, step, 100, 0.9, true).build(tf);
      for (long s : new long[] {0, 1, 99, 100, 150, 250, 1000}) {
        try (Result r = ctx.run(ctx.session().runner().addTarget(step.assign(tf, tf.constant(s))))) {
          // assignment only
        }
        // float32 results: relative error 1e-7, so 1e-8 absolute on rates at most 0.1.
        assertEquals(0.1 * Math.pow(0.9, s / 100.0), ctx.eval(smooth).scalar(), 1e-8, "step " + s);
        assertEquals(0.1 * Math.pow(0.9, Math.floorDiv(s, 100)), ctx.eval(stairs).scalar(), 1e-8, "step " + s);
      }
    }
  }

  @Test
  void constantAndTensorRatesAreUsedAsGiven() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      assertEquals(0.25f, ctx.eval(LearningRate.constant(0.25).build(tf)).scalar());
      Operand<TFloat32> t = tf.constant(0.5f);
      assertSame(t, LearningRate.of(t).build(tf));
    }
  }

  @Test
  void globalStepIsOneSharedInt64Scalar() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
      assertSame(step, GlobalStep.getOrCreate(ctx));
      assertEquals("global_step", step.name());
      assertEquals(0f, ctx.eval(step).scalar());
      assertEquals(java.util.List.of(), ctx.collections().trainableVariables(null));
    }
  }

  @Test
  void invalidSchedulesAreRejected() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
      assertThrows(IllegalArgumentException.class, () -> LearningRate.constant(-1));
      assertThrows(IllegalArgumentException.class, () -> LearningRate.constant(Double.NaN));
      assertThrows(IllegalArgumentException.class, () -> LearningRate.exponentialDecay(0.1, step, 0, 0.9, true));
      assertThrows(IllegalArgumentException.class, () -> LearningRate.exponentialDecay(0.1, step, 10, 0, true));
      assertEquals("exponentialDecay(0.1, global_step, 100, 0.9, staircase)",
          LearningRate.exponentialDecay(0.1, step, 100, 0.9, true).toString());
    }
  }
}
