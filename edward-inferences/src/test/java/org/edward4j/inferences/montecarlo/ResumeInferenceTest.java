package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.core.checkpoints.Saver;
import org.edward4j.models.Empirical;
import org.edward4j.models.Gamma;
import org.edward4j.models.Normal;
import org.edward4j.models.Poisson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Monte Carlo inference saved half-way and restored into a fresh context continues the same chain
 * bit for bit: the draws, the counters {@code t} and {@code n_accept}, the hidden unconstrained
 * chain of a Gamma latent and SGHMC's velocity are variables, and every draw comes from a stateless
 * op keyed by the saved random step.
 */
class ResumeInferenceTest {

  private static final int T = 16;

  @TempDir Path dir;

  private record Built(HMC hmc, SGHMC sghmc, Empirical qLambda, Empirical qMu) {}

  private static Built build(ModelContext ctx) {
    VariableScope scope = ctx.scope("model");
    Ops tf = ctx.tf();
    Gamma lambda = Gamma.of(scope, 2.0, 1.0);
    Poisson<TFloat32> counts = Poisson.builder(scope).rate(lambda).sampleShape(4).build();
    Empirical qLambda = Empirical.of(scope, scope.getVariable("q_lambda", Shape.of(T), Initializers.ones()));
    HMC hmc = new HMC(Map.of(lambda, qLambda), Map.of(counts, tf.constant(new float[] {1f, 4f, 2f, 3f})));
    hmc.initialize(HmcOptions.builder().stepSize(0.4).nSteps(3).nPrint(0).build());
    Normal mu = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(3).build();
    Normal x = Normal.builder(scope).loc(mu).scale(1.0).build();
    Empirical qMu = Empirical.of(scope, scope.getVariable("q_mu", Shape.of(T, 3), Initializers.zeros()));
    SGHMC sghmc = new SGHMC(Map.of(mu, qMu), Map.of(x, tf.constant(new float[] {1f, -1f, 2f})));
    sghmc.initialize(SghmcOptions.builder().stepSize(5).nPrint(0).build());
    return new Built(hmc, sghmc, qLambda, qMu);
  }

  private static void run(Built b, int n) {
    for (int i = 0; i < n; i++) {
      b.hmc().update();
      b.sghmc().update();
    }
  }

  @Test
  void aRestoredInferenceContinuesTheSameChains() {
    float[] lambdaAll;
    float[] muAll;
    try (ModelContext ctx = ModelContext.withSeed(78)) {
      Built b = build(ctx);
      run(b, T / 2);
      Saver.builder(ctx).build().save(dir, T / 2);
      run(b, T / 2);
      lambdaAll = ctx.eval(b.qLambda().params()).data();
      muAll = ctx.eval(b.qMu().params()).data();
      assertEquals(T, ctx.eval(b.hmc().sampleStore().t()).longs()[0]);
    }
    try (ModelContext ctx = ModelContext.withSeed(78)) {
      Built b = build(ctx);
      Saver.builder(ctx).build().restore(dir);
      assertEquals(T / 2, b.hmc().restoreIteration());
      assertEquals(T / 2, b.sghmc().restoreIteration());
      run(b, T / 2);
      assertArrayEquals(lambdaAll, ctx.eval(b.qLambda().params()).data(), "HMC draws of the Gamma latent");
      assertArrayEquals(muAll, ctx.eval(b.qMu().params()).data(), "SGHMC draws");
      assertEquals(T, b.hmc().iteration());
    }
  }
}
