package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.GradientDescent;
import org.edward4j.models.Normal;
import org.edward4j.models.PointMass;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** With {@code debug(true)} a non-finite loss stops the update before it writes anything (issue 17). */
class NumericGateTest {

  /**
   * MAP of mu ~ N(0, 1), x ~ N(mu, 1) with gradient descent at rate 1/2: one step sets mu to x / 2
   * exactly. A NaN datum makes the loss NaN; ungated, the step wrote mu = NaN.
   */
  @Test
  void aNanBatchLeavesTheWeightsAndTUnchangedUnderDebug() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      VariableScope model = ctx.scope("model");
      Normal mu = Normal.of(model, 0.0, 1.0);
      Normal x = Normal.builder(model).loc(mu).scale(1.0).sampleShape(1).build();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(1));
      Variable<TFloat32> v = ctx.scope("posterior").getVariable("mu", Shape.scalar(), Initializers.zeros());
      MAP inference = new MAP(Map.of(mu, PointMass.of(ctx.scope("posterior"), v)), Map.of(x, xPh));
      inference.initialize(
          VariationalOptions.builder().nPrint(0).debug(true).optimizer(GradientDescent.create(0.5)).build());

      assertEquals(1, inference.update(Map.of(xPh, new float[] {2})).t());
      assertEquals(1f, ctx.eval(v).scalar(), 0f, "a finite batch trains: mu = 2 / 2");

      NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
          () -> inference.update(Map.of(xPh, new float[] {Float.NaN})));
      assertEquals("loss", e.tensor());
      assertEquals(2, e.iteration(), "the update attempted");
      // traced to its origin: the NaN came in through the data placeholder
      assertTrue(e.origin().startsWith("op " + xPh.op().name() + " (Placeholder)"), e.origin());
      assertTrue(e.getMessage().contains("the value fed to it holds NaN or Inf"), e.getMessage());
      assertEquals(1f, ctx.eval(v).scalar(), 0f, "the NaN batch wrote no weight");
      assertEquals(1, inference.iteration(), "a rejected update does not count");
      assertEquals(1L, (long) ctx.eval(inference.iterationVariable()).data()[0], "nor does the graph counter");

      // The inference stays usable: the next finite batch is update 2.
      assertEquals(2, inference.update(Map.of(xPh, new float[] {4})).t());
      assertEquals(2f, ctx.eval(v).scalar(), 0f);
    }
  }

  /**
   * A GAN's two steps are gated on both losses: a NaN data batch makes the discriminator's loss NaN
   * while the generator's (which sees only fakes) stays finite, and neither side may move.
   */
  @Test
  void aNanBatchMovesNeitherSideOfAGan() {
    try (ModelContext ctx = ModelContext.withSeed(21)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(4, 1));
      VariableScope gen = ctx.scope("Gen");
      Variable<TFloat32> a = gen.getVariable("a", Shape.of(1), Initializers.zeros());
      Normal x = Normal.builder(gen).loc(a).scale(1.0).sampleShape(4).build();
      GANInference inference = new GANInference(Map.of(x, xPh), (s, in) -> TestNets.mlp(s, in, 3));
      inference.initialize(GanOptions.builder().nPrint(0).debug(true).build());
      inference.update(Map.of(xPh, new float[] {1, 2, 3, 4}));
      float[][] before = snapshot(ctx);

      NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
          () -> inference.update(Map.of(xPh, new float[] {1, Float.NaN, 3, 4})));
      assertEquals("loss_d", e.tensor());
      assertTrue(e.origin().startsWith("op " + xPh.op().name() + " (Placeholder)"), e.origin());
      float[][] after = snapshot(ctx);
      for (int i = 0; i < before.length; i++) {
        assertArrayEquals(before[i], after[i], "variable " + i + " changed by a rejected update");
      }
      assertEquals(1, inference.iteration());
      assertTrue(before.length > 2, "generator and discriminator variables compared");
    }
  }

  /**
   * A finite loss with an infinite gradient: MAP of x ~ N(sqrt(mu), 1) at mu = 0, where the loss is
   * finite but d sqrt(mu) / d mu is infinite. Only the gradient check can stop this step; ungated,
   * gradient descent wrote mu = inf. The origin is the square root's gradient op.
   */
  @Test
  void anInfiniteGradientOfAFiniteLossIsGatedAndTraced() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      VariableScope model = ctx.scope("model");
      Normal mu = Normal.of(model, 0.0, 1.0);
      Normal x = Normal.builder(model).loc(ctx.tf().math.sqrt(mu)).scale(1.0).sampleShape(1).build();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(1));
      Variable<TFloat32> v = ctx.scope("posterior").getVariable("mu", Shape.scalar(), Initializers.zeros());
      MAP inference = new MAP(Map.of(mu, PointMass.of(ctx.scope("posterior"), v)), Map.of(x, xPh));
      inference.initialize(
          VariationalOptions.builder().nPrint(0).debug(true).optimizer(GradientDescent.create(0.5)).build());
      NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
          () -> inference.update(Map.of(xPh, new float[] {2})));
      assertEquals("loss", e.tensor());
      assertTrue(e.getMessage().startsWith("NaN or Inf in the gradient of `loss` for posterior/mu at iteration 1"),
          e.getMessage());
      assertTrue(e.origin().contains("(SqrtGrad)"), e.origin());
      assertEquals(0f, ctx.eval(v).scalar(), 0f, "the weight was not written");
      assertEquals(0, inference.iteration());
      assertEquals(0L, (long) ctx.eval(inference.iterationVariable()).data()[0], "nor the graph counter");
    }
  }

  /** Without debug the same step is applied and writes a non-finite weight: the gate is what stops it. */
  @Test
  void withoutDebugTheInfiniteGradientIsApplied() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      VariableScope model = ctx.scope("model");
      Normal mu = Normal.of(model, 0.0, 1.0);
      Normal x = Normal.builder(model).loc(ctx.tf().math.sqrt(mu)).scale(1.0).sampleShape(1).build();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(1));
      Variable<TFloat32> v = ctx.scope("posterior").getVariable("mu", Shape.scalar(), Initializers.zeros());
      MAP inference = new MAP(Map.of(mu, PointMass.of(ctx.scope("posterior"), v)), Map.of(x, xPh));
      inference.initialize(VariationalOptions.builder().nPrint(0).optimizer(GradientDescent.create(0.5)).build());
      inference.update(Map.of(xPh, new float[] {2}));
      assertTrue(!Float.isFinite(ctx.eval(v).scalar()));
    }
  }

  private static float[][] snapshot(ModelContext ctx) {
    return ctx.variables().all().stream()
        .filter(v -> v.dtype() == TFloat32.class)
        .map(v -> ctx.eval(v.value()).data())
        .toArray(float[][]::new);
  }
}
