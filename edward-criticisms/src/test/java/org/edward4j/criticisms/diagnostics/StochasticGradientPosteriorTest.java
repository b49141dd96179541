package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.montecarlo.SGHMC;
import org.edward4j.inferences.montecarlo.SGLD;
import org.edward4j.inferences.montecarlo.SghmcOptions;
import org.edward4j.inferences.montecarlo.SgldKernel;
import org.edward4j.inferences.montecarlo.SgldOptions;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * SGLD and SGHMC on minibatches with {@code scale = N / M}: mu ~ N(0, 1) and N = 1000 points x ~
 * N(mu, 1), fed M = 100 at a time, target the full-data posterior N(sum x / (N + 1), 1 / (N + 1)).
 * The gradient is linear in mu and its minibatch noise has mean zero, so the draws' mean is unbiased
 * whatever the step: it is checked within {@code Z} Monte Carlo standard errors from the ESS.
 * Their variance is inflated by the discretization and the minibatch noise by a factor the test
 * computes from the step (see each test); without {@code scale} it would be 10 times too large.
 */
class StochasticGradientPosteriorTest {

  private static final double Z = 4.5;
  private static final int N = 1000;
  private static final int M = 100;
  private static final double P = N + 1.0;

  private final float[][] batches = new float[N / M][M];
  private final double mean;
  /** The variance of one minibatch gradient: (N / M)^2 M var(x) (1 - M / N), sampling without replacement. */
  private final double gradientNoise;

  StochasticGradientPosteriorTest() {
    Random random = new Random(41);
    double sum = 0;
    double sq = 0;
    for (int b = 0; b < N / M; b++) {
      for (int i = 0; i < M; i++) {
        batches[b][i] = (float) (1 + random.nextGaussian());
        sum += batches[b][i];
        sq += batches[b][i] * batches[b][i];
      }
    }
    mean = sum / P;
    double varX = sq / N - (sum / N) * (sum / N);
    gradientNoise = (double) N * N / M * varX * (1 - (double) M / N);
  }

  private record Model(Normal mu, Normal xBatch, Placeholder<TFloat32> xPh, Empirical qmu) {}

  private static Model model(ModelContext ctx, int t) {
    VariableScope scope = ctx.scope("model");
    Normal mu = Normal.of(scope, 0.0, 1.0);
    Normal xBatch = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(M).build();
    Placeholder<TFloat32> xPh = ctx.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(M)));
    Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(t), Initializers.zeros()));
    return new Model(mu, xBatch, xPh, qmu);
  }

  /** The minibatches in turn, one per update. */
  private Supplier<Map<Operand<?>, Object>> feeds(Placeholder<TFloat32> xPh) {
    int[] next = {0};
    return () -> Map.of(xPh, batches[next[0]++ % batches.length]);
  }

  private static double[][] draws(ModelContext ctx, Empirical q, int burnIn) {
    float[] all = ctx.eval(q.params()).data();
    double[] kept = new double[all.length - burnIn];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = all[burnIn + i];
    }
    return new double[][] {kept};
  }

  private void assertPosterior(double[][] d, double inflation, String what) {
    double v = 1 / P;
    assertEquals(mean, ChainRunner.mean(d), Z * ChainRunner.mcse(d, Math.sqrt(v * (1 + inflation))), what + " mean");
    double[][] sq = ChainRunner.map(d, x -> (x - mean) * (x - mean));
    double mcse = ChainRunner.mcse(sq, Math.sqrt(2) * v * (1 + inflation));
    assertEquals(v * (1 + inflation / 2), ChainRunner.mean(sq), Z * mcse + v * inflation / 2, what + " variance");
  }

  @Test
  void sgldOnMinibatchesWithScaleTargetsTheFullPosterior() {
    int t = 4000;
    int burnIn = 1000;
    double a = 2e-3;
    try (ModelContext ctx = ModelContext.withSeed(42)) {
      Model m = model(ctx, t);
      SGLD sgld = new SGLD(Map.of(m.mu(), m.qmu()), Map.of(m.xBatch(), m.xPh()));
      sgld.run(SgldOptions.builder().stepSize(a).scale(Map.of(m.xBatch(), (double) N / M)).nPrint(0).build(), feeds(m.xPh()));
      // Euler-Maruyama with step eps on a Gaussian of precision P and gradient noise s2 has
      // stationary variance (1 + eps s2 / 4) / (P (1 - eps P / 4)); the largest kept step bounds it.
      double eps = SgldKernel.builder().stepSize(a).build().learningRate(burnIn);
      double inflation = (1 + eps * gradientNoise / 4) / (1 - eps * P / 4) - 1;
      assertPosterior(draws(ctx, m.qmu(), burnIn), inflation, "SGLD");
    }
  }

  @Test
  void sghmcOnMinibatchesWithScaleTargetsTheFullPosterior() {
    int t = 5000;
    int burnIn = 500;
    double stepSize = 1e-3;
    double friction = 1.0;
    try (ModelContext ctx = ModelContext.withSeed(43)) {
      Model m = model(ctx, t);
      SGHMC sghmc = new SGHMC(Map.of(m.mu(), m.qmu()), Map.of(m.xBatch(), m.xPh()));
      sghmc.run(SghmcOptions.builder().stepSize(stepSize).friction(friction).scale(Map.of(m.xBatch(), (double) N / M))
          .nPrint(0).build(), feeds(m.xPh()));
      // Learning rate eta = 0.01 stepSize: the minibatch noise eta^2 s2 per step adds to the
      // injected friction eta, a variance factor 1 + eta s2 / friction; the discretization adds
      // eta P / friction at most.
      double eta = 0.01 * stepSize;
      double inflation = eta * gradientNoise / friction + eta * P / friction;
      assertPosterior(draws(ctx, m.qmu(), burnIn), inflation, "SGHMC");
    }
  }
}
