package org.edward4j.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edward4j.core.ModelContext;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer's update against its formula, followed by hand in double precision on {@link
 * Quadratic}. The runtime works in float32: a handful of steps of size at most 0.1 accumulate
 * rounding of order 1e-7, so 1e-6 separates rounding from a wrong formula (a wrong bias
 * correction or epsilon placement moves the first step by more than 1e-3).
 */
class OptimizerFormulasTest {

  private static final int STEPS = 5;
  private static final double TOL = 1e-6;

  @Test
  void adamMatchesKingmaBaWithEpsilonHat() {
    // Betas that are exact in float32, so the float32 beta powers carry no rounding.
    Adam adam = Adam.builder().learningRate(0.1).beta1(0.5).beta2(0.75).epsilon(1e-3).build();
    assertFollows(adam, new AdamReference(0.1, 0.5, 0.75, 1e-3));
  }

  @Test
  void adamWithTfDefaultsMatches() {
    assertFollows(Adam.create(), new AdamReference(0.001, 0.9, 0.999, 1e-8));
  }

  @Test
  void gradientDescentSubtractsRateTimesGradient() {
    assertFollows(GradientDescent.create(0.1), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        w[i] -= 0.1 * g[i];
      }
    });
  }

  @Test
  void momentumAccumulatesThenSteps() {
    double[] a = new double[3];
    assertFollows(Momentum.builder().learningRate(0.1).momentum(0.5).build(), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        a[i] = 0.5 * a[i] + g[i];
        w[i] -= 0.1 * a[i];
      }
    });
  }

  @Test
  void nesterovMomentumLooksAhead() {
    double[] a = new double[3];
    assertFollows(Momentum.builder().learningRate(0.1).momentum(0.5).nesterov(true).build(), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        a[i] = 0.5 * a[i] + g[i];
        w[i] -= 0.1 * (g[i] + 0.5 * a[i]);
      }
    });
  }

  @Test
  void rmsPropScalesByRootMeanSquareStartingAtOne() {
    double[] ms = {1, 1, 1};
    double[] mom = new double[3];
    assertFollows(RmsProp.builder().learningRate(0.1).decay(0.5).momentum(0.25).epsilon(1e-3).build(), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        ms[i] = 0.5 * ms[i] + 0.5 * g[i] * g[i];
        mom[i] = 0.25 * mom[i] + 0.1 * g[i] / Math.sqrt(ms[i] + 1e-3);
        w[i] -= mom[i];
      }
    });
  }

  @Test
  void centeredRmsPropSubtractsTheSquaredMeanGradient() {
    double[] ms = {1, 1, 1};
    double[] mg = new double[3];
    double[] mom = new double[3];
    assertFollows(RmsProp.builder().learningRate(0.1).decay(0.5).centered(true).epsilon(1e-3).build(), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        ms[i] = 0.5 * ms[i] + 0.5 * g[i] * g[i];
        mg[i] = 0.5 * mg[i] + 0.5 * g[i];
        mom[i] = 0.1 * g[i] / Math.sqrt(ms[i] - mg[i] * mg[i] + 1e-3);
        w[i] -= mom[i];
      }
    });
  }

  @Test
  void adagradDividesByRootOfSummedSquares() {
    double[] acc = {0.5, 0.5, 0.5};
    assertFollows(Adagrad.builder().learningRate(0.1).initialAccumulatorValue(0.5).build(), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        acc[i] += g[i] * g[i];
        w[i] -= 0.1 * g[i] / Math.sqrt(acc[i]);
      }
    });
  }

  @Test
  void adadeltaUsesRatioOfRunningRoots() {
    double[] acc = new double[3];
    double[] upd = new double[3];
    assertFollows(Adadelta.builder().learningRate(1.0).rho(0.5).epsilon(1e-2).build(), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        acc[i] = 0.5 * acc[i] + 0.5 * g[i] * g[i];
        double u = Math.sqrt(upd[i] + 1e-2) / Math.sqrt(acc[i] + 1e-2) * g[i];
        upd[i] = 0.5 * upd[i] + 0.5 * u * u;
        w[i] -= u;
      }
    });
  }

  /** One step of an optimizer in double precision, updating {@code w} in place; {@code t} from 1. */
  @FunctionalInterface
  interface Reference {
    void step(double[] w, double[] g, int t);
  }

  /** TensorFlow's Adam: bias correction folded into the rate, epsilon added to sqrt(v). */
  record AdamReference(double lr, double beta1, double beta2, double epsilon, double[] m, double[] v)
      implements Reference {
    AdamReference(double lr, double beta1, double beta2, double epsilon) {
      this(lr, beta1, beta2, epsilon, new double[3], new double[3]);
    }

    @Override
    public void step(double[] w, double[] g, int t) {
      double lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
      for (int i = 0; i < w.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        w[i] -= lrT * m[i] / (Math.sqrt(v[i]) + epsilon);
      }
    }
  }

  private static void assertFollows(Optimizer optimizer, Reference reference) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Quadratic q = new Quadratic(ctx, "Model");
      TrainStep step = optimizer.minimize(q.loss, java.util.List.of(q.w));
      double[] expected = Quadratic.W0.clone();
      for (int t = 1; t <= STEPS; t++) {
        reference.step(expected, Quadratic.gradient(expected), t);
        q.run(step);
        float[] actual = q.values();
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i], actual[i], TOL, optimizer + ": w[" + i + "] after step " + t);
        }
      }
    }
  }
}
