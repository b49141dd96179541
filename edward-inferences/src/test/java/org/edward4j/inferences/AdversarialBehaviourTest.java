package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Regularizers;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.VariableSpec;
import org.edward4j.core.optimizers.OptimizerName;
import org.edward4j.core.summaries.EventFiles;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The two-sided update mechanics, logging, checks and argument validation of the GAN family. */
class AdversarialBehaviourTest {

  /** A small GAN: x = a + eps, eps ~ N(0, 1), [4, 2]; a 2-layer discriminator. */
  private static final class Fixture {
    final ModelContext ctx = ModelContext.withSeed(11);
    final Ops tf = ctx.tf();
    final ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(4, 2));
    final Variable<TFloat32> a;
    final Normal x;
    final float[] batch = new float[8];

    Fixture() {
      VariableScope gen = ctx.scope("Gen");
      a = gen.getVariable("a", Shape.of(2), Initializers.zeros());
      x = Normal.builder(gen).loc(a).scale(1.0).sampleShape(4).build();
      Arrays.fill(batch, 2f);
    }
  }

  private static Map<String, float[]> snapshot(ModelContext ctx) {
    Map<String, float[]> out = new java.util.HashMap<>();
    for (Variable<?> v : ctx.collections().trainableVariables(null)) {
      out.put(v.name(), ctx.eval(v).data());
    }
    return out;
  }

  @Test
  void eachSideUpdatesOnlyItsOwnVariables() {
    Fixture f = new Fixture();
    try (ModelContext ctx = f.ctx) {
      GANInference inference = new GANInference(Map.of(f.x, f.xPh), (s, in) -> TestNets.mlp(s, in, 3));
      inference.initialize(GanOptions.builder().optimizer(OptimizerName.parse("adam")).optimizerD(OptimizerName.parse("adam")).build());
      List<Variable<?>> gen = inference.trainedVariables(Side.GEN);
      List<Variable<?>> disc = inference.trainedVariables(Side.DISC);
      Set<Variable<?>> union = new HashSet<>(gen);
      union.addAll(disc);
      assertEquals(gen.size() + disc.size(), union.size(), "disjoint");
      assertEquals(new HashSet<>(ctx.collections().trainableVariables(null)), union, "complete");
      assertEquals(List.of(f.a), gen);
      assertEquals(6, disc.size());
      disc.forEach(v -> assertTrue(v.name().startsWith("Disc/"), v.name()));

      Map<String, float[]> before = snapshot(ctx);
      inference.update(Map.of(f.xPh, f.batch), Side.DISC);
      Map<String, float[]> afterDisc = snapshot(ctx);
      for (String name : before.keySet()) {
        boolean moved = !Arrays.equals(before.get(name), afterDisc.get(name));
        assertEquals(name.startsWith("Disc/"), moved, name + (moved ? " moved" : " did not move"));
      }
      inference.update(Map.of(f.xPh, f.batch), Side.GEN);
      Map<String, float[]> afterGen = snapshot(ctx);
      for (String name : before.keySet()) {
        boolean moved = !Arrays.equals(afterDisc.get(name), afterGen.get(name));
        assertEquals(name.startsWith("Gen/"), moved, name + (moved ? " moved" : " did not move"));
      }
    }
  }

  @Test
  void regularizationPenaltiesAreAddedToEachSidesLoss() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      Ops tf = ctx.tf();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(3, 1));
      VariableScope gen = ctx.scope("Gen");
      Variable<TFloat32> a = gen.getVariable(
          VariableSpec.of("a", Shape.of(1), TFloat32.class).withInitializer(Initializers.constant(2)).withRegularizer(Regularizers.l2(0.5)));
      Operand<TFloat32> x = gen.tf().math.mul(gen.tf().ones(gen.tf().constant(new int[] {3, 1}), TFloat32.class), a);
      // A discriminator whose logits are 0 at the start: each cross-entropy term is log 2.
      Discriminator zero = (s, in) -> {
        Variable<TFloat32> w = s.getVariable(
            VariableSpec.of("w", Shape.of(1, 1), TFloat32.class)
                .withInitializer(Initializers.zeros()).withRegularizer(Regularizers.l1(0.25)));
        Variable<TFloat32> c = s.getVariable(
            VariableSpec.of("c", Shape.of(1), TFloat32.class).withInitializer(Initializers.constant(-3)));
        return s.tf().math.add(s.tf().linalg.matMul(in, w), s.tf().math.mul(c, s.tf().constant(0f)));
      };
      GANInference inference = new GANInference(Map.of(x, xPh), zero);
      inference.initialize();
      float[] values = new float[] {1, 2, 3};
      UpdateInfo info = inference.update(Map.of(xPh, values));
      double log2 = Math.log(2);
      // Gen: log 2 + 0.5 * 2^2 / 2 = log 2 + 1; Disc: 2 log 2 + 0.25 * |0| = 2 log 2.
      assertEquals(log2 + 1.0, info.loss(), 1e-5);
      assertEquals(2 * log2, info.lossD(), 1e-5);
    }
  }

  @Test
  void badArgumentsAreRejectedBeforeAnyRun() {
    Fixture f = new Fixture();
    try (ModelContext ctx = f.ctx) {
      Discriminator d = (s, in) -> TestNets.mlp(s, in, 3);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GANInference(Map.of(), d));
      assertTrue(e.getMessage().contains("empty"), e.getMessage());
      ContextPlaceholder<TFloat32> other = f.ctx.placeholder(TFloat32.class, Shape.of(4, 3));
      e = assertThrows(IllegalArgumentException.class, () -> new GANInference(Map.of(f.x, other), d));
      assertTrue(e.getMessage().contains("[4, 2]") && e.getMessage().contains("[4, 3]"), e.getMessage());
      Map<Operand<?>, Operand<?>> two = Map.of(f.x, f.xPh, f.a, f.a);
      e = assertThrows(IllegalArgumentException.class, () -> new GANInference(two, d));
      assertTrue(e.getMessage().contains("exactly one"), e.getMessage());
      assertThrows(NullPointerException.class, () -> new GANInference(Map.of(f.x, f.xPh), null));

      GANInference wrongShape = new GANInference(Map.of(f.x, f.xPh), (s, in) -> TestNets.dense(s, in, 3, UnaryOperator.identity()));
      e = assertThrows(IllegalArgumentException.class, wrongShape::initialize);
      assertTrue(e.getMessage().contains("one logit per example") && e.getMessage().contains("[4, 3]"), e.getMessage());

      GANInference inference = new GANInference(Map.of(f.x, f.xPh), d);
      assertThrows(IllegalStateException.class, () -> inference.update(Map.of(f.xPh, f.batch)));
    }
    try (ModelContext ctx = new Fixture().ctx) {
      ctx.checkOpen();
    }
    Fixture g = new Fixture();
    try (ModelContext ctx = g.ctx) {
      GANInference inference = new GANInference(Map.of(g.x, g.xPh), (s, in) -> TestNets.mlp(s, in, 3));
      inference.initialize();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> inference.update(Map.of(g.xPh, new float[6])));
      assertTrue(e.getMessage().contains("x_ph") && e.getMessage().contains("[4, 2]"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> inference.update(Map.of()));
      assertTrue(e.getMessage().contains("x_ph"), e.getMessage());
      long runs = ctx.sessionRunCount();
      assertThrows(IllegalArgumentException.class, () -> inference.update(Map.of(g.xPh, new float[6])));
      assertEquals(runs, ctx.sessionRunCount(), "a bad feed must be caught before any Session.run");
    }
  }

  @Test
  void logdirWritesLossScalarsAndDiscriminatorHistograms(@TempDir Path dir) throws IOException {
    Fixture f = new Fixture();
    try (ModelContext ctx = f.ctx) {
      GANInference inference = new GANInference(Map.of(f.x, f.xPh), (s, in) -> TestNets.mlp(s, in, 3));
      inference.initialize(GanOptions.builder().nIter(4).nPrint(2).logdir(dir).logTimestamp(false).build());
      for (int i = 0; i < 4; i++) {
        inference.update(Map.of(f.xPh, f.batch));
      }
      inference.finish();
    }
    List<EventFiles.Value> values = EventFiles.read(dir);
    List<Long> lossSteps = new ArrayList<>();
    values.stream().filter(v -> v.tag().equals("loss")).forEach(v -> lossSteps.add(v.step()));
    assertEquals(List.of(1L, 2L, 4L), lossSteps, "logged at t == 1 and every nPrint, as Edward");
    assertTrue(values.stream().anyMatch(v -> v.tag().equals("loss/discriminative") && Double.isFinite(v.scalar())));
    assertTrue(values.stream().anyMatch(v -> v.tag().equals("discriminator_outputs") && v.histogramCount() == 8));
  }

  @Test
  void debugStopsAtANonFiniteLossNamingItAndTheIteration() {
    Fixture f = new Fixture();
    try (ModelContext ctx = f.ctx) {
      GANInference inference = new GANInference(Map.of(f.x, f.xPh), (s, in) -> TestNets.mlp(s, in, 3));
      inference.initialize(GanOptions.builder().debug(true).build());
      inference.update(Map.of(f.xPh, f.batch));
      float[] bad = f.batch.clone();
      bad[3] = Float.NaN;
      NonFiniteLossException e =
          assertThrows(NonFiniteLossException.class, () -> inference.update(Map.of(f.xPh, bad)));
      assertEquals("loss_d", e.tensor());
      assertEquals(2, e.iteration());
      assertTrue(e.getMessage().contains("loss_d") && e.getMessage().contains("iteration 2"), e.getMessage());
    }
  }

  @Test
  void runDrivesTheLoopWithProgressAndFreshFeeds() {
    Fixture f = new Fixture();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ModelContext ctx = f.ctx) {
      GANInference inference = new GANInference(Map.of(f.x, f.xPh), (s, in) -> TestNets.mlp(s, in, 3));
      int[] calls = {0};
      inference.run(
          GanOptions.builder().nIter(20).nPrint(10).progressOutput(new PrintStream(out, true, StandardCharsets.UTF_8)).build(),
          () -> {
            calls[0]++;
            return Map.of(f.xPh, f.batch);
          });
      assertEquals(20, calls[0]);
      assertEquals(20, inference.iteration());
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("Gen Loss") && printed.contains("Disc Loss") && printed.contains("20/20"), printed);
    assertFalse(printed.isBlank());
  }

  @Test
  void resetReturnsTheIterationCounterToZero() {
    Fixture f = new Fixture();
    try (ModelContext ctx = f.ctx) {
      GANInference inference = new GANInference(Map.of(f.x, f.xPh), (s, in) -> TestNets.mlp(s, in, 3));
      inference.initialize();
      inference.update(Map.of(f.xPh, f.batch));
      inference.update(Map.of(f.xPh, f.batch));
      assertArrayEquals(new float[] {2}, ctx.eval(inference.iterationVariable()).data());
      inference.reset();
      assertEquals(0, inference.iteration());
      assertEquals(1, inference.update(Map.of(f.xPh, f.batch)).t());
    }
  }
}
