package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Edward's {@code implicitklqp_test.py} wiring, with a tighter bound, and bad input. */
class ImplicitKLqpTest {

  /**
   * z ~ N(5, 1) local, no data; the ratio estimator is Edward's "optimal" r(z) = log p(z) + w.
   * The variational loss -E_q[log p(z)] = ((mu - 5)^2 + sigma^2) / 2 + const has its minimum at mu
   * = 5 (sigma -> 0, so the Monte Carlo noise of the gradient, 5 - z, shrinks with it). Edward
   * allows 1.0 after 200 iterations. The reparameterized gradient in mu, mu + sigma eps - 5, is
   * linear in mu with mean mu - 5, so the optimizer's iterates centre on mu = 5 exactly (no
   * nonlinearity, no bias term): the answer is the average of the last 100 of 200 iterates (Adam
   * covers the distance 5 in ~50-100 steps of ~0.1), with StationaryIterates' standard error (max
   * of batch means and AR(1) long-run error; t_19 = 4.6 at 1e-4). The
   * start, N(0, 1) draws, is about 5 away.
   */
  @Test
  void edwardsNormalWiring() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Normal z = Normal.of(scope, 5.0, 1.0);
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> loc = post.getVariable("loc", Shape.scalar(), Initializers.randomNormal(0, 1));
      Variable<TFloat32> raw = post.getVariable("scale", Shape.scalar(), Initializers.randomNormal(0, 1));
      Normal qz = Normal.builder(post).loc(loc).scale(post.tf().math.softplus(raw)).build();
      RatioEstimator ratio = (s, data, locals, globals) -> {
        Variable<TFloat32> w = s.getVariable("w", Shape.scalar(), Initializers.zeros());
        @SuppressWarnings("unchecked")
        Operand<TFloat32> zs = (Operand<TFloat32>) locals.get(z);
        return s.tf().math.add(z.logProb(zs), w);
      };
      ImplicitKLqp inference = new ImplicitKLqp(Map.of(z, qz), Map.of(), ratio);
      inference.initialize(ImplicitKLqpOptions.builder().nIter(200).nPrint(0).build());
      StationaryIterates.Summary[] s = StationaryIterates.record(ctx, inference, List.of(qz.mean()), 200, 100);
      s[0].assertNear(5.0, 0, "q's mean");
    }
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RatioLoss.parse("square"));
    assertEquals("`ratioLoss` must be one of [log, hinge], got square", e.getMessage());
    assertEquals(RatioLoss.HINGE, RatioLoss.parse("hinge"));
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Normal z = Normal.of(scope, 5.0, 1.0);
      Normal x = Normal.builder(scope).loc(z).scale(1.0).build();
      Normal qz = Normal.of(ctx.scope("q"), 0.0, 1.0);
      Normal other = Normal.of(ctx.scope("q2"), 0.0, 1.0);
      RatioEstimator ratio = (s, data, locals, globals) -> s.tf().constant(0f);
      e = assertThrows(IllegalArgumentException.class,
          () -> new ImplicitKLqp(Map.of(z, qz), Map.of(x, ctx.tf().constant(1f)), ratio, Map.of(z, other)));
      assertTrue(e.getMessage().contains("globalVars") && e.getMessage().contains(other.name()), e.getMessage());
      // Several scale entries need an estimator with an output per key (Edward's dictionary).
      ImplicitKLqp single = new ImplicitKLqp(Map.of(z, qz), Map.of(x, ctx.tf().constant(1f)), ratio);
      ImplicitKLqpOptions twoKeys = ImplicitKLqpOptions.builder().scale(Map.of(z, 2.0, x, 3.0)).build();
      e = assertThrows(IllegalArgumentException.class, () -> single.initialize(twoKeys));
      assertTrue(e.getMessage().contains("2 entries") && e.getMessage().contains("ImplicitKLqp.keyed"), e.getMessage());
      NullPointerException n = assertThrows(NullPointerException.class,
          () -> new ImplicitKLqp(Map.of(z, qz), Map.of(x, ctx.tf().constant(1f)), null));
      assertTrue(n.getMessage().contains("discriminator"), n.getMessage());
    }
  }

  /** Edward's wiring under the given ratio loss; returns (loss, lossD) of each of 30 updates. */
  private static double[][] normalWiringLosses(RatioLossFunction ratioLoss) {
    try (ModelContext ctx = ModelContext.withSeed(7)) {
      Normal z = Normal.of(ctx.scope("model"), 5.0, 1.0);
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> loc = post.getVariable("loc", Shape.scalar(), Initializers.randomNormal(0, 1));
      Variable<TFloat32> raw = post.getVariable("scale", Shape.scalar(), Initializers.randomNormal(0, 1));
      Normal qz = Normal.builder(post).loc(loc).scale(post.tf().math.softplus(raw)).build();
      RatioEstimator ratio = (s, data, locals, globals) -> {
        Variable<TFloat32> w = s.getVariable("w", Shape.scalar(), Initializers.zeros());
        @SuppressWarnings("unchecked")
        Operand<TFloat32> zs = (Operand<TFloat32>) locals.get(z);
        return s.tf().math.add(z.logProb(zs), w);
      };
      ImplicitKLqp inference = new ImplicitKLqp(Map.of(z, qz), Map.of(), ratio);
      inference.initialize(ImplicitKLqpOptions.builder().nIter(30).nPrint(0).ratioLoss(ratioLoss).build());
      double[][] out = new double[30][];
      for (int t = 0; t < 30; t++) {
        UpdateInfo info = inference.update();
        out[t] = new double[] {info.loss(), info.lossD()};
      }
      return out;
    }
  }

  /**
   * Edward's callable {@code ratio_loss}: the user's own point-wise log loss, {@code softplus(-p) +
   * softplus(q)}, trains exactly as the built-in {@code "log"} (same seed, same graph up to the
   * loss's ops: every loss and ratio loss of 30 updates equal to float32 rounding, 1e-5 relative).
   * A different user loss (least squares, targets +1 and -1) gives a different ratio loss, so the
   * function is really the one used.
   */
  @Test
  void userRatioLossIsUsed() {
    RatioLossFunction userLog = (tf, p, q) -> tf.math.add(tf.math.softplus(tf.math.neg(p)), tf.math.softplus(q));
    RatioLossFunction squares = (tf, p, q) -> tf.math.add(
        tf.math.square(tf.math.sub(p, tf.constant(1f))), tf.math.square(tf.math.add(q, tf.constant(1f))));
    double[][] builtIn = normalWiringLosses(RatioLoss.LOG);
    double[][] user = normalWiringLosses(userLog);
    for (int t = 0; t < builtIn.length; t++) {
      for (int k = 0; k < 2; k++) {
        assertEquals(builtIn[t][k], user[t][k], 1e-5 * Math.max(1, Math.abs(builtIn[t][k])), "update " + t + ", term " + k);
      }
    }
    double[][] other = normalWiringLosses(squares);
    // The first update sees the same draws under both losses (same seed, w = 0), and
    // (r_p - 1)^2 + (r_q + 1)^2 equals softplus(-r_p) + softplus(r_q) only on a curve of the
    // (r_p, r_q) plane that continuous draws miss: the two ratio losses must differ by far more
    // than float32 rounding (1e-5 relative) if the user's function is the one used.
    assertTrue(Math.abs(other[0][1] - builtIn[0][1]) > 1e-3, other[0][1] + " vs " + builtIn[0][1]);
  }

  /**
   * Edward's per-key {@code scale}: an estimator with outputs {@code r_1 = 1.5 + 0 z_1} and {@code
   * r_2 = -0.5 + 0 z_2} (constants, so every figure is exact), scale {@code {z_1: 2, z_2: 3}}: the
   * variational loss is {@code -(2 r_1 + 3 r_2) = -1.5}, and the ratio loss the sum over keys of
   * {@code softplus(-r_k) + softplus(r_k)}, written here independently.
   */
  @Test
  void perKeyScaleWeighsEachOutput() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      VariableScope model = ctx.scope("model");
      Normal z1 = Normal.of(model, 5.0, 1.0);
      Normal z2 = Normal.of(model, -3.0, 1.0);
      VariableScope post = ctx.scope("posterior");
      Normal qz1 = Normal.builder(post).loc(post.getVariable("loc1", Shape.scalar(), Initializers.zeros())).scale(1.0).build();
      Normal qz2 = Normal.builder(post).loc(post.getVariable("loc2", Shape.scalar(), Initializers.zeros())).scale(1.0).build();
      KeyedRatioEstimator ratio = (s, data, locals, globals) -> {
        Variable<TFloat32> w = s.getVariable("w", Shape.scalar(), Initializers.zeros());
        @SuppressWarnings("unchecked")
        Operand<TFloat32> a = (Operand<TFloat32>) locals.get(z1);
        @SuppressWarnings("unchecked")
        Operand<TFloat32> b = (Operand<TFloat32>) locals.get(z2);
        var tf = s.tf();
        Operand<TFloat32> zero = tf.math.mul(tf.constant(0f), tf.math.add(w, tf.math.add(a, b)));
        return Map.of(z1, tf.math.add(tf.constant(1.5f), zero), z2, tf.math.add(tf.constant(-0.5f), zero));
      };
      ImplicitKLqp inference = ImplicitKLqp.keyed(Map.of(z1, qz1, z2, qz2), Map.of(), ratio, Map.of());
      inference.initialize(ImplicitKLqpOptions.builder().nIter(1).nPrint(0).scale(Map.of(z1, 2.0, z2, 3.0)).build());
      UpdateInfo info = inference.update();
      assertEquals(-(2 * 1.5 + 3 * -0.5), info.loss(), 1e-6, "variational loss");
      double expectedD = softplus(-1.5) + softplus(1.5) + softplus(0.5) + softplus(-0.5);
      assertEquals(expectedD, info.lossD(), 1e-5, "ratio loss summed over the keys");
      assertTrue(inference.keyedDiscriminator().isPresent());
      assertThrows(IllegalStateException.class, inference::discriminator);
    }
  }

  @Test
  void keyedEstimatorMustCoverEveryScaleKey() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      VariableScope model = ctx.scope("model");
      Normal z1 = Normal.of(model, 5.0, 1.0);
      Normal z2 = Normal.of(model, -3.0, 1.0);
      Normal qz1 = Normal.of(ctx.scope("q1"), 0.0, 1.0);
      Normal qz2 = Normal.of(ctx.scope("q2"), 0.0, 1.0);
      KeyedRatioEstimator ratio = (s, data, locals, globals) -> Map.of(z1, s.tf().constant(0f));
      ImplicitKLqp inference = ImplicitKLqp.keyed(Map.of(z1, qz1, z2, qz2), Map.of(), ratio, Map.of());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inference.initialize(
          ImplicitKLqpOptions.builder().scale(Map.of(z1, 2.0, z2, 3.0)).build()));
      assertTrue(e.getMessage().contains("every key of `scale`") && e.getMessage().contains(z2.name()), e.getMessage());
    }
  }

  private static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }
}
