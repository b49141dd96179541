package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** KLpq against conjugate posteriors: Edward's {@code klpq_test.py} wirings and a Beta-Bernoulli. */
class KLpqTest {

  /**
   * Edward's {@code _test_normal_normal}: mu ~ N(0, 1), 50 observations of 0; the posterior N(0,
   * 0.140) is in the Normal family, so KL(p || q) is zero there. q starts at N(2, 0.69).
   */
  @Test
  void recoversTheNormalNormalPosterior() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> loc = post.getVariable("loc", Shape.scalar(), Initializers.constant(2.0));
      Variable<TFloat32> rawScale = post.getVariable("scale", Shape.scalar(), Initializers.zeros());
      Normal qmu = Normal.builder(post).loc(loc).scale(post.tf().math.softplus(rawScale)).build();
      KLpq inference = new KLpq(Map.of(mu, qmu), Map.of(x, ctx.tf().constant(new float[50])));
      inference.initialize(KLpqOptions.builder().nIter(1000).nPrint(0).nSamples(25).build());
      // KLpq's gradient is the self-normalized importance-sampling estimate -sum_s w_s grad log
      // q(z_s), w_s proportional to p(x, z_s) / q(z_s). By the delta method its bias is
      // (1/S)(E_q[w^2 g] - E_q[w^2] E_p[g]) for weights of mean 1 and its variance E_q[w^2 (g -
      // E_p g)^2] / S, i.e. Var / ESS with ESS = S / E_q[w^2]. At the optimum q equals the posterior
      // (it is in the Normal family), every w_s is 1, the bias vanishes and ESS = S = 25: the
      // optimum is a fixed point in expectation, and what remains is the optimizer's stationary
      // noise, measured by the average of the last 400 iterates and its batch-means standard error
      // (StationaryIterates: t_19 at 1e-4), plus the second-order allowance for the softplus scale.
      StationaryIterates.Summary[] s = StationaryIterates.record(ctx, inference, List.of(qmu.mean(), qmu.stddev()), 1000, 400);
      assertEquals(1000, inference.iteration());
      double exactSd = Math.sqrt(1.0 / 51);
      s[0].assertNear(0.0, 0, "posterior mean");
      s[1].assertNear(exactSd, s[1].curvatureBias(exactSd), "posterior sd");
    }
  }

  /**
   * p ~ Beta(1, 1), ten coin flips with two heads: the posterior is Beta(3, 9) (mean 0.25, sd
   * 0.120), and q = Beta(softplus(a), softplus(b)) contains it. KLpq needs no reparameterization.
   */
  @Test
  void recoversTheBetaBernoulliPosterior() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Beta p = Beta.of(scope, 1.0, 1.0);
      Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(p).sampleShape(10).build();
      VariableScope post = ctx.scope("posterior");
      Ops tf = post.tf();
      Variable<TFloat32> a = post.getVariable("a", Shape.scalar(), Initializers.constant(1.0));
      Variable<TFloat32> b = post.getVariable("b", Shape.scalar(), Initializers.constant(1.0));
      Beta qp = Beta.builder(post).concentration1(tf.math.softplus(a)).concentration0(tf.math.softplus(b)).build();
      KLpq inference = new KLpq(Map.of(p, qp), Map.of(x, ctx.tf().constant(new int[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 1})));
      inference.initialize(KLpqOptions.builder().nIter(1500).nPrint(0).nSamples(25).build());
      // At q = posterior every importance weight p(x, z_s) / q(z_s) equals p(x), so the
      // self-normalized weights are exactly 1/S and the gradient -1/S sum grad log q(z_s) has mean
      // zero: the optimum is a fixed point in expectation, and the raw parameters (a, b) wander
      // around it with the optimizer's stationary noise. The answer is the average of q's mean and
      // sd over the last 400 iterates, with StationaryIterates' standard error (max of batch means
      // and AR(1) long-run error; t_19 = 4.6 at 1e-4). Both are nonlinear in (a, b) (m = sp(a) /
      // (sp(a) + sp(b))), so the average of f(a_t, b_t) exceeds f at the centre by the delta
      // method's 1/2 tr(Hess f Cov(a, b)), bounded with |Cov| <= sd_a sd_b and added to 4.6 SE.
      // Untrained q is Beta(1.31, 1.31): mean 0.5, sd 0.26.
      StationaryIterates.Summary[] s = StationaryIterates.record(
          ctx, inference, List.<Operand<TFloat32>>of(qp.mean(), qp.stddev(), a, b), 1500, 400);
      s[0].assertNear(0.25, StationaryIterates.curvatureBias(StationaryIterates::betaMean, s[2], s[3]), "posterior mean");
      s[1].assertNear(Math.sqrt(3.0 * 9 / (12 * 12 * 13)),
          StationaryIterates.curvatureBias(StationaryIterates::betaSd, s[2], s[3]), "posterior sd");
    }
  }

  /** Edward's {@code _test_model_parameter}: maximum likelihood p = 0.2, no sampling, so 0.01. */
  @Test
  void fitsAModelParameter() {
    try (ModelContext ctx = ModelContext.withSeed(2)) {
      VariableScope scope = ctx.scope("model");
      Variable<TFloat32> v = scope.getVariable("v", Shape.scalar(), Initializers.constant(0.5));
      Operand<TFloat32> p = scope.tf().math.sigmoid(v);
      Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(p).sampleShape(10).build();
      KLpq inference = new KLpq(Map.of(), Map.of(x, ctx.tf().constant(new int[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 1})));
      inference.run(KLpqOptions.builder().nIter(300).nPrint(0).build());
      assertEquals(0.2, ctx.eval(p).scalar(), 0.01);
    }
  }

  /** Edward's {@code test_klpq_nsamples_check}, and an unknown {@code scale} key. */
  @Test
  void rejectsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KLpqOptions.builder().nSamples(0));
    assertEquals("`nSamples` must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new KLpqOptions(VariationalOptions.defaults(), -3));
    assertTrue(e.getMessage().contains("got -3"), e.getMessage());
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(3).build();
      Normal qmu = Normal.of(ctx.scope("q"), 0.0, 1.0);
      KLpq inference = new KLpq(Map.of(mu, qmu), Map.of(x, ctx.tf().constant(new float[3])));
      e = assertThrows(IllegalArgumentException.class,
          () -> inference.initialize(KLpqOptions.builder().scale(Map.of(ctx.tf().constant(1f), 2.0)).build()));
      assertTrue(e.getMessage().contains("scale"), e.getMessage());
    }
  }
}
