package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.OptimizerName;
import org.junit.jupiter.api.Test;

/**
 * Each family's builder offers exactly its family's options (what JShell's tab completion lists),
 * values are checked when set and when the record is built, and Edward's strings are parsed only by
 * the enums' {@code parse}.
 */
class OptionsShapeTest {

  private static final Set<String> RUN =
      Set.of("nIter", "nPrint", "logdir", "logTimestamp", "debug", "initializeVariables", "progressOutput", "build");
  private static final Set<String> GAN = union(RUN, "optimizer", "optimizerD", "globalStep", "globalStepD", "varList");
  private static final Set<String> VARIATIONAL = union(RUN, "optimizer", "globalStep", "varList", "scale", "autoTransform");

  private static Set<String> union(Set<String> base, String... more) {
    Set<String> s = new TreeSet<>(base);
    s.addAll(Arrays.asList(more));
    return s;
  }

  /** The public instance methods a builder offers, as JShell completes them. */
  private static Set<String> offered(Class<?> builder) {
    return Arrays.stream(builder.getMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getDeclaringClass() != Object.class)
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void eachBuilderOffersOnlyItsFamilysOptions() {
    assertEquals(new TreeSet<>(GAN), offered(GanOptions.Builder.class));
    assertEquals(union(GAN, "penalty", "clip", "nCritic"), offered(WganOptions.Builder.class));
    assertEquals(new TreeSet<>(VARIATIONAL), offered(VariationalOptions.Builder.class));
    assertEquals(union(VARIATIONAL, "nSamples", "klScaling"), offered(KLqpOptions.Builder.class));
    assertEquals(union(VARIATIONAL, "nSamples"), offered(KLpqOptions.Builder.class));
    assertEquals(union(GAN, "ratioLoss", "scale"), offered(ImplicitKLqpOptions.Builder.class));
    assertEquals(union(VARIATIONAL, "nSamples", "phaseQ", "reweighted"), offered(WakeSleepOptions.Builder.class));
    assertEquals(union(RUN, "scale"), offered(MonteCarloOptions.Builder.class));
  }

  @Test
  void valuesAreCheckedWhenSetNamingTheArgumentAndTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KLqpOptions.builder().nIter(0));
    assertEquals("`nIter` must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GanOptions.builder().nPrint(-1));
    assertEquals("`nPrint` must be >= 0, got -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> KLqpOptions.builder().nSamples(0));
    assertEquals("`nSamples` must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> VariationalOptions.builder().varList(java.util.List.of()));
    assertTrue(e.getMessage().contains("`varList`"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> VariationalOptions.builder().scale(Map.of(dummyKey(), Double.NaN)));
    assertTrue(e.getMessage().contains("`scale`") && e.getMessage().contains("NaN"), e.getMessage());
    // Records built without a builder are checked too.
    e = assertThrows(IllegalArgumentException.class, () -> new RunOptions(
        OptionalInt.of(0), OptionalInt.empty(), java.util.Optional.empty(), true, false, true, System.out));
    assertEquals("`nIter` must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new KLqpOptions(VariationalOptions.defaults(), -2));
    assertEquals("`nSamples` must be >= 1, got -2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new OptimizerOptions(
        java.util.Optional.of(Adam.builder().build()), java.util.Optional.of(OptimizerName.ADAM), java.util.Optional.empty()));
    assertTrue(e.getMessage().contains("not both"), e.getMessage());
    // A later choice replaces an earlier one rather than failing.
    assertTrue(OptimizerOptions.edwardDefault().withName(OptimizerName.ADAM).withOptimizer(Adam.builder().build())
        .name().isEmpty());
  }

  private static org.tensorflow.Operand<?> dummyKey() {
    // Options never read their keys' values: any non-null operand stands for a random variable.
    return (org.tensorflow.Operand<?>) java.lang.reflect.Proxy.newProxyInstance(
        OptionsShapeTest.class.getClassLoader(), new Class<?>[] {org.tensorflow.Operand.class},
        (p, m, a) -> m.getName().equals("hashCode") ? 1 : m.getName().equals("equals") ? p == a[0] : null);
  }

  @Test
  void defaultsAreEdwards() {
    RunOptions run = KLqpOptions.defaults().run();
    assertTrue(run.nIter().isEmpty() && run.nPrint().isEmpty() && run.logdir().isEmpty());
    assertEquals(1000, run.nIterOr(RunOptions.DEFAULT_N_ITER));
    assertEquals(10, run.nPrintFor(1000), "Edward's n_print = n_iter // 100");
    assertTrue(run.logTimestamp() && run.initializeVariables() && !run.debug());
    WganOptions w = WganOptions.defaults();
    assertEquals(10.0, w.penalty());
    assertTrue(w.clip().isEmpty());
    assertEquals(1, w.nCritic());
    WakeSleepOptions ws = WakeSleepOptions.defaults();
    assertEquals(PhaseQ.SLEEP, ws.phaseQ());
    assertEquals(1, ws.nSamples());
    assertFalse(ws.reweighted());
    assertTrue(GanOptions.defaults().generator().optimizer().isEmpty());
    assertTrue(GanOptions.defaults().generator().name().isEmpty());
  }

  @Test
  void partsAreComposedAndSharedSettersReachTheirPart() {
    Path dir = Path.of("logs");
    WganOptions w = WganOptions.builder().nIter(7).logdir(dir).optimizerD(OptimizerName.RMSPROP).nCritic(5).build();
    assertEquals(OptionalInt.of(7), w.run().nIter());
    assertSame(w.gan().run(), w.run());
    assertEquals(dir, w.run().logdir().orElseThrow());
    assertEquals(OptimizerName.RMSPROP, w.gan().discriminator().name().orElseThrow());
    assertTrue(w.gan().generator().name().isEmpty());
    WakeSleepOptions ws = WakeSleepOptions.builder().nPrint(0).phaseQ(PhaseQ.WAKE).build();
    assertEquals(OptionalInt.of(0), ws.run().nPrint());
    assertSame(ws.variational().run(), ws.run());
  }

  @Test
  void edwardStringsAreParsedAtTheEdgeWithTheValidNames() {
    assertEquals(OptimizerName.ADAM, OptimizerName.parse(" Adam "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptimizerName.parse("ftrl"));
    assertTrue(e.getMessage().contains("`optimizer`") && e.getMessage().contains("ftrl")
        && e.getMessage().contains("[gradientdescent, adadelta, adagrad, momentum, adam, rmsprop]"), e.getMessage());
    assertEquals(PhaseQ.WAKE, PhaseQ.parse("wake"));
    e = assertThrows(IllegalArgumentException.class, () -> PhaseQ.parse("dream"));
    assertTrue(e.getMessage().contains("[\"sleep\", \"wake\"]") && e.getMessage().contains("dream"), e.getMessage());
    assertEquals(Side.DISC, Side.parse("Disc"));
    e = assertThrows(IllegalArgumentException.class, () -> Side.parse("Critic"));
    assertTrue(e.getMessage().contains("Gen") && e.getMessage().contains("Disc") && e.getMessage().contains("Critic"));
  }
}
