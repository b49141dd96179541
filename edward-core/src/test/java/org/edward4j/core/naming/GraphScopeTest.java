package org.edward4j.core.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Layers;
import org.junit.jupiter.api.Test;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@link GraphScope} names ops exactly as TensorFlow Java's own scope does on the sequences a
 * model builds, and behaves like it for control dependencies, devices and gradients.
 */
class GraphScopeTest {

  /**
   * A script of scope operations, run once over TF Java's {@code Ops.create(graph)} and once over
   * {@link GraphScope#rootOps}; it returns every op name it made, in order.
   */
  private static List<String> script(Ops root) {
    List<String> names = new ArrayList<>();
    Ops disc = root.withSubScope("Disc");
    names.add(disc.constant(1f).op().name());
    names.add(disc.constant(2f).op().name());
    Ops dense = disc.withSubScope("dense");
    names.add(dense.withName("kernel").constant(3f).op().name());
    Ops dense1 = disc.withSubScope("dense");
    names.add(dense1.withName("kernel").constant(3f).op().name());
    Ops disc1 = root.withSubScope("Disc");
    names.add(disc1.constant(4f).op().name());
    names.add(disc1.withSubScope("dense").constant(5f).op().name());
    names.add(root.withName("x_ph").placeholder(TFloat32.class).op().name());
    names.add(root.withName("named").withSubScope("ignored").constant(6f).op().name());
    names.add(root.constant(7f).op().name());
    names.add(root.constant(8f).op().name());
    Operand<TFloat32> sum = disc.math.add(disc.constant(1f), disc.constant(2f));
    names.add(sum.op().name());
    return names;
  }

  @Test
  void namesOpsAsTensorFlowJavasOwnScopeDoes() {
    List<String> expected;
    try (Graph g = new Graph()) {
      expected = script(Ops.create(g));
    }
    try (Graph g = new Graph()) {
      assertEquals(expected, script(GraphScope.rootOps(g)));
    }
    // The TF1 names the library's users rely on, spelled out.
    assertEquals("Disc/Const", expected.get(0));
    assertEquals("Disc/Const_1", expected.get(1));
    assertEquals("Disc/dense/kernel", expected.get(2));
    assertEquals("Disc/dense_1/kernel", expected.get(3));
    assertEquals("Disc_1/Const", expected.get(4));
    assertEquals("Disc_1/dense/Const", expected.get(5));
    assertEquals("named/Const", expected.get(7));
  }

  @Test
  void skipsNamesTakenByOpsBuiltOutsideItsRegistry() {
    try (Graph g = new Graph()) {
      Ops foreign = Ops.create(g);
      foreign.withName("a").constant(1f);
      foreign.withName("b_1").constant(1f);
      Ops tf = GraphScope.rootOps(g);
      assertEquals("a_1", tf.withName("a").constant(2f).op().name());
      assertEquals("b", tf.withName("b").constant(2f).op().name());
      // TF Java would hand out b_1 a second time here and fail with a duplicate name.
      assertEquals("b_2", tf.withName("b").constant(2f).op().name());
    }
  }

  @Test
  void neverHandsOutAnExplicitNameTwice() {
    try (Graph g = new Graph()) {
      Ops tf = GraphScope.rootOps(g);
      Set<String> names = new HashSet<>();
      for (String n : List.of("a", "a_1", "a", "a", "a_1", "a_2")) {
        assertTrue(names.add(tf.withName(n).constant(0f).op().name()), "duplicate " + n + " in " + names);
      }
    }
  }

  @Test
  void exactPathsKeepTheirNameAndBlockItForLaterSubScopes() {
    try (Graph g = new Graph()) {
      Ops tf = GraphScope.rootOps(g);
      Ops at = GraphScope.at(tf, "Gen/dense");
      assertEquals("Gen/dense/Const", at.constant(1f).op().name());
      assertEquals("Gen_1", ((GraphScope) tf.withSubScope("Gen").scope()).prefix());
      Ops gen = GraphScope.at(tf, "Gen");
      assertEquals("Gen/dense_1", ((GraphScope) gen.withSubScope("dense").scope()).prefix());
      // A second Ops at the same path shares the used names: no duplicate node.
      assertEquals("Gen/dense/Const_1", GraphScope.at(tf, "Gen/dense").constant(1f).op().name());
    }
  }

  @Test
  void rejectsInvalidNamesBeforeTouchingTheGraph() {
    try (Graph g = new Graph()) {
      Ops tf = GraphScope.rootOps(g);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tf.withSubScope("a/b"));
      assertTrue(e.getMessage().contains("'a/b'"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> tf.withName("-x"));
      assertThrows(IllegalArgumentException.class, () -> GraphScope.at(tf, "a//b"));
      assertThrows(IllegalArgumentException.class, () -> GraphScope.at(Ops.create(g), "a"));
    }
  }

  @Test
  void checksOpNamesByTensorFlowsRuleWithoutARegex() {
    // Every character class at the first and a later position, against TF Java's own regex.
    List<String> names = new ArrayList<>(List.of("", "a", "Z9", ".x", "_x", "-x", "x_", "x-y", "x.y", "a/b", "a b", "é", "x\u0000"));
    for (char c = 0; c < 128; c++) {
      names.add(String.valueOf(c));
      names.add("a" + c);
    }
    for (String name : names) {
      assertEquals(org.tensorflow.op.Scope.isValidOpName(name), GraphScope.isValidOpName(name), "'" + name + "'");
    }
    assertEquals(false, GraphScope.isValidOpName(null));
  }

  @Test
  void keepsControlDependenciesDevicesAndGradients() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = GraphScope.rootOps(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Operand<TFloat32> first = tf.withName("first").identity(x);
      Ops after = tf.withSubScope("after").withControlDependencies(List.of(first));
      Operand<TFloat32> y = after.math.mul(x, x);
      assertEquals(1, ((org.tensorflow.GraphOperation) y.op()).numControlInputs());
      Ops cpu = tf.withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(0).build());
      assertTrue(cpu.scope().getDeviceString().contains("CPU"), cpu.scope().getDeviceString());
      Output<?> dy = tf.withSubScope("grad").gradients(y, List.of(x)).dy(0);
      try (TFloat32 two = TFloat32.scalarOf(2f);
          Result r = s.runner().feed(x, two).fetch(dy).run()) {
        assertEquals(4f, ((TFloat32) r.get(0)).getFloat(), 0f); // d(x^2)/dx at 2
      }
    }
  }

  @Test
  void variableScopesKeepTf1NamesAndReuseFindsTheSameVariables() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Operand<TFloat32> x = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3)));
      Function<VariableScope, Operand<TFloat32>> net = scope -> Layers.dense(scope, Layers.dense(scope, x, 4), 1);
      Operand<TFloat32> real = net.apply(ctx.scope("Disc"));
      Operand<TFloat32> fake = net.apply(ctx.scope("Disc", Reuse.REUSE));
      List<String> vars = ctx.variables().all().stream().map(Variable::name).toList();
      assertEquals(List.of("Disc/dense/kernel", "Disc/dense/bias", "Disc/dense_1/kernel", "Disc/dense_1/bias"), vars);
      assertTrue(real.op().name().startsWith("Disc/dense_1/"), real.op().name());
      assertTrue(fake.op().name().startsWith("Disc_1/dense_1/"), fake.op().name());
      assertNotEquals(real.op().name(), fake.op().name());
    }
  }
}
