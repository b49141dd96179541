package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** An inference finds its context from its inputs' owner, or is given it; never from a registry. */
class InferenceContextTest {

  private static Operand<TFloat32> generated(ModelContext ctx) {
    VariableScope gen = ctx.scope("Gen");
    Operand<TFloat32> noise = ctx.tf().zeros(ctx.tf().constant(new int[] {4, 2}), TFloat32.class);
    return TestNets.dense(gen, noise, 1, v -> v);
  }

  private static final Discriminator D = (s, in) -> TestNets.mlp(s, in, 3);

  @Test
  void aPlaceholderMadeByTheContextNamesIt() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(4, 1));
      GANInference inference = new GANInference(Map.of(generated(ctx), xPh), D);
      assertSame(ctx, inference.context());
      inference.initialize(GanOptions.builder().nPrint(0).build());
      assertEquals(1, inference.update(Map.of(xPh, new float[] {1, 2, 3, 4})).t());
    }
  }

  @Test
  void plainTensorsNeedTheContextGivenExplicitly() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Placeholder<TFloat32> xPh = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(4, 1)));
      Operand<TFloat32> x = generated(ctx);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GANInference(Map.of(x, xPh), D));
      assertTrue(e.getMessage().contains("ctx.placeholder") && e.getMessage().contains("first argument"), e.getMessage());
      GANInference inference = new GANInference(ctx, Map.of(x, xPh), D);
      assertSame(ctx, inference.context());
      BiGANInference bigan = new BiGANInference(ctx, Map.of(xPh, x), Map.of(x, xPh), (s, a, b) -> TestNets.mlp(s, a, 3));
      assertSame(ctx, bigan.context());
    }
  }

  @Test
  void tensorsOfAnotherContextAreRejected() {
    try (ModelContext ctx = ModelContext.withSeed(1); ModelContext other = ModelContext.withSeed(2)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(4, 1));
      Operand<TFloat32> elsewhere = generated(other);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new GANInference(Map.of(elsewhere, xPh), D));
      assertTrue(e.getMessage().contains("ModelContext"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> new WGANInference(other, Map.of(generated(ctx), xPh), D));
      assertTrue(e.getMessage().contains("does not belong to"), e.getMessage());
    }
  }

  @Test
  void aClosedContextIsReportedByEdward4jBeforeTensorFlowSeesIt() {
    // Issue 17, defect 8: the constructors read op names first, and on a closed graph TensorFlow
    // failed with "close() has been called on the Graph", naming nothing of ours.
    ModelContext ctx = ModelContext.withSeed(1);
    ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(4, 1));
    Operand<TFloat32> x = generated(ctx);
    ModelContext closedOne = ctx;
    ctx.close();
    for (java.util.function.Supplier<Object> make : java.util.List.<java.util.function.Supplier<Object>>of(
        () -> new GANInference(Map.of(x, xPh), D),
        () -> new GANInference(closedOne, Map.of(x, xPh), D),
        () -> new WGANInference(closedOne, Map.of(x, xPh), D),
        () -> new BiGANInference(closedOne, Map.of(xPh, x), Map.of(x, xPh), (s, a, b) -> TestNets.mlp(s, a, 3)))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, make::get);
      assertTrue(e.getMessage().contains("ModelContext(seed=1) is closed"), e.getMessage());
    }
  }
}
