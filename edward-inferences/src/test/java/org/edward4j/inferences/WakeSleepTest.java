package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.GlobalStep;
import org.edward4j.core.optimizers.LearningRate;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * WakeSleep on z ~ N(0, 1), x | z ~ N(a z, s^2): the posterior is N(a x / (a^2 + s^2), s^2 / (a^2 +
 * s^2)), linear in x, so q(z | x) = N(w x + b, softplus(c)) contains it: w = a / (a^2 + s^2), b = 0,
 * sd = s / sqrt(a^2 + s^2).
 */
class WakeSleepTest {

  static final int M = 64;

  /** The linear-Gaussian model with a trainable or fixed {@code a}, and its recognition model. */
  static final class LinearGaussian {
    final Placeholder<TFloat32> xPh;
    final Normal z;
    final Normal x;
    final Normal qz;
    final Variable<TFloat32> a;
    final Variable<TFloat32> w;
    final Variable<TFloat32> b;
    final Variable<TFloat32> c;

    LinearGaussian(ModelContext ctx, double aInit, boolean trainA) {
      Ops root = ctx.tf();
      xPh = root.placeholder(TFloat32.class, Placeholder.shape(Shape.of(M)));
      VariableScope model = ctx.scope("model");
      a = model.getVariable(org.edward4j.core.VariableSpec.of("a", Shape.scalar(), TFloat32.class)
          .withInitializer(Initializers.constant(aInit)).withTrainable(trainA));
      z = Normal.builder(model).loc(model.tf().zeros(model.tf().constant(new int[] {M}), TFloat32.class)).scale(1.0).build();
      x = Normal.builder(model).loc(model.tf().math.mul(a, z)).scale(1.0).build();
      VariableScope q = ctx.scope("q");
      w = q.getVariable("w", Shape.scalar(), Initializers.zeros());
      b = q.getVariable("b", Shape.scalar(), Initializers.zeros());
      c = q.getVariable("c", Shape.scalar(), Initializers.zeros());
      Ops tf = q.tf();
      qz = Normal.builder(q).loc(tf.math.add(tf.math.mul(w, xPh), b)).scale(tf.math.softplus(c)).build();
    }

    double sd(ModelContext ctx) {
      return ctx.eval(ctx.tf().math.softplus(c)).scalar();
    }
  }

  /**
   * Adam with a rate halving every 500 steps from 0.02 (to 0.00125 at step 2000), so the last
   * iterates average over many minibatches.
   */
  static WakeSleepOptions.Builder decaying(ModelContext ctx) {
    Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
    return WakeSleepOptions.builder().nIter(2000).nPrint(0).globalStep(step)
        .optimizer(Adam.builder().learningRate(LearningRate.exponentialDecay(0.02, step, 500, 0.5, false)).build());
  }

  /** Data from the model with a = 2, s = 1. */
  static float[] batch(Random rng) {
    float[] out = new float[M];
    for (int i = 0; i < M; i++) {
      out[i] = (float) (2 * rng.nextGaussian() + rng.nextGaussian());
    }
    return out;
  }

  @Test
  void sleepPhaseLearnsTheExactPosterior() {
    try (ModelContext ctx = ModelContext.withSeed(21)) {
      LinearGaussian m = new LinearGaussian(ctx, 2.0, false);
      WakeSleep inference = new WakeSleep(Map.of(m.z, m.qz), Map.of(m.x, m.xPh));
      inference.initialize(decaying(ctx).build());
      assertEquals(java.util.List.of(m.w, m.b, m.c), inference.recognitionVariables());
      Random rng = new Random(1);
      for (int t = 0; t < 2000; t++) {
        inference.update(Map.of(m.xPh, batch(rng)));
      }
      double w = ctx.eval(m.w).scalar();
      double b = ctx.eval(m.b).scalar();
      double sd = m.sd(ctx);
      // a = 2, s = 1: w = 0.4, b = 0, sd = 0.447. Untrained: w = b = 0, sd = 0.69; Edward's sleep
      // phase (prior z scored against the real x) would give w = 0, sd = 1. Over seeds 1-8 the
      // largest errors were 0.0064 (w), 0.0069 (b), 0.0043 (sd); the bounds give 3x room.
      assertEquals(0.4, w, 0.02, "w");
      assertEquals(0.0, b, 0.02, "b");
      assertEquals(1 / Math.sqrt(5), sd, 0.015, "sd");
    }
  }

  /**
   * Reweighted wake-sleep with phaseQ = "wake" (Bornschein and Bengio, 2015): the model's a (from
   * 1) and q (from w = b = 0) learn together from data with a = 2. x's marginal is N(0, a^2 + 1), so
   * a is identified up to sign; starting at +1 it stays positive.
   */
  @Test
  void reweightedWakePhaseTrainsTheModelAndQ() {
    try (ModelContext ctx = ModelContext.withSeed(22)) {
      LinearGaussian m = new LinearGaussian(ctx, 1.0, true);
      WakeSleep inference = new WakeSleep(Map.of(m.z, m.qz), Map.of(m.x, m.xPh));
      inference.initialize(decaying(ctx).phaseQ(PhaseQ.parse("wake")).reweighted(true).nSamples(10).build());
      assertEquals(java.util.List.of(m.a), inference.modelVariables());
      Random rng = new Random(2);
      for (int t = 0; t < 2000; t++) {
        inference.update(Map.of(m.xPh, batch(rng)));
      }
      double a = ctx.eval(m.a).scalar();
      double w = ctx.eval(m.w).scalar();
      double sd = m.sd(ctx);
      // Untrained: a = 1, w = 0, sd = 0.69. Over seeds 1-8 the largest errors were 0.020 (a),
      // 0.0025 (w), 0.0032 (sd); the bounds give 2.5-4x room. (K = 10 biases q's wake update
      // slightly towards the prior; here the bias is below the noise.)
      assertEquals(2.0, a, 0.05, "a");
      assertEquals(0.4, w, 0.01, "w");
      assertEquals(1 / Math.sqrt(5), sd, 0.01, "sd");
    }
  }

  /**
   * Conditional inference: x | z, beta ~ N(z + beta, 1) with beta bound in {@code data} to q(beta) =
   * N(1.5, 0.01). Given beta = 1.5 the posterior of z is N((x - 1.5) / 2, 1 / 2), so q learns w =
   * 0.5, b = -0.75, sd = 0.707; fantasies that drew beta from its prior N(0, 1) instead would give b
   * = 0.
   */
  @Test
  void conditionalInferenceHoldsOtherLatentsAtTheirApproximation() {
    try (ModelContext ctx = ModelContext.withSeed(23)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(M));
      VariableScope model = ctx.scope("model");
      Normal beta = Normal.of(model, 0.0, 1.0);
      Normal z = Normal.builder(model).loc(model.tf().zeros(model.tf().constant(new int[] {M}), TFloat32.class)).scale(1.0).build();
      Normal x = Normal.builder(model).loc(model.tf().math.add(z, beta)).scale(1.0).build();
      Normal qbeta = Normal.of(ctx.scope("fixed"), 1.5, 0.01);
      VariableScope q = ctx.scope("q");
      Variable<TFloat32> w = q.getVariable("w", Shape.scalar(), Initializers.zeros());
      Variable<TFloat32> b = q.getVariable("b", Shape.scalar(), Initializers.zeros());
      Variable<TFloat32> c = q.getVariable("c", Shape.scalar(), Initializers.zeros());
      Normal qz = Normal.builder(q).loc(q.tf().math.add(q.tf().math.mul(w, xPh), b)).scale(q.tf().math.softplus(c)).build();
      WakeSleep inference = new WakeSleep(Map.of(z, qz), Map.of(x, xPh, beta, qbeta));
      inference.initialize(decaying(ctx).build());
      Random rng = new Random(3);
      float[] data = new float[M];
      for (int t = 0; t < 2000; t++) {
        for (int i = 0; i < M; i++) {
          data[i] = (float) (1.5 + rng.nextGaussian() + rng.nextGaussian());
        }
        inference.update(Map.of(xPh, data));
      }
      double wv = ctx.eval(w).scalar();
      double bv = ctx.eval(b).scalar();
      double sd = ctx.eval(ctx.tf().math.softplus(c)).scalar();
      // Over seeds 1-8 the largest errors were 0.0070 (w), 0.012 (b), 0.0083 (sd); 2.5-3x room.
      assertEquals(0.5, wv, 0.02, "w");
      assertEquals(-0.75, bv, 0.03, "b");
      assertEquals(Math.sqrt(0.5), sd, 0.02, "sd");
    }
  }

  /**
   * Edward's own WakeSleep test: no latent variables, x ~ Bernoulli(sigmoid(v)) with ten
   * observations of which two are ones; the wake phase is maximum likelihood, so sigmoid(v) -> 0.2.
   */
  @Test
  void fitsAModelParameterWithoutLatentVariables() {
    try (ModelContext ctx = ModelContext.withSeed(4)) {
      VariableScope model = ctx.scope("model");
      Variable<TFloat32> v = model.getVariable("v", Shape.scalar(), Initializers.constant(0.5));
      Operand<TFloat32> p = model.tf().math.sigmoid(v);
      Bernoulli<TFloat32> x = Bernoulli.builder(model).probs(p).sampleShape(10).dtype(TFloat32.class).build();
      WakeSleep inference = new WakeSleep(Map.of(), Map.of(x, ctx.tf().constant(new float[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 1})));
      inference.run(WakeSleepOptions.builder().nIter(300).nPrint(0).build());
      // A deterministic objective: Edward's default Adam reaches 0.2 to 1e-3 within 300 steps.
      assertEquals(0.2, ctx.eval(p).scalar(), 0.01);
    }
  }

  @Test
  void rejectsBadInput() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      LinearGaussian m = new LinearGaussian(ctx, 2.0, true);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhaseQ.parse("dream"));
      assertTrue(e.getMessage().contains("phaseQ") && e.getMessage().contains("dream"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> WakeSleepOptions.builder().nSamples(0));
      assertTrue(e.getMessage().contains("nSamples"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> new WakeSleep(Map.of(), Map.of(m.x, m.xPh)).initialize());
      assertTrue(e.getMessage().contains(m.z.name()), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> new WakeSleep(Map.of(m.z, m.qz), Map.of(m.xPh, m.xPh)));
      assertTrue(e.getMessage().contains("`data` keys must be random variables"), e.getMessage());
    }
  }
}
