package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Edward's lifecycle under Java's: {@code finish} is Edward's {@code finalize}, {@code close} ends use. */
class InferenceLifecycleTest {

  private record Gan(ModelContext ctx, ContextPlaceholder<TFloat32> xPh, Normal x, float[] batch) {
    static Gan create() {
      ModelContext ctx = ModelContext.withSeed(21);
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(4, 1));
      VariableScope gen = ctx.scope("Gen");
      Variable<TFloat32> a = gen.getVariable("a", Shape.of(1), Initializers.zeros());
      Normal x = Normal.builder(gen).loc(a).scale(1.0).sampleShape(4).build();
      return new Gan(ctx, xPh, x, new float[] {1, 2, 3, 4});
    }
  }

  @Test
  void noInferenceOverridesObjectFinalize() {
    for (Class<?> c : new Class<?>[] {Inference.class, GANInference.class, WGANInference.class, BiGANInference.class,
        VariationalInference.class, KLqp.class, MAP.class, WakeSleep.class}) {
      for (Method m : c.getDeclaredMethods()) {
        assertFalse(m.getName().equals("finalize") && m.getParameterCount() == 0, c.getSimpleName() + " overrides finalize()");
      }
    }
    assertTrue(AutoCloseable.class.isAssignableFrom(Inference.class));
  }

  @Test
  void finishKeepsTheInferenceUsableAndCloseEndsItIdempotently() {
    Gan g = Gan.create();
    try (ModelContext ctx = g.ctx()) {
      GANInference inference = new GANInference(Map.of(g.x(), g.xPh()), (s, in) -> TestNets.mlp(s, in, 3));
      inference.initialize(GanOptions.builder().nPrint(0).build());
      assertEquals(1, inference.update(Map.of(g.xPh(), g.batch())).t());
      inference.finish();
      // As Edward's finalize: updating again afterwards still works.
      assertEquals(2, inference.update(Map.of(g.xPh(), g.batch())).t());
      inference.close();
      inference.close();
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> inference.update(Map.of(g.xPh(), g.batch())));
      assertEquals("GANInference is closed", e.getMessage());
      assertThrows(IllegalStateException.class, inference::run);
      assertTrue(inference.toString().contains("closed"), inference.toString());
      // The graph is the context's: closing the inference leaves it usable.
      assertEquals(4, ctx.eval(g.x()).data().length);
    }
  }

  @Test
  void closingWithTryWithResourcesBeforeTheContext() {
    Gan g = Gan.create();
    try (ModelContext ctx = g.ctx();
        GANInference inference = new GANInference(Map.of(g.x(), g.xPh()), (s, in) -> TestNets.mlp(s, in, 3))) {
      inference.initialize();
      assertEquals(1000, inference.nIter(), "Edward's default n_iter");
      assertEquals(10, inference.nPrint(), "Edward's default n_print = n_iter // 100");
    }
  }

  /**
   * WGAN's {@code run()} with {@code nCritic > 1} reports iterations, not update calls: with 4
   * iterations of 3 updates each, the bar ends at 4/4 (it ended at 12/4 before).
   */
  @Test
  void wganRunReportsIterationsNotUpdateCalls() {
    Gan g = Gan.create();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ModelContext ctx = g.ctx()) {
      WGANInference inference = new WGANInference(Map.of(g.x(), g.xPh()), (s, in) -> TestNets.mlp(s, in, 3));
      inference.run(WganOptions.builder().nIter(4).nPrint(1).nCritic(2)
              .progressOutput(new PrintStream(out, true, StandardCharsets.UTF_8)).build(),
          () -> Map.of(g.xPh(), g.batch()));
      assertEquals(12, inference.iteration(), "t counts update calls: 4 iterations of 2 critic + 1 generator");
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(\\d+)/(\\d+) \\[").matcher(printed);
    int last = 0;
    while (m.find()) {
      assertEquals("4", m.group(2), printed);
      int step = Integer.parseInt(m.group(1));
      assertTrue(step >= 1 && step <= 4, printed);
      last = step;
    }
    assertEquals(4, last, printed);
    assertTrue(Arrays.asList(printed.split("\\R")).stream().anyMatch(l -> l.contains("Disc Loss")), printed);
  }
}
