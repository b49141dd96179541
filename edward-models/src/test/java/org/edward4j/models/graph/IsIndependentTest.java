package org.edward4j.models.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Normal;
import org.edward4j.models.PointMass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * d-separation: Edward's {@code is_independent} tests (chain, binary tree, grid) and the collider
 * cases they leave out, where conditioning on a common child, or on any descendant of it, makes its
 * parents dependent.
 */
class IsIndependentTest {

  private ModelContext ctx;
  private VariableScope scope;
  private Ops tf;
  private ModelGraph graph;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(11);
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
  void chain() {
    // a -> b -> c -> d -> e
    Normal a = standard();
    Normal b = normal(a);
    Normal c = normal(b);
    Normal d = normal(c);
    Normal e = normal(d);
    assertTrue(graph.isIndependent(c, e, d));
    assertTrue(graph.isIndependent(List.of(a, b, c), List.of(e), List.of(d)));
    assertTrue(graph.isIndependent(List.of(a, b), List.of(d, e), List.of(c)));
    assertFalse(graph.isIndependent(List.of(a, b, e), List.of(d), List.of(c)));
    assertFalse(graph.isIndependent(a, e));
  }

  @Test
  void binaryTree() {
    // f <- c <- a -> b -> d, c -> g, b -> e
    Normal a = standard();
    Normal b = normal(a);
    Normal c = normal(a);
    Normal d = normal(b);
    Normal e = normal(b);
    Normal f = normal(c);
    Normal g = normal(c);
    assertFalse(graph.isIndependent(b, c));
    assertTrue(graph.isIndependent(b, c, a));
    assertTrue(graph.isIndependent(List.of(d), List.of(a, c, e, f, g), List.of(b)));
    assertFalse(graph.isIndependent(List.of(b), List.of(e, d), List.of(a)));
    assertFalse(graph.isIndependent(List.of(a), List.of(b, c, d, e, f, g), List.of()));
  }

  @Test
  void grid() {
    // a -> b -> c, a -> d, b -> e, c -> f, d -> e -> f
    Normal a = standard();
    Normal b = normal(a);
    Normal c = normal(b);
    Normal d = normal(a);
    Normal e = normal(tf.math.add(b, d));
    Normal f = normal(tf.math.add(e, c));
    assertFalse(graph.isIndependent(List.of(f), List.of(a, b, d), List.of()));
    assertTrue(graph.isIndependent(List.of(f), List.of(a, b, d), List.of(e, c)));
    assertTrue(graph.isIndependent(List.of(e), List.of(a, c), List.of(b, d)));
    assertFalse(graph.isIndependent(e, f, b, d));
    assertFalse(graph.isIndependent(e, f, a, b, c, d));
  }

  @Test
  void colliderAndItsDescendant() {
    // a -> c <- b, c -> d -> e
    Normal a = standard();
    Normal b = standard();
    Normal c = normal(tf.math.add(a, b));
    Normal d = normal(c);
    Normal e = normal(d);
    assertTrue(graph.isIndependent(a, b));
    assertFalse(graph.isIndependent(a, b, c));
    assertFalse(graph.isIndependent(a, b, d));
    assertFalse(graph.isIndependent(a, b, e));
    assertFalse(graph.isIndependent(b, a, e));
    // observing the collider's descendant, then also the collider's parent, blocks again
    assertTrue(graph.isIndependent(a, e, c));
    assertTrue(graph.isIndependent(a, d, c));
  }

  @Test
  void deterministicOpBetweenRandomVariables() {
    // a and b meet only through a tensor: a + b feeds c, and exp(a) feeds d
    Normal a = standard();
    Normal b = standard();
    Operand<TFloat32> sum = tf.math.add(a, b);
    Normal c = normal(tf.math.mul(sum, tf.constant(2f)));
    Normal d = normal(tf.math.exp(a));
    assertTrue(graph.isIndependent(b, d));
    assertFalse(graph.isIndependent(b, d, c));
    assertTrue(graph.isIndependent(b, d, a, c));
    assertFalse(graph.isIndependent(c, d));
    assertTrue(graph.isIndependent(c, d, a));
  }

  @Test
  void pointMassPassesNoBallDownFromAChild() {
    // Edward treats a PointMass as deterministic: a ball from a child goes only to its parents. A
    // point mass at a constant is a constant, so its child is independent of it; a Normal is not.
    PointMass constant = PointMass.of(scope, 3.0);
    Normal x = normal(constant);
    Normal r = standard();
    Normal y = normal(r);
    assertTrue(graph.isIndependent(x, constant));
    assertFalse(graph.isIndependent(y, r));
    // a point mass at a random variable passes dependence through that variable
    Normal a = standard();
    PointMass p = PointMass.of(scope, a);
    Normal u = normal(p);
    Normal v = normal(p);
    assertFalse(graph.isIndependent(u, p));
    assertFalse(graph.isIndependent(u, v));
    assertTrue(graph.isIndependent(u, v, a));
  }
}
