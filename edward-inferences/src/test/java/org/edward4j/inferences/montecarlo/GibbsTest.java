package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.MonteCarloOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.edward4j.models.conjugacy.Conjugacy;
import org.edward4j.models.conjugacy.NoConjugateFormException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code tests/inferences/gibbs_test.py}, wired as Edward wires it, with Edward's
 * tolerances: Beta-Bernoulli (1000 draws, mean and variance of Beta(3, 9) within {@code rtol = atol
 * = 1e-2}), normal-normal in the dict form (2000 draws started at 1) and the list form (10,000
 * draws) within 0.1, and a data tensor (1000 draws, 1e-2); then {@code t}, {@code n_accept},
 * {@code reset}, and bad input. With one latent, every Gibbs draw is an independent draw of the
 * exact posterior, so the Monte Carlo error is {@code sd / sqrt(T)}: 0.0038 for Beta(3, 9) at T =
 * 1000 (the tolerance 0.0125 is 3.3 of them), 0.0044 for N(0, 1/51) at T = 1000 (0.01 is 2.3,
 * met with the fixed seed). The statistical tests with several latents, whose draws are
 * correlated, use the effective sample size in edward-criticisms.
 */
class GibbsTest {

  private ModelContext ctx;
  private VariableScope scope;
  private Ops tf;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(127832);
    scope = ctx.scope("model");
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private float eval(Operand<TFloat32> x) {
    return ctx.eval(x).data()[0];
  }

  @Test
  void betaBernoulli() {
    // --- Gibbs
    Beta p = Beta.of(scope, 1.0, 1.0);
    Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(p).sampleShape(10).build();
    Empirical qp = Empirical.of(scope, scope.getVariable("qp", Shape.of(500), Initializers.zeros()));
    Gibbs gibbs = new Gibbs(Map.of(p, qp), Map.of(x, tf.constant(new int[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 1})));
    gibbs.run(MonteCarloOptions.builder().nPrint(0).build()); // qp holds draws of Beta(3, 9)
    // ---
    assertEquals(500, ctx.eval(gibbs.sampleStore().t()).longs()[0]);

    Beta p2 = Beta.of(scope, 1.0, 1.0);
    Bernoulli<TInt32> x2 = Bernoulli.builder(scope).probs(p2).sampleShape(10).build();
    Empirical qp2 = Empirical.of(scope, scope.getVariable("qp2", Shape.of(1000), Initializers.zeros()));
    Gibbs inference = new Gibbs(Map.of(p2, qp2), Map.of(x2, tf.constant(new int[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 1})));
    inference.run(MonteCarloOptions.builder().nPrint(0).build());
    double mean = 3.0 / 12.0;
    double variance = 3.0 * 9.0 / (12.0 * 12.0 * 13.0);
    assertEquals(mean, eval(qp2.mean()), 1e-2 + 1e-2 * mean);
    assertEquals(variance, eval(qp2.variance()), 1e-2 + 1e-2 * variance);
  }

  private void normalNormal(boolean listForm) {
    EdwardTestModels.NormalNormal m = EdwardTestModels.normalNormal(scope, tf);
    Gibbs inference = listForm ? new Gibbs(List.of(m.mu()), Map.of(m.x(), m.xData()))
        : new Gibbs(Map.of(m.mu(), Empirical.of(scope, scope.getVariable("qmu", Shape.of(2000), Initializers.ones()))),
            Map.of(m.x(), m.xData()));
    inference.run(MonteCarloOptions.builder().nPrint(0).build());
    Empirical qmu = inference.posterior(m.mu());
    assertEquals(0.0, eval(qmu.mean()), 0.1);
    double sd = EdwardTestModels.NormalNormal.POSTERIOR_SD;
    assertEquals(sd, eval(qmu.stddev()), 0.1 + 0.1 * sd);
    SampleStore store = inference.sampleStore();
    assertEquals(listForm ? 10_000 : 2000, ctx.eval(store.t()).longs()[0]);
    assertEquals(ctx.eval(store.t()).longs()[0], ctx.eval(store.nAccept()).longs()[0], "Gibbs accepts every draw");
    inference.reset();
    assertEquals(0, ctx.eval(store.t()).longs()[0]);
    assertEquals(0, ctx.eval(store.nAccept()).longs()[0]);
  }

  @Test
  void normalNormalDict() {
    normalNormal(false);
  }

  @Test
  void normalNormalList() {
    normalNormal(true);
  }

  @Test
  void dataTensor() {
    Normal mu = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
    Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(1000), Initializers.ones()));
    Gibbs inference = new Gibbs(Map.of(mu, qmu), Map.of(x, tf.zeros(tf.constant(new int[] {50}), TFloat32.class)));
    inference.run(MonteCarloOptions.builder().nPrint(0).build());
    assertEquals(0.0, eval(qmu.mean()), 1e-2);
    double sd = Math.sqrt(1 / 51.0);
    assertEquals(sd, eval(qmu.stddev()), 1e-2 + 1e-2 * sd);
  }

  /** A sweep is one run: the second latent is drawn given the first one's new draw, not its old value. */
  @Test
  void systematicScanUsesNewestValues() {
    // z1 is redrawn from N(0, 1) each sweep (a given proposal that ignores z2, so the rows vary
    // by about 1); z2 ~ N(z1, 1e-3) has its complete conditional, which pins it to z1 within
    // 1e-3. z2 must equal z1's draw of the same sweep in every row (6 standard deviations), which
    // fails if z2 saw z1's previous value.
    Normal z1 = Normal.of(scope, 0.0, 1.0);
    Normal z2 = Normal.builder(scope).loc(z1).scale(1e-3).build();
    Empirical q1 = Empirical.of(scope, scope.getVariable("q1", Shape.of(50), Initializers.zeros()));
    Empirical q2 = Empirical.of(scope, scope.getVariable("q2", Shape.of(50), Initializers.zeros()));
    Gibbs inference = new Gibbs(Map.of(z1, q1, z2, q2), Map.of(z1, Normal.of(scope, 0.0, 1.0)), Map.of());
    inference.initialize(MonteCarloOptions.builder().nPrint(0).build());
    UpdateInfo info = null;
    for (int i = 0; i < 50; i++) {
      info = inference.update();
    }
    assertEquals(50, info.t());
    float[] a = ctx.eval(q1.params()).data();
    float[] b = ctx.eval(q2.params()).data();
    boolean z1First = inference.proposalVars().keySet().iterator().next() == z1;
    double moved = 0;
    for (int t = 1; t < 50; t++) {
      moved += Math.abs(a[t] - a[t - 1]);
      float target = z1First ? a[t] : a[t - 1];
      assertEquals(target, b[t], 6e-3, "row " + t);
    }
    assertTrue(moved / 49 > 0.5, "z1 must move between sweeps for the check to mean anything, moved " + moved / 49);
  }

  @Test
  void badInput() {
    Normal mu = Normal.of(scope, 0.0, 1.0);
    Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(5).build();
    Normal other = Normal.of(scope, 0.0, 1.0);
    Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(10), Initializers.zeros()));
    Operand<TFloat32> data = tf.zeros(tf.constant(new int[] {5}), TFloat32.class);

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> new Gibbs(Map.of(mu, qmu), Map.of(other, other), Map.of(x, data)));
    assertTrue(unknown.getMessage().contains(other.name()) && unknown.getMessage().contains("latentVars"),
        unknown.getMessage());

    Empirical wrong = Empirical.of(scope, scope.getVariable("wrong", Shape.of(10, 3), Initializers.zeros()));
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> new Gibbs(Map.of(mu, wrong), Map.of(x, data)));
    assertTrue(shape.getMessage().contains("shape"), shape.getMessage());

    Normal wide = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(3).build();
    IllegalArgumentException proposalShape = assertThrows(IllegalArgumentException.class,
        () -> new Gibbs(Map.of(mu, qmu), Map.of(mu, wide), Map.of(x, data)));
    assertTrue(proposalShape.getMessage().contains(wide.name()), proposalShape.getMessage());

    Normal s = Normal.of(scope, 0.0, 1.0);
    Normal y = Normal.builder(scope).loc(tf.math.tanh(s)).scale(1.0).build();
    Empirical qs = Empirical.of(scope, scope.getVariable("qs", Shape.of(10), Initializers.zeros()));
    NoConjugateFormException nonConjugate = assertThrows(NoConjugateFormException.class,
        () -> new Gibbs(Map.of(s, qs), Map.of(y, tf.constant(0f))));
    assertTrue(nonConjugate.getMessage().contains(s.name()) && nonConjugate.getMessage().contains("Tanh"),
        nonConjugate.getMessage());
    // With a proposal the same latent is accepted.
    Gibbs withProposal = new Gibbs(Map.of(s, qs), Map.of(s, Normal.of(scope, 0.0, 1.0)), Map.of(y, tf.constant(0f)));
    assertSame(qs, withProposal.posterior(s));
    assertTrue(Conjugacy.isConditionalName("a/" + Conjugacy.SCOPE_PREFIX + "b/cond_dist"));
  }
}
