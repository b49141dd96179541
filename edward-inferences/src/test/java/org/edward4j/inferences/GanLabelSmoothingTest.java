package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.GradientDescent;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One-sided label smoothing in {@link GANInference}: the discriminator's loss against a closed form,
 * its optimum against the theory, and the argument check.
 */
class GanLabelSmoothingTest {

  private static final float[] REAL = {1, 2, 3};

  /** softplus written independently of TensorFlow's kernel. */
  private static double softplus(double x) {
    return Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0);
  }

  /** Generated x = a (a constant 2, three copies); Gen holds a, Disc a kernel w and a bias c. */
  private static GANInference build(ModelContext ctx, ContextPlaceholder<TFloat32> xPh, double smoothing,
      float w0, float c0) {
    VariableScope gen = ctx.scope("Gen");
    Variable<TFloat32> a = gen.getVariable("a", Shape.of(1), Initializers.constant(2));
    Operand<TFloat32> x = gen.tf().math.mul(gen.tf().ones(gen.tf().constant(new int[] {3, 1}), TFloat32.class), a);
    Discriminator linear = (s, in) -> {
      Variable<TFloat32> w = s.getVariable("w", Shape.of(1, 1), Initializers.constant(w0));
      Variable<TFloat32> c = s.getVariable("c", Shape.of(1), Initializers.constant(c0));
      return s.tf().math.add(s.tf().linalg.matMul(in, w), c);
    };
    return new GANInference(ctx, Map.of(x, xPh), linear, smoothing);
  }

  @Test
  void realExamplesGetTheLabelOneMinusS() {
    for (double s : new double[] {0, 0.25}) {
      try (ModelContext ctx = ModelContext.withSeed(1)) {
        ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(3, 1));
        GANInference inference = build(ctx, xPh, s, 1f, 0f);
        inference.initialize(GanOptions.builder().nIter(1).build());
        UpdateInfo info = inference.update(Map.of(xPh, REAL));
        // Logits: the real ones are the data (w = 1, c = 0), the generated ones all 2. Cross-entropy
        // of label z: z softplus(-a) + (1 - z) softplus(a); real label 1 - s, generated label 0.
        double real = 0;
        for (float v : REAL) {
          real += ((1 - s) * softplus(-v) + s * softplus(v)) / REAL.length;
        }
        double expected = real + softplus(2);
        // float32 evaluation of five softplus terms of order 1: well inside 1e-5.
        assertEquals(expected, info.lossD(), 1e-5, "loss_d at label smoothing " + s);
        // The generator's loss keeps the label 1: softplus(-2).
        assertEquals(softplus(-2), info.loss(), 1e-5, "generator loss at label smoothing " + s);
        assertEquals(s, inference.labelSmoothing());
      }
    }
  }

  @Test
  void theDiscriminatorsOptimumIsOneMinusSOverTwoWhenItCannotTellThemApart() {
    // Real and generated inputs are all 2, so both get the same logit l = 2 w + c and the loss is a
    // function of l alone: softplus(-l) + s l + softplus(l). Its derivative 2 sigma(l) - 1 + s vanishes
    // at sigma(l) = (1 - s) / 2, i.e. l = log((1 - s) / (1 + s)): the optimum (1 - s) p_data / (p_data
    // + p_g) at p_g = p_data. Without smoothing the same training would end at l = 0.
    double s = 0.25;
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(3, 1));
      GANInference inference = build(ctx, xPh, s, 0f, 0f);
      inference.initialize(GanOptions.builder().nIter(300)
          .optimizerD(GradientDescent.builder().learningRate(0.2).build()).build());
      float[] same = {2, 2, 2};
      for (int i = 0; i < 300; i++) {
        inference.update(Map.of(xPh, same), Side.DISC);
      }
      Ops tf = ctx.tf();
      Operand<TFloat32> w = discVariable(ctx, "w");
      Operand<TFloat32> c = discVariable(ctx, "c");
      double logit = ctx.eval(tf.math.add(tf.math.mul(tf.constant(2f), tf.reshape(w, tf.constant(new int[] {1}))), c))
          .get(0);
      // Gradient descent moves l by -rate (2^2 + 1) g(l) per step; the curvature of the loss in l is
      // 2 sigma(l)(1 - sigma(l)) <= 0.5, so each step shrinks the error by a factor of at most 0.5 near
      // the optimum (0.47 there): after 300 steps only float32 rounding (about 1e-7) is left.
      assertEquals(Math.log((1 - s) / (1 + s)), logit, 1e-5);
    }
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> discVariable(ModelContext ctx, String suffix) {
    return ((Variable<TFloat32>) ctx.collections().trainableVariables("Disc").stream()
        .filter(v -> v.name().endsWith("/" + suffix)).findFirst().orElseThrow()).value();
  }

  @Test
  void smoothingOutsideZeroToOneIsRejectedBeforeAnyRun() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(3, 1));
      Operand<TFloat32> x = ctx.tf().ones(ctx.tf().constant(new int[] {3, 1}), TFloat32.class);
      Discriminator d = (sc, in) -> in;
      for (double bad : new double[] {1.0, Double.NaN, -0.1}) {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> new GANInference(ctx, Map.of(x, xPh), d, bad));
        assertEquals("`labelSmoothing` must be in [0, 1), got " + bad, e.getMessage());
      }
      assertEquals(0, ctx.sessionRunCount(), "no Session.run before the check");
    }
  }
}
