package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Categorical;
import org.edward4j.models.Dirichlet;
import org.edward4j.models.Gamma;
import org.edward4j.models.Normal;
import org.edward4j.models.Poisson;
import org.edward4j.models.Supports;
import org.edward4j.models.TransformedDistribution;
import org.edward4j.models.bijectors.Support;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code auto_transform} on conjugate models whose exact posteriors are known: constrained
 * latents fitted on the unconstrained space, read back on their own support.
 */
class AutoTransformTest {

  /**
   * z ~ Gamma(2, 1), x_i | z ~ Poisson(z), 20 counts summing to 60: the posterior is Gamma(62, 21),
   * mean 2.952, sd 0.375. The list form fits softplus(Normal) on the real line.
   */
  @Test
  void gammaLatentIsFittedOnTheRealLineAndReadBackOnPositiveValues() {
    try (ModelContext ctx = ModelContext.withSeed(3)) {
      VariableScope scope = ctx.scope("model");
      Gamma z = Gamma.of(scope, 2.0, 1.0);
      Poisson<TFloat32> x = Poisson.builder(scope).rate(z).sampleShape(20).build();
      float[] counts = new float[20];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = i % 3 == 0 ? 5f : (i % 3 == 1 ? 1f : 3f); // 7 fives, 7 ones, 6 threes: 35 + 7 + 18 = 60
      }
      KLqp inference = new KLqp(List.of(z), Map.of(x, ctx.tf().constant(counts)));
      RandomVariable<?> qz = inference.approximation(z);
      assertInstanceOf(TransformedDistribution.class, qz, "pushed onto the positive half-line");
      assertEquals(Support.POSITIVE, Supports.of(qz));
      inference.run(KLqpOptions.builder().nIter(1500).nPrint(0).nSamples(5).build());
      double mean = ctx.eval(qz.mean()).scalar();
      double sd = ctx.eval(qz.stddev()).scalar();
      // Exact Gamma(62, 21): mean 62/21, sd sqrt(62)/21. The moments are 10,000-draw Monte Carlo
      // estimates (standard error 0.0038 on the mean). A softplus-normal cannot match the Gamma's
      // skewness (0.25), which shifts the KL(q||p) optimum by about skew * sd / 6 = 0.016; with
      // the optimizer's noise at the end of training, 0.06 on the mean (0.16 sd) and 0.05 on the
      // sd. An untrained q (mean ~0.7 to 1.3, sd ~0.4 to 1) or ignoring the data (prior mean 2, sd
      // 1.41) fails both.
      assertEquals(62.0 / 21, mean, 0.06, "posterior mean");
      assertEquals(Math.sqrt(62) / 21, sd, 0.05, "posterior sd");
      TensorValue draws = ctx.eval(qz.sample(500));
      for (float d : draws.data()) {
        assertTrue(d > 0, "draws on the original support, got " + d);
      }
    }
  }

  /**
   * theta ~ Dirichlet(1, 1, 1), x_i | theta ~ Categorical(theta), counts (10, 20, 30): the posterior
   * is Dirichlet(11, 21, 31), means (0.175, 0.333, 0.492), sds sqrt(m (1 - m) / 64) = (0.0475,
   * 0.0589, 0.0625). The list form fits a 2-dimensional Normal pushed through stick-breaking.
   */
  @Test
  void dirichletLatentIsFittedOnTwoRealsAndReadBackOnTheSimplex() {
    try (ModelContext ctx = ModelContext.withSeed(8)) {
      VariableScope scope = ctx.scope("model");
      Dirichlet theta = Dirichlet.of(scope, new float[] {1f, 1f, 1f});
      Categorical<TInt32> x = Categorical.builder(scope).probs(theta).sampleShape(60).build();
      int[] data = new int[60];
      for (int i = 0; i < 60; i++) {
        data[i] = i < 10 ? 0 : (i < 30 ? 1 : 2);
      }
      KLqp inference = new KLqp(List.of(theta), Map.of(x, ctx.tf().constant(data)));
      RandomVariable<?> q = inference.approximation(theta);
      assertEquals(Support.SIMPLEX, Supports.of(q));
      inference.run(KLqpOptions.builder().nIter(1500).nPrint(0).nSamples(5).build());
      float[] mean = ctx.eval(q.mean()).data();
      float[] sd = ctx.eval(q.stddev()).data();
      double[] alpha = {11, 21, 31};
      for (int k = 0; k < 3; k++) {
        double m = alpha[k] / 63;
        double s = Math.sqrt(m * (1 - m) / 64);
        // Monte Carlo error of the 10,000-draw moments: 0.0006 on a mean. A logistic-normal fit of
        // Dirichlet(11, 21, 31) is close (all concentrations > 10); 0.02 (a third of an sd) on the
        // mean and 30% on the sd leave room for the family's gap and the optimizer's noise, while
        // the prior (means 1/3, sds 0.24) or an untrained q fails.
        assertEquals(m, mean[k], 0.02, "posterior mean of theta_" + k);
        assertEquals(s, sd[k], 0.3 * s, "posterior sd of theta_" + k);
      }
      assertEquals(1.0, mean[0] + mean[1] + mean[2], 1e-4, "the mean lies on the simplex");
    }
  }

  /** The list form on a real latent is a plain Normal: mu ~ N(0, 1), x_i ~ N(mu, 1), posterior N(1.2, 0.447). */
  @Test
  void listFormRecoversTheNormalNormalPosterior() {
    try (ModelContext ctx = ModelContext.withSeed(11)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(4).build();
      KLqp inference = new KLqp(List.of(mu), Map.of(x, ctx.tf().constant(new float[] {1.5f, 1.5f, 1.5f, 1.5f})));
      RandomVariable<?> qmu = inference.approximation(mu);
      assertInstanceOf(Normal.class, qmu);
      assertTrue(qmu.name().startsWith("posterior/"), "built under scope posterior, got " + qmu.name());
      inference.initialize(KLqpOptions.builder().nIter(2000).nPrint(0).nSamples(5).build());
      assertTrue(inference.transformations().isEmpty(), "a real latent needs no transformation");
      // As KLqpVariantsTest's normal-normal: the reparameterization gradient in the location is
      // linear (the log joint is quadratic with precision 5), so the optimizer's iterates centre on
      // the optimum; the answer is the average of the last 1000 iterates with StationaryIterates'
      // standard error (max of batch means and AR(1) long-run error; t_19 = 4.6 at 1e-4), and the
      // scale, softplus of a raw parameter (AutomaticApproximations), gets the delta method's
      // second-order allowance f''/(2 f'^2) Var(sd).
      StationaryIterates.Summary[] s = StationaryIterates.record(ctx, inference, List.of(qmu.mean(), qmu.stddev()), 2000, 1000);
      double exactSd = 1 / Math.sqrt(5);
      s[0].assertNear(1.2, 0, "posterior mean");
      s[1].assertNear(exactSd, s[1].curvatureBias(exactSd), "posterior sd");
    }
  }

  /**
   * Edward's {@code test_klqp_betabernoulli}: z ~ Beta(1, 1), ten coin flips with three heads, the
   * user's q a Normal on the real line. Both are transformed; the posterior is Beta(4, 8).
   */
  @Test
  void userGivenUnconstrainedApproximationIsTransformed() {
    try (ModelContext ctx = ModelContext.withSeed(124125)) {
      VariableScope scope = ctx.scope("model");
      org.edward4j.models.Beta z = org.edward4j.models.Beta.of(scope, 1.0, 1.0);
      org.edward4j.models.Bernoulli<TInt32> xs = org.edward4j.models.Bernoulli.builder(scope).probs(z).sampleShape(10).build();
      VariableScope post = ctx.scope("posterior");
      var loc = post.getVariable("loc", org.tensorflow.ndarray.Shape.scalar(), org.edward4j.core.Initializers.randomNormal(0, 1));
      var raw = post.getVariable("scale", org.tensorflow.ndarray.Shape.scalar(), org.edward4j.core.Initializers.randomNormal(0, 1));
      Normal qUnconstrained = Normal.of(post, loc, post.tf().math.softplus(raw));
      KLqp inference = new KLqp(Map.of(z, qUnconstrained),
          Map.of(xs, ctx.tf().constant(new int[] {0, 0, 1, 1, 0, 0, 0, 0, 0, 1})));
      inference.run(KLqpOptions.builder().nIter(1000).nPrint(0).nSamples(5).build());
      RandomVariable<?> zUnconstrained = inference.transformations().get(z);
      assertEquals(Support.REAL, Supports.of(zUnconstrained), "Edward's transformations[z] lives on the real line");
      RandomVariable<?> qConstrained = inference.approximation(z);
      assertTrue(qConstrained != qUnconstrained, "latentVars now holds q pushed onto (0, 1)");
      assertEquals(Support.UNIT_INTERVAL, Supports.of(qConstrained));
      double mean = ctx.eval(qConstrained.mean()).scalar();
      double var = ctx.eval(qConstrained.variance()).scalar();
      // Beta(4, 8): mean 1/3, variance 32 / (144 * 13) = 0.0171. Edward's test allows 0.05 on the
      // mean and 0.01 on the variance; a logit-normal fit is that close (Monte Carlo error 0.0013).
      assertEquals(1.0 / 3, mean, 0.05, "posterior mean");
      assertEquals(32.0 / (144 * 13), var, 0.01, "posterior variance");
    }
  }

  /**
   * Edward's {@code test_auto_transform_true} and {@code _false}: x = softplus(N(0, 0.5)), declared
   * positive, and a Normal q. Transformed, q can equal N(0, 0.5) exactly, so the loss (a KL) goes
   * to 0 and the moments match x's; untransformed, q draws negative values, where x's log density
   * is not finite.
   */
  @Test
  void exactFamilyAfterTransformAndNonFiniteLossWithout() {
    try (ModelContext ctx = ModelContext.withSeed(124125)) {
      VariableScope scope = ctx.scope("model");
      TransformedDistribution x = TransformedDistribution.of(scope, Normal.of(scope, 0.0, 0.5),
          org.edward4j.models.bijectors.Bijectors.softplus());
      Normal qx = userNormal(ctx, "q");
      KLqp inference = new KLqp(Map.of(x, qx), Map.of());
      inference.initialize(KLqpOptions.builder().nIter(1000).nPrint(0).nSamples(5).build());
      UpdateInfo info = null;
      for (int i = 0; i < 1000; i++) {
        info = inference.update();
      }
      // The KL of a 5-sample estimate around 0: Edward's test allows 0.2.
      assertEquals(0.0, info.loss(), 0.2, "loss");
      assertEquals(0.0, ctx.eval(qx.mean()).scalar(), 0.1, "q's location, N(0, 0.5) on the real line");
      assertEquals(0.5, ctx.eval(qx.stddev()).scalar(), 0.1, "q's scale");
      assertSame(inference.transformations().get(x).getClass(), TransformedDistribution.class);

      Normal qy = userNormal(ctx, "q_untransformed");
      TransformedDistribution y = TransformedDistribution.of(scope, Normal.of(scope, 0.0, 0.5),
          org.edward4j.models.bijectors.Bijectors.softplus());
      KLqp raw = new KLqp(Map.of(y, qy), Map.of());
      raw.initialize(KLqpOptions.builder().nIter(150).nPrint(0).nSamples(5).autoTransform(false).build());
      boolean nonFinite = false;
      for (int i = 0; i < 150 && !nonFinite; i++) {
        nonFinite = !Double.isFinite(raw.update().loss());
      }
      assertTrue(nonFinite, "a Normal q of a positive latent gives a non-finite loss without auto_transform");
      assertTrue(raw.transformations().isEmpty());
    }
  }

  private static Normal userNormal(ModelContext ctx, String name) {
    VariableScope s = ctx.scope(name);
    var loc = s.getVariable("loc", org.tensorflow.ndarray.Shape.scalar(), org.edward4j.core.Initializers.randomNormal(0, 1));
    var raw = s.getVariable("scale", org.tensorflow.ndarray.Shape.scalar(), org.edward4j.core.Initializers.randomNormal(0, 1));
    return Normal.of(s, loc, s.tf().math.softplus(raw));
  }
}
