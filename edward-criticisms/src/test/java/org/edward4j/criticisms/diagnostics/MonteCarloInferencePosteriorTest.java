package org.edward4j.criticisms.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.MonteCarloOptions;
import org.edward4j.inferences.montecarlo.HMC;
import org.edward4j.inferences.montecarlo.HmcOptions;
import org.edward4j.inferences.montecarlo.MetropolisHastings;
import org.edward4j.inferences.montecarlo.MonteCarlo;
import org.edward4j.inferences.montecarlo.ReplicaExchangeMC;
import org.edward4j.inferences.montecarlo.ReplicaExchangeOptions;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.edward4j.models.Empirical;
import org.edward4j.models.Gamma;
import org.edward4j.models.Normal;
import org.edward4j.models.Poisson;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The Monte Carlo inference classes on conjugate models with closed-form posteriors, checked with
 * the diagnostics: every tolerance is {@code Z} Monte Carlo standard errors, {@code sd / sqrt(ESS)}
 * with the ESS of the split chain estimated from the draws. {@code Z = 4.5}: a false failure rate
 * of about 7e-6 per assertion if the ESS is right.
 */
class MonteCarloInferencePosteriorTest {

  private static final double Z = 4.5;

  /** The draws of a scalar latent after {@code burnIn}, as one chain. */
  private static double[][] draws(ModelContext ctx, Empirical q, int burnIn) {
    float[] all = ctx.eval(q.params()).data();
    double[] kept = new double[all.length - burnIn];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = all[burnIn + i];
    }
    return new double[][] {kept};
  }

  /** Checks the mean and variance of scalar draws against a posterior with the given moments. */
  private static void assertMoments(double[][] d, double mean, double variance, double fourthCentral, String what) {
    assertEquals(mean, ChainRunner.mean(d), Z * ChainRunner.mcse(d, Math.sqrt(variance)), what + " mean");
    double[][] sq = ChainRunner.map(d, v -> (v - mean) * (v - mean));
    assertEquals(variance, ChainRunner.mean(sq), Z * ChainRunner.mcse(sq, Math.sqrt(fourthCentral - variance * variance)),
        what + " variance");
  }

  private static double acceptRate(ModelContext ctx, MonteCarlo<?> inference) {
    return ctx.eval(inference.sampleStore().nAccept()).longs()[0] / (double) ctx.eval(inference.sampleStore().t()).longs()[0];
  }

  @Test
  void hmcRecoversTheNormalNormalPosterior() {
    // mu ~ N(0, 1), 50 x ~ N(mu, 1): posterior N(sum x / 51, 1 / 51), fourth central moment 3 sd^4.
    Random random = new Random(21);
    float[] x = new float[50];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 + random.nextGaussian());
      sum += x[i];
    }
    double v = 1 / 51.0;
    try (ModelContext ctx = ModelContext.withSeed(22)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal xs = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
      Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(3000), Initializers.zeros()));
      HMC hmc = new HMC(Map.of(mu, qmu), Map.of(xs, ctx.tf().constant(x)));
      hmc.run(HmcOptions.builder().stepSize(0.2).nSteps(5).nPrint(0).build());
      assertTrue(acceptRate(ctx, hmc) > 0.5, "acceptance " + acceptRate(ctx, hmc));
      assertMoments(draws(ctx, qmu, 200), sum / 51, v, 3 * v * v, "HMC normal-normal");
    }
  }

  @Test
  void hmcRecoversAGammaPoissonPosteriorThroughTheSoftplus() {
    // lambda ~ Gamma(2, 1), 6 counts summing to 15: posterior Gamma(a = 17, b = 7), mean a / b,
    // variance a / b^2, fourth central moment 3 a (a + 2) / b^4.
    float[] counts = {2f, 3f, 1f, 4f, 2f, 3f};
    double a = 17;
    double b = 7;
    try (ModelContext ctx = ModelContext.withSeed(23)) {
      VariableScope scope = ctx.scope("model");
      Gamma lambda = Gamma.of(scope, 2.0, 1.0);
      Poisson<TFloat32> xs = Poisson.builder(scope).rate(lambda).sampleShape(counts.length).build();
      Empirical q = Empirical.of(scope, scope.getVariable("q", Shape.of(4000), Initializers.ones()));
      HMC hmc = new HMC(Map.of(lambda, q), Map.of(xs, ctx.tf().constant(counts)));
      hmc.run(HmcOptions.builder().stepSize(0.3).nSteps(4).nPrint(0).build());
      assertMoments(draws(ctx, q, 200), a / b, a / (b * b), 3 * a * (a + 2) / Math.pow(b, 4), "HMC Gamma-Poisson");
    }
  }

  /** Edward's beta_bernoulli: p ~ Beta(1, 1), ten flips with two heads; posterior Beta(3, 9). */
  private static void betaBernoulliByMetropolisHastings(long seed, java.util.function.BiFunction<VariableScope, Beta, Operand<?>> proposal) {
    int[] flips = {0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
    double mean = 0.25;
    double variance = 27.0 / (144 * 13);
    double fourth = 3 * 3 * 9 * (3 * 9 * (12 - 6) + 2 * 144) / (Math.pow(12, 4) * 13 * 14 * 15);
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      VariableScope scope = ctx.scope("model");
      Beta p = Beta.of(scope, 1.0, 1.0);
      Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(p).sampleShape(flips.length).build();
      Empirical qp = Empirical.of(scope, scope.getVariable("qp", Shape.of(5000), Initializers.constant(0.5)));
      MetropolisHastings mh = new MetropolisHastings(Map.of(p, qp), Map.of(p, proposal.apply(scope, p)),
          Map.of(x, ctx.tf().constant(flips)));
      mh.run(MonteCarloOptions.builder().nPrint(0).build());
      double[][] d = draws(ctx, qp, 200);
      for (double v : d[0]) {
        assertTrue(v > 0 && v < 1, "draw " + v);
      }
      assertMoments(d, mean, variance, fourth, "MH Beta-Bernoulli");
    }
  }

  @Test
  void metropolisHastingsWithABetaIndependenceProposal() {
    // g = Beta(2, 2) whatever the state: g(z' | z) != g(z | z'), so both densities must enter the
    // ratio; leaving them out would sample p(z) g(z) ~ Beta(4, 10) (mean 0.286, 7 sd away).
    betaBernoulliByMetropolisHastings(24, (scope, p) -> Beta.of(scope, 2.0, 2.0));
  }

  @Test
  void metropolisHastingsWithANormalRandomWalkProposal() {
    // g = N(p, 0.15): symmetric; proposals outside (0, 1) have log density -inf and are rejected.
    betaBernoulliByMetropolisHastings(25, (scope, p) -> Normal.builder(scope).loc(p).scale(0.15).build());
  }

  /** z ~ N(0, 3), x ~ N(z^2, 0.5) observed at 4: modes at +-2, symmetric, each of sd about 0.13. */
  private static double[][] bimodal(ModelContext ctx, boolean exchange) {
    VariableScope scope = ctx.scope("model");
    Ops tf = ctx.tf();
    Normal z = Normal.of(scope, 0.0, 3.0);
    Normal x = Normal.builder(scope).loc(tf.math.square(z)).scale(0.5).build();
    Normal proposal = Normal.builder(scope).loc(z).scale(0.5).build();
    Empirical qz = Empirical.of(scope, scope.getVariable("qz", Shape.of(4000), Initializers.constant(2.0)));
    Map<Operand<?>, Operand<?>> data = Map.of(x, tf.constant(4f));
    if (exchange) {
      ReplicaExchangeMC rex = new ReplicaExchangeMC(Map.of(z, qz), Map.of(z, proposal), data);
      rex.run(ReplicaExchangeOptions.builder().inverseTemperatures(1.0, 0.3, 0.1, 0.03, 0.01).exchangeFreq(0.5)
          .nPrint(0).build());
    } else {
      new MetropolisHastings(Map.of(z, qz), Map.of(z, proposal), data).run(MonteCarloOptions.builder().nPrint(0).build());
    }
    return ChainRunner.map(draws(ctx, qz, 200), v -> v > 0 ? 1 : 0);
  }

  @Test
  void replicaExchangeVisitsBothModes() {
    double[][] positive;
    try (ModelContext ctx = ModelContext.withSeed(26)) {
      positive = bimodal(ctx, true);
    }
    // P(z > 0) = 1/2 by symmetry; the indicator's sd is 1/2.
    assertEquals(0.5, ChainRunner.mean(positive), Z * ChainRunner.mcse(positive, 0.5), "share of draws near +2");
  }

  @Test
  void metropolisHastingsAloneStaysInOneMode() {
    // The same proposal at beta = 1 never crosses the barrier of log density -32 at z = 0: what
    // the test above would see if replica exchange did not exchange.
    try (ModelContext ctx = ModelContext.withSeed(26)) {
      assertEquals(1.0, ChainRunner.mean(bimodal(ctx, false)));
    }
  }
}
