package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Empirical;
import org.edward4j.models.Gamma;
import org.edward4j.models.Normal;
import org.edward4j.models.Poisson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@link HMC} on Edward's test wirings ({@code tests/inferences/test_hmc.py}): the normal-normal
 * model in the dict and list forms, and linear regression; counters, {@code reset}, the acceptance
 * rate of a tiny step, and a constrained latent stored constrained. The statistical checks with
 * tolerances from the effective sample size live in edward-criticisms' {@code
 * HmcInferencePosteriorTest}; Edward's own loose tolerances are kept here.
 */
class HmcInferenceTest {

  private ModelContext ctx;
  private VariableScope scope;
  private Ops tf;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(42);
    scope = ctx.scope("model");
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  /** Edward's normal-normal: mu ~ N(0, 1), 50 x ~ N(mu, 1) observed at 0; posterior N(0, 1/51). */
  private Normal[] normalNormal() {
    Normal mu = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
    return new Normal[] {mu, x};
  }

  private float[] eval(Operand<TFloat32> x) {
    return ctx.eval(x).data();
  }

  @Test
  void normalNormalDictForm() {
    Normal[] m = normalNormal();
    Variable<TFloat32> params = scope.getVariable("qmu", Shape.of(2000), Initializers.ones());
    Empirical qmu = Empirical.of(scope, params);
    HMC inference = new HMC(Map.of(m[0], qmu), Map.of(m[1], tf.constant(new float[50])));
    inference.run(HmcOptions.builder().nPrint(0).build());
    // Edward's tolerances: rtol = atol = 0.1 on the mean 0 and on the sd sqrt(1/51) = 0.140.
    assertEquals(0.0, eval(qmu.mean())[0], 0.1);
    assertEquals(Math.sqrt(1 / 51.0), eval(qmu.stddev())[0], 0.1 + 0.1 * Math.sqrt(1 / 51.0));
    SampleStore store = inference.sampleStore();
    assertEquals(2000, ctx.eval(store.t()).longs()[0]);
    assertTrue(ctx.eval(store.nAccept()).longs()[0] > 0);
    assertEquals(2000, inference.nIter());
    inference.reset();
    assertEquals(0, ctx.eval(store.t()).longs()[0]);
    assertEquals(0, ctx.eval(store.nAccept()).longs()[0]);
    assertEquals(0, inference.iteration());
  }

  @Test
  void normalNormalListFormHoldsTenThousandDraws() {
    Normal[] m = normalNormal();
    HMC inference = new HMC(List.of(m[0]), Map.of(m[1], tf.constant(new float[50])));
    Empirical qmu = inference.posterior(m[0]);
    assertEquals(MonteCarlo.DEFAULT_SAMPLES, qmu.numSamples());
    inference.run(HmcOptions.builder().nPrint(0).build());
    assertEquals(0.0, eval(qmu.mean())[0], 0.1);
    assertEquals(Math.sqrt(1 / 51.0), eval(qmu.stddev())[0], 0.1 + 0.1 * Math.sqrt(1 / 51.0));
    assertEquals(10_000, ctx.eval(inference.sampleStore().t()).longs()[0]);
  }

  @Test
  void linearRegression() {
    // Edward's _test_linear_regression: step size 0.01, 2000 draws.
    EdwardTestModels.LinearRegression m = EdwardTestModels.linearRegression(scope, tf, 7);
    int d = EdwardTestModels.LinearRegression.D;
    Empirical qw = Empirical.of(scope, scope.getVariable("qw", Shape.of(2000, d), Initializers.zeros()));
    Empirical qb = Empirical.of(scope, scope.getVariable("qb", Shape.of(2000, 1), Initializers.zeros()));
    HMC inference = new HMC(Map.of(m.w(), qw, m.b(), qb), Map.of(m.y(), m.yData()));
    inference.run(HmcOptions.builder().stepSize(0.01).nPrint(0).build());
    assertCloseToEdward(m, eval(qw.mean()), eval(qb.mean())[0]);
  }

  /** Edward's assertAllClose(rtol=0.5, atol=0.5) of the posterior means to the truth. */
  static void assertCloseToEdward(EdwardTestModels.LinearRegression m, float[] wMean, float bMean) {
    for (int j = 0; j < wMean.length; j++) {
      assertEquals(m.wTrue()[j], wMean[j], 0.5 + 0.5 * Math.abs(m.wTrue()[j]), "w[" + j + "]");
    }
    assertEquals(0.0, bMean, 0.5);
  }

  @Test
  void aTinyStepIsAlmostAlwaysAccepted() {
    // H changes by O(stepSize^2) along a leapfrog trajectory: with step 1e-3 the log ratio is about
    // 1e-6, so every proposal short of float32 rounding noise is accepted.
    Normal[] m = normalNormal();
    Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(200), Initializers.zeros()));
    HMC inference = new HMC(Map.of(m[0], qmu), Map.of(m[1], tf.constant(new float[50])));
    inference.initialize(HmcOptions.builder().stepSize(1e-3).nSteps(3).nPrint(0).build());
    UpdateInfo info = null;
    for (int i = 0; i < 200; i++) {
      info = inference.update();
    }
    assertEquals(200, info.t());
    assertTrue(info.get("accept_rate") >= 0.99, info.toString());
  }

  @Test
  void aGammaLatentMovesOnTheRealsAndIsStoredPositive() {
    // Gamma(2, 1) prior on a Poisson rate, 5 counts summing to 12: the draws must stay positive,
    // which an untransformed chain from 0.05 with step 0.5 would break within a few draws.
    Gamma lambda = Gamma.of(scope, 2.0, 1.0);
    Poisson<TFloat32> x = Poisson.builder(scope).rate(lambda).sampleShape(5).build();
    Empirical q = Empirical.of(scope, scope.getVariable("ql", Shape.of(300), Initializers.constant(0.05)));
    HMC inference = new HMC(Map.of(lambda, q), Map.of(x, tf.constant(new float[] {2f, 3f, 1f, 4f, 2f})));
    inference.run(HmcOptions.builder().stepSize(0.5).nSteps(3).nPrint(0).build());
    float[] draws = eval(q.params());
    for (float v : draws) {
      assertTrue(v > 0 && Float.isFinite(v), "draw " + v);
    }
    // Posterior Gamma(14, 6), mean 2.33, sd 0.62: the mean of 300 correlated draws is within 1.
    assertEquals(14 / 6.0, eval(q.withBurnIn(50).mean())[0], 1.0);
  }

  @Test
  void theListFormsEmpiricalIsTheOneReturned() {
    Normal[] m = normalNormal();
    Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(10), Initializers.zeros()));
    HMC inference = new HMC(Map.of(m[0], qmu), Map.of(m[1], tf.constant(new float[50])));
    assertSame(qmu, inference.posterior(m[0]));
    assertEquals(10, inference.capacity());
  }
}
