package org.edward4j.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code get_parents}, {@code get_children}, {@code get_ancestors}, {@code
 * get_descendants}, {@code get_siblings}, {@code get_blanket} and {@code get_variables} tests on
 * the same structures, with the exact answers (as ordered lists: answers come in build order), plus
 * the cases Edward's tests leave out: a random variable used twice, an observed variable, a
 * restricted collection.
 */
class ModelGraphTest {

  private ModelContext ctx;
  private VariableScope scope;
  private Ops tf;
  private ModelGraph graph;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(7);
    scope = ctx.scope("model");
    tf = ctx.tf();
    graph = ModelGraph.of(ctx);
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private Normal normal(Operand<TFloat32> loc) {
    return Normal.builder(scope).loc(loc).scale(1.0).build();
  }

  private Normal standard() {
    return Normal.of(scope, 0.0, 1.0);
  }

  @Test
  void vStructure() {
    // a -> b -> e <- d <- c
    Normal a = standard();
    Normal b = normal(a);
    Normal c = standard();
    Normal d = normal(c);
    Normal e = normal(tf.math.mul(b, d));
    assertEquals(List.of(), graph.parents(a));
    assertEquals(List.of(a), graph.parents(b));
    assertEquals(List.of(c), graph.parents(d));
    assertEquals(List.of(b, d), graph.parents(e));
    assertEquals(List.of(b), graph.children(a));
    assertEquals(List.of(e), graph.children(b));
    assertEquals(List.of(), graph.children(e));
    assertEquals(List.of(a, b, c, d), graph.ancestors(e));
    assertEquals(List.of(b, e), graph.descendants(a));
    assertEquals(List.of(d, e), graph.descendants(c));
    for (Normal x : List.of(a, b, c, d, e)) {
      assertEquals(List.of(), graph.siblings(x), x.name());
    }
  }

  @Test
  void aStructure() {
    // e <- d <- a -> b -> c
    Normal a = standard();
    Normal b = normal(a);
    Normal c = normal(b);
    Normal d = normal(a);
    Normal e = normal(d);
    assertEquals(List.of(b), graph.parents(c));
    assertEquals(List.of(b, d), graph.children(a));
    assertEquals(List.of(a, b), graph.ancestors(c));
    assertEquals(List.of(a, d), graph.ancestors(e));
    assertEquals(List.of(b, c, d, e), graph.descendants(a));
    assertEquals(List.of(d), graph.siblings(b));
    assertEquals(List.of(b), graph.siblings(d));
    assertEquals(List.of(), graph.siblings(c));
  }

  @Test
  void chain() {
    // a -> b -> c -> d -> e
    Normal a = standard();
    Normal b = normal(a);
    Normal c = normal(b);
    Normal d = normal(c);
    Normal e = normal(d);
    assertEquals(List.of(d), graph.parents(e));
    assertEquals(List.of(c), graph.children(b));
    assertEquals(List.of(a, b, c, d), graph.ancestors(e));
    assertEquals(List.of(c, d, e), graph.descendants(b));
    assertEquals(List.of(b, d), graph.markovBlanket(c));
    assertEquals(List.of(a, b, c, d, e), graph.randomVariables());
  }

  @Test
  void tensorsBetweenRandomVariables() {
    // Edward's test_tensor: c = a + b with b a constant, d ~ N(c, 1)
    Normal a = standard();
    Operand<TFloat32> b = tf.constant(2f);
    Operand<TFloat32> c = tf.math.add(a, b);
    Normal d = normal(c);
    assertEquals(List.of(), graph.parents(b));
    assertEquals(List.of(a), graph.parents(c));
    assertEquals(List.of(a), graph.parents(d));
    assertEquals(List.of(d), graph.children(b));
    assertEquals(List.of(d), graph.children(c));
    assertEquals(List.of(a), graph.ancestors(c));
    assertEquals(List.of(d), graph.descendants(b));
    assertEquals(List.of(d), graph.siblings(c));
    assertEquals(List.of(), graph.siblings(a));
  }

  @Test
  void selectBetweenRandomVariables() {
    // Edward's test_control_flow, with a select in place of tf.cond: d = a ? b : c, e ~ N(d, 1)
    Bernoulli<TInt32> a = Bernoulli.ofProbs(scope, 0.5);
    Normal b = standard();
    Operand<TFloat32> c = tf.constant(0f);
    Operand<TBool> flag = tf.dtypes.cast(a, TBool.class);
    Operand<TFloat32> d = tf.select(flag, b, c);
    Normal e = normal(d);
    assertEquals(List.of(), graph.parents(a));
    assertEquals(List.of(), graph.parents(c));
    assertEquals(List.of(a, b), graph.parents(d));
    assertEquals(List.of(a, b), graph.parents(e));
    assertEquals(List.of(e), graph.children(a));
    assertEquals(List.of(e), graph.children(c));
    assertEquals(List.of(e), graph.descendants(d));
    assertEquals(List.of(e), graph.siblings(d));
  }

  @Test
  void randomVariableUsedTwiceIsOneParent() {
    Normal a = standard();
    Normal b = normal(tf.math.add(tf.math.mul(a, a), a));
    Normal c = Normal.builder(scope).loc(a).scale(tf.math.exp(a)).build();
    assertEquals(List.of(a), graph.parents(b));
    assertEquals(List.of(a), graph.parents(c));
    assertEquals(List.of(b, c), graph.children(a));
    assertEquals(List.of(c), graph.siblings(b));
  }

  @Test
  void observedVariableKeepsItsParents() {
    // The value of an observed variable does not read its parameters; its distribution does.
    Normal z = standard();
    Normal x = Normal.builder(scope).loc(z).scale(1.0).sampleShape(3)
        .value(tf.constant(new float[] {0.5f, 1f, 2f})).build();
    Normal y = normal(x);
    assertEquals(List.of(z), graph.parents(x));
    assertEquals(List.of(x), graph.children(z));
    assertEquals(List.of(x, y), graph.descendants(z));
    assertEquals(List.of(z, x), graph.ancestors(y));
  }

  @Test
  void markovBlanket() {
    // Edward's test_blanket_structure: a -> c <- b, c -> f <- d, e -> f
    Normal a = standard();
    Normal b = standard();
    Normal c = normal(tf.math.mul(a, b));
    Normal d = standard();
    Normal e = standard();
    Normal f = normal(tf.math.mul(tf.math.mul(c, d), e));
    assertEquals(List.of(b, c), graph.markovBlanket(a));
    assertEquals(List.of(a, c), graph.markovBlanket(b));
    assertEquals(List.of(a, b, d, e, f), graph.markovBlanket(c));
    assertEquals(List.of(c, e, f), graph.markovBlanket(d));
    assertEquals(List.of(c, d, f), graph.markovBlanket(e));
    assertEquals(List.of(c, d, e), graph.markovBlanket(f));
  }

  @Test
  void restrictedCollectionWalksThroughTheOthers() {
    Normal a = standard();
    Normal b = normal(a);
    Normal c = normal(b);
    ModelGraph ac = ModelGraph.of(ctx, List.of(c, a));
    assertEquals(List.of(a), ac.parents(c));
    assertEquals(List.of(c), ac.children(a));
    assertEquals(List.of(c, a), ac.randomVariables());
    // the full graph sees b, including variables built after the view was made
    Normal d = normal(c);
    assertEquals(List.of(a, b, c, d), graph.randomVariables());
    assertEquals(List.of(d), graph.children(c));
    assertEquals(List.of(), ac.children(c));
  }

  @Test
  void variables() {
    // Edward's get_variables tests, with resource variables
    Variable<TFloat32> a = scope.getVariable("a", Shape.scalar(), Initializers.zeros());
    Normal b = normal(a);
    Variable<TFloat32> c = scope.getVariable("c", Shape.scalar(), Initializers.zeros());
    Normal d = normal(c);
    Normal e = normal(tf.math.mul(b, d));
    Operand<TFloat32> sum = tf.math.add(a, tf.constant(2f));
    assertEquals(List.of(), graph.variables(a));
    assertEquals(List.of(a), graph.variables(b));
    assertEquals(List.of(c), graph.variables(d));
    assertEquals(List.of(a, c), graph.variables(e));
    assertEquals(List.of(a), graph.variables(sum));
    assertEquals(List.of(), graph.variables(tf.constant(1f)));
    assertEquals(List.of(c), graph.variables(e, List.of(c)));
  }

  @Test
  void aTensorThatIsAValueStandsForItsRandomVariable() {
    Normal a = standard();
    Normal b = normal(a);
    assertEquals(List.of(a), graph.parents(b.value()));
    assertEquals(List.of(b), graph.children(a.value()));
  }

  @Test
  void longChainAnswersInBuildOrder() {
    int n = 60; // long enough for a deep walk; building a random variable costs ~20 ms here
    List<RandomVariable<?>> built = new java.util.ArrayList<>();
    Normal prev = standard();
    built.add(prev);
    for (int i = 1; i < n; i++) {
      prev = normal(tf.math.mul(prev, tf.constant(0.5f)));
      built.add(prev);
    }
    assertEquals(built.subList(0, n - 1), graph.ancestors(prev));
    assertEquals(built.subList(1, n), graph.descendants(built.get(0)));
    assertEquals(List.of(built.get(n - 2)), graph.parents(prev));
  }

  @Test
  void randomVariablesInBuildOrderFilterableByScope() {
    Normal a = standard();
    VariableScope other = ctx.scope("other");
    Normal b = Normal.of(other, 1.0, 2.0);
    Normal c = standard();
    assertEquals(List.of(a, b, c), graph.randomVariables());
    assertEquals(List.of(a, c), ctx.collections().randomVariables("model"));
    assertEquals(List.of(b), ctx.collections().randomVariables("other"));
    // a model built later in the same context is seen by the same view
    Normal d = normal(b);
    assertEquals(List.of(a, b, c, d), graph.randomVariables());
  }

  @Test
  void badInputIsRejectedBeforeAnyNativeCall() {
    Normal a = standard();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> graph.parents(null));
    assertEquals("`x` must be a random variable or tensor, got null", e.getMessage());
    try (ModelContext other = ModelContext.withSeed(1)) {
      Normal foreign = Normal.of(other.scope("m"), 0.0, 1.0);
      e = assertThrows(IllegalArgumentException.class, () -> graph.children(foreign));
      assertTrue(e.getMessage().startsWith("`x` must be a tensor of this context's graph"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> graph.isIndependent(a, foreign));
      assertTrue(e.getMessage().startsWith("`b[0]` must be a tensor of this context's graph"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> ModelGraph.of(ctx, List.of(a, foreign)));
      assertTrue(e.getMessage().startsWith("`collection[1]` must be a tensor of this context's graph"), e.getMessage());
    }
    e = assertThrows(IllegalArgumentException.class,
        () -> graph.isIndependent(List.of(a), java.util.Arrays.asList(a, null), List.of()));
    assertEquals("`b` must hold random variables, got null at index 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> graph.isIndependent(List.of(a), List.of(a), null));
    assertEquals("`condition` must be a list of random variables, got null", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ModelGraph.of(null));
    assertEquals("`ctx` must be a model context, got null", e.getMessage());
    ctx.close();
    IllegalStateException closed = assertThrows(IllegalStateException.class, () -> graph.parents(a));
    assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
  }

  @Test
  void whileLoopBetweenRandomVariables() {
    // Edward's test_scan, with a while loop: b ~ N(halve a three times, 1), c ~ N(b, 1). The loop's
    // NextIteration edge is a cycle in the graph; each walk still visits every op once.
    Normal a = standard();
    Output<?>[] loop = ctx.graph().whileLoop(new Output<?>[] {tf.constant(0).asOutput(), a.asOutput()},
        (g, in, out) -> {
          Ops t = Ops.create(g);
          out[0] = t.math.less(in[0].expect(TInt32.class), t.constant(3)).asOutput();
        },
        (g, in, out) -> {
          Ops t = Ops.create(g);
          out[0] = t.math.add(in[0].expect(TInt32.class), t.constant(1)).asOutput();
          out[1] = t.math.mul(in[1].expect(TFloat32.class), t.constant(0.5f)).asOutput();
        },
        "halve");
    // a loop's outputs have unknown shape; a reshape gives the scalar a parameter needs
    Normal b = normal(tf.reshape(loop[1].expect(TFloat32.class), tf.constant(new int[0])));
    Normal c = normal(b);
    assertEquals(List.of(a), graph.parents(b));
    assertEquals(List.of(b), graph.children(a));
    assertEquals(List.of(a, b), graph.ancestors(c));
    assertEquals(List.of(b, c), graph.descendants(a));
    assertTrue(graph.isIndependent(a, c, b));
    // the loop really ran: b's loc is a / 8
    var values = ctx.evalAll(List.of(a, b.mean()), java.util.Map.of());
    assertEquals(values.get(0).data()[0] / 8, values.get(1).data()[0], 1e-7);
  }
}
