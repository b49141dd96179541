package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.GlobalStep;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The paper recipe reads back as Donahue, Kraehenbuehl and Darrell (2017) state it: section 4.2
 * and the appendix's MNIST paragraph, and the authors' {@code train_mnist.sh} with {@code
 * train_gan.py}'s defaults.
 */
class BiganRecipeTest {

  private static final int MNIST_TRAIN = 60000;

  @Test
  void paperSettingsAreThePapers() {
    BiganRecipe r = BiganRecipe.paper();
    assertEquals("paper", r.name());
    assertEquals(50, r.latentDim()); // z ~ U(-1, 1)^50 ("u-50")
    assertEquals(-1.0, r.priorLow());
    assertEquals(1.0, r.priorHigh());
    assertEquals(1024, r.hiddenUnits()); // two hidden layers of 1024 units
    assertEquals(2, r.hiddenLayers());
    assertEquals(0.2, r.leak());
    assertTrue(r.batchNorm());
    // The encoder's codes go through the prior's UniformDistribution.logits_to_sample in the
    // authors' dist.py: low + (high - low) sigmoid(a), so they stay inside U(-1, 1)'s support.
    assertTrue(r.boundedCodes());
    assertEquals(0.02, r.initStddev());
    assertEquals(128, r.batchSize());
    assertEquals(2e-4, r.learningRate());
    assertEquals(0.5, r.beta1());
    assertEquals(2.5e-5, r.weightDecay());
    assertEquals(200, r.constantEpochs()); // --epochs 200 --decay_epochs 200
    assertEquals(200, r.decayEpochs());
  }

  @Test
  void cpuRecipeIsThePapersInFortyEpochs() {
    BiganRecipe p = BiganRecipe.paper();
    BiganRecipe c = BiganRecipe.cpu();
    assertEquals(20, c.constantEpochs());
    assertEquals(20, c.decayEpochs());
    assertEquals(40L * 469, c.totalIterations(MNIST_TRAIN));
    // Everything else is the paper's.
    assertEquals(new BiganRecipe("cpu", p.latentDim(), p.priorLow(), p.priorHigh(), p.hiddenUnits(), p.hiddenLayers(),
        p.leak(), p.batchNorm(), p.boundedCodes(), p.initStddev(), p.batchSize(), p.learningRate(), p.beta1(),
        p.weightDecay(), 20, 20, c.source()), c);
    assertEquals(false, p.withBoundedCodes(false).boundedCodes());
    assertEquals(p, p.withBoundedCodes(true));
  }

  @Test
  void boundedCodesAreTheScaledSigmoidOfTheEncoderOutput() {
    BiganRecipe r = new BiganRecipe("small", 4, -1, 1, 16, 2, 0.2, true, true, 0.5, 8, 2e-4, 0.5, 2.5e-5, 0, 1, "test");
    float[] x = new float[8 * 784];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextDouble();
    }
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      var xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(8, 784));
      Operand<TFloat32> logits = BiganPaperExample.encoderLogits(ctx.scope("Gen").child("encoder"), xPh, r, true);
      Operand<TFloat32> codes = BiganPaperExample.codes(ctx.tf(), logits, r);
      float[] a;
      float[] z;
      try (org.edward4j.core.Feeds feeds = new org.edward4j.core.Feeds()) {
        var values = ctx.evalAll(java.util.List.of(logits, codes), feeds.put(xPh, x).asMap());
        a = values.get(0).data();
        z = values.get(1).data();
      }
      boolean wide = false;
      for (int i = 0; i < a.length; i++) {
        // The authors' UniformDistribution.logits_to_sample: low + (high - low) sigmoid(a); float32 rounding.
        assertEquals(-1 + 2 / (1 + Math.exp(-a[i])), z[i], 1e-6, "entry " + i);
        assertTrue(z[i] > -1 && z[i] < 1, "codes stay inside the prior's box");
        wide |= Math.abs(a[i]) > 1;
      }
      // Weights of sd 0.5 on 784 inputs give pre-activations far outside [-1, 1]: the squashing is tested.
      assertTrue(wide, "some encoder output lies outside [-1, 1] before squashing");
    }
  }

  @Test
  void codeStatisticsOfKnownCodes() {
    BiganRecipe r = new BiganRecipe("small", 2, -1, 1, 16, 2, 0.2, true, true, 0.02, 2, 2e-4, 0.5, 2.5e-5, 0, 1, "test");
    // Rows (0.5, -2) and (-0.5, 2): |z| mean 1.25; per-dimension sd 0.5 and 2, mean 1.25; half the entries outside.
    CodeStatistics s = CodeStatistics.of(new float[] {0.5f, -2f, -0.5f, 2f}, r);
    assertEquals(1.25, s.meanAbs(), 1e-12);
    assertEquals(1.25, s.meanSpread(), 1e-12);
    assertEquals(0.5, s.outside(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> CodeStatistics.of(new float[3], r));
  }

  @Test
  void javadocExample() {
    // From BiganRecipe's Javadoc:
    BiganRecipe r = BiganRecipe.paper();
    long steps = r.totalIterations(60000);          // 400 epochs of ceil(60000 / 128) batches
    double lr = r.learningRateAt(steps - 1, 60000); // the last step's rate, close to 0
    assertEquals(187600, steps);
    assertTrue(lr > 0 && lr < 1e-8, "last rate " + lr);
  }

  @Test
  void scheduleIsConstantThenLinearToZero() {
    BiganRecipe r = BiganRecipe.paper();
    // ceil(60000 / 128) = 469 updates per epoch; 400 epochs.
    assertEquals(469, r.iterationsPerEpoch(MNIST_TRAIN));
    assertEquals(400L * 469, r.totalIterations(MNIST_TRAIN));
    long constant = 200L * 469;
    assertEquals(2e-4, r.learningRateAt(0, MNIST_TRAIN));
    assertEquals(2e-4, r.learningRateAt(constant, MNIST_TRAIN));
    // Half-way through the decay: half the rate; one step before the end: 1/93,800 of it.
    assertEquals(1e-4, r.learningRateAt(constant + 100L * 469, MNIST_TRAIN), 1e-18);
    assertEquals(2e-4 / (200.0 * 469), r.learningRateAt(r.totalIterations(MNIST_TRAIN) - 1, MNIST_TRAIN), 1e-18);
    assertEquals(0.0, r.learningRateAt(r.totalIterations(MNIST_TRAIN), MNIST_TRAIN));
    assertEquals(0.0, r.learningRateAt(r.totalIterations(MNIST_TRAIN) + 5, MNIST_TRAIN));
  }

  @Test
  void graphLearningRateFollowsTheSchedule() {
    BiganRecipe r = BiganRecipe.paper();
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Variable<TInt64> step = GlobalStep.getOrCreate(ctx);
      Operand<TFloat32> lr = BiganPaperExample.learningRate(ctx.tf(), step, r, MNIST_TRAIN);
      Placeholder<TInt64> value = ctx.tf().placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      Op assign = step.assign(ctx.tf(), value);
      for (long t : new long[] {0, 93799, 93800, 140700, 187599, 187600, 200000}) {
        try (TInt64 v = TInt64.scalarOf(t)) {
          ctx.run(ctx.session().runner().feed(value, v).addTarget(assign)).close();
        }
        // float32: the step (exact below 2^24) and the rate carry a relative error of a few 1e-7.
        double expected = r.learningRateAt(t, MNIST_TRAIN);
        assertEquals(expected, ctx.eval(lr).data()[0], 1e-6 * r.learningRate(), "step " + t);
      }
    }
  }

  @Test
  void codesAreUniformOnThePriorAndKeyedByUpdate() {
    BiganRecipe r = BiganRecipe.paper();
    float[] a = new float[128 * 50];
    float[] b = new float[a.length];
    BiganPaperExample.drawCodes(a, 42, 1000, r);
    BiganPaperExample.drawCodes(b, 42, 1000, r);
    assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b), "same (seed, update), same codes");
    BiganPaperExample.drawCodes(b, 42, 1001, r);
    double mean = 0;
    double square = 0;
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      assertTrue(a[i] >= -1 && a[i] < 1, "codes lie in [-1, 1)");
      mean += a[i] / a.length;
      square += a[i] * a[i] / a.length;
      same += a[i] == b[i] ? 1 : 0;
    }
    // U(-1, 1): mean 0 (sd 1/sqrt(3 n) = 0.0072 for n = 6400), E z^2 = 1/3 (sd sqrt(4/45 / n) = 0.0037);
    // 5 standard deviations.
    assertEquals(0, mean, 5 * 0.0072);
    assertEquals(1.0 / 3, square, 5 * 0.0037);
    assertTrue(same < 5, "the next update draws new codes");
  }

  @Test
  void rejectsSettingsOutOfRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BiganRecipe("x", 0, -1, 1, 1024,
        2, 0.2, true, true, 0.02, 128, 2e-4, 0.5, 2.5e-5, 200, 200, "test"));
    assertTrue(e.getMessage().contains("`latentDim` must be positive, got 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BiganRecipe("x", 50, 1, 1, 1024, 2, 0.2, true, true, 0.02, 128, 2e-4,
        0.5, 2.5e-5, 200, 200, "test"));
    assertThrows(IllegalArgumentException.class, () -> new BiganRecipe("x", 50, -1, 1, 1024, 2, 0.2, true, true, 0.02, 128,
        2e-4, 0.5, 2.5e-5, 0, 0, "test"));
  }
}
