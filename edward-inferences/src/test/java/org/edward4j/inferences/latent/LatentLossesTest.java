package org.edward4j.inferences.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The shipped losses against closed forms computed here. */
class LatentLossesTest {

  private static final float[][] GENERATED = {{0.1f, 0.5f, 0.9f}, {1.0f, 0.0f, 0.25f}};
  private static final float[][] TARGETS = {{0.0f, 0.5f, 1.0f}, {0.5f, 0.5f, 0.5f}};
  private static final float[][] LOGITS = {{2.0f}, {-1.5f}};

  private static float[] evaluate(LatentLoss loss) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      LatentGanModel m = new LatentGanModel(tf.constant(GENERATED), tf.constant(LOGITS), tf.constant(TARGETS),
          tf.constant(new float[][] {{0f}, {0f}}));
      Operand<TFloat32> out = loss.perExample(tf, m);
      return ctx.evalAll(List.of(out), Map.of()).get(0).data();
    }
  }

  @Test
  void pixelL2IsTheMeanSquaredErrorOfEachExample() {
    // float32 arithmetic on values of order 1: agreement to 1e-7 relative
    assertArrayEquals(new float[] {(0.01f + 0 + 0.01f) / 3, (0.25f + 0.25f + 0.0625f) / 3}, evaluate(LatentLosses.pixelL2()), 1e-7f);
  }

  @Test
  void pixelL1IsTheMeanAbsoluteErrorOfEachExample() {
    assertArrayEquals(new float[] {(0.1f + 0 + 0.1f) / 3, (0.5f + 0.5f + 0.25f) / 3}, evaluate(LatentLosses.pixelL1()), 1e-7f);
  }

  @Test
  void realismIsTheNonSaturatingGeneratorLoss() {
    double first = Math.log1p(Math.exp(-2.0));
    double second = Math.log1p(Math.exp(1.5));
    assertArrayEquals(new float[] {(float) first, (float) second}, evaluate(LatentLosses.realism()), 1e-6f);
    float[] combined = evaluate(LatentLosses.pixelL2().plus(LatentLosses.realism().times(0.5)));
    assertEquals((0.02f / 3) + 0.5 * first, combined[0], 1e-6);
    assertEquals("pixelL2 + 0.5 * realism", LatentLosses.pixelL2().plus(LatentLosses.realism().times(0.5)).toString());
  }
}
