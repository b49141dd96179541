package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.testing.StatisticalAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class HmcKernelTest {

  private static final double MEAN = 0.8;
  private static final double SD = 0.14;

  private ModelContext ctx;
  private Ops tf;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(11);
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private static GaussianTarget target() {
    return new GaussianTarget(new double[] {MEAN}, new double[][] {{1 / (SD * SD)}});
  }

  @Test
  void aTinyStepIsAlwaysAccepted() {
    Placeholder<TFloat32> z = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
    KernelStep step = HmcKernel.builder().stepSize(1e-3).nSteps(3).build()
        .step(ctx, tf, GaussianTarget.correlated2d(0.8).logJoint(tf), List.of(z));
    // One fetch for every run: a new fetch would make the session build a new executor each time.
    Operand<TFloat32> flag = tf.dtypes.cast(step.accepted(), TFloat32.class);
    Random random = new Random(1);
    int accepted = 0;
    int n = 200;
    for (int i = 0; i < n; i++) {
      try (TFloat32 start = TFloat32.vectorOf((float) random.nextGaussian(), (float) random.nextGaussian())) {
        accepted += ctx.eval(flag, Map.of(z, start)).data()[0] > 0 ? 1 : 0;
      }
    }
    // The energy error is O(eps^2) ~ 1e-6, at the level of float32 rounding of H ~ 1: each
    // transition is rejected with probability about 1e-6, so all 200 are accepted but for a fluke.
    assertTrue(accepted >= n - 1, "accepted " + accepted + " of " + n);
  }

  /**
   * HMC leaves its target invariant: started at exact draws of N(0.8, 0.14^2), three transitions
   * later the state is still an exact draw. The step (1.2 sd) is large enough that the leapfrog
   * without its Metropolis correction inflates the variance to 1.46 times the target's after three
   * transitions (the propagator of the harmonic oscillator), which the same check catches.
   */
  @Test
  void chainsStartedAtExactDrawsKeepTheTargetsMoments() {
    Placeholder<TFloat32> z0 = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1)));
    LogJoint logJoint = target().logJoint(tf);
    HmcKernel hmc = HmcKernel.builder().stepSize(1.2 * SD).nSteps(3).build();
    List<Operand<TFloat32>> state = List.of(z0);
    List<Operand<TFloat32>> unadjusted = List.of(z0);
    Operand<TFloat32> accepts = tf.constant(0f);
    for (int k = 0; k < 3; k++) {
      KernelStep step = hmc.step(ctx, tf, logJoint, state);
      state = step.state();
      accepts = tf.math.add(accepts, tf.dtypes.cast(step.accepted(), TFloat32.class));
      Operand<TFloat32> r = tf.random.statelessRandomNormal(tf.constant(new int[] {1}), ctx.statelessSeed(tf, ctx.nextOpSeed()));
      unadjusted = Leapfrog.integrate(ctx, tf, logJoint, unadjusted, List.of(r), 1.2 * SD, 3).state();
    }
    int n = 1500;
    float[] corrected = new float[n];
    float[] uncorrected = new float[n];
    double acceptedTotal = 0;
    Random random = new Random(2);
    for (int i = 0; i < n; i++) {
      try (TFloat32 start = TFloat32.vectorOf((float) (MEAN + SD * random.nextGaussian()))) {
        List<TensorValue> v = ctx.evalAll(List.of(state.get(0), unadjusted.get(0), accepts), Map.of(z0, start));
        corrected[i] = v.get(0).data()[0];
        uncorrected[i] = v.get(1).data()[0];
        acceptedTotal += v.get(2).data()[0];
      }
    }
    double rate = acceptedTotal / (3.0 * n);
    assertTrue(rate > 0.3 && rate < 0.99, "acceptance rate " + rate + ": the correction must have work to do");
    // Independent exact draws: Kolmogorov-Smirnov against the DKW bound at alpha = 1e-6, the mean
    // within 4.5 standard errors, the variance within 4.5 sd of the sample variance (sqrt(2/n) relative).
    StatisticalAssertions.assertMatchesCdf("HMC draws", corrected,
        x -> 0.5 * (1 + org.apache.commons.math3.special.Erf.erf((x - MEAN) / (SD * Math.sqrt(2)))), 1e-6);
    StatisticalAssertions.assertMeanWithin("HMC draws", corrected, MEAN, SD, 4.5);
    double varianceTol = 4.5 * Math.sqrt(2.0 / n);
    assertEquals(1.0, variance(corrected) / (SD * SD), varianceTol, "variance ratio with the correction");
    double withoutCorrection = variance(uncorrected) / (SD * SD);
    assertTrue(Math.abs(withoutCorrection - 1) > varianceTol,
        "without the correction the variance ratio is " + withoutCorrection + ", expected about 1.46");
  }

  private static double variance(float[] x) {
    double m = 0;
    for (float v : x) {
      m += v / (double) x.length;
    }
    double s = 0;
    for (float v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }

  @Test
  void rejectsBadConfigurationAndState() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HmcKernel.builder().stepSize(-0.1));
    assertEquals("`stepSize` must be positive and finite, got -0.1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> HmcKernel.builder().nSteps(0));
    assertEquals("`nSteps` must be at least 1, got 0", e.getMessage());
    HmcKernel hmc = HmcKernel.builder().build();
    assertEquals("HmcKernel(stepSize=0.25, nSteps=2)", hmc.toString());
    LogJoint logJoint = target().logJoint(tf);
    List<Operand<TFloat32>> unknown = new ArrayList<>();
    unknown.add(tf.placeholder(TFloat32.class));
    e = assertThrows(IllegalArgumentException.class, () -> hmc.step(ctx, tf, logJoint, unknown));
    assertTrue(e.getMessage().startsWith("`current[0]` must have a fully known shape"), e.getMessage());
    try (ModelContext other = ModelContext.withSeed(1)) {
      List<Operand<TFloat32>> foreign = List.of(other.tf().constant(new float[] {1f}));
      e = assertThrows(IllegalArgumentException.class, () -> hmc.step(ctx, tf, logJoint, foreign));
      assertTrue(e.getMessage().startsWith("`current[0]` must belong to the graph of"), e.getMessage());
    }
  }
}
