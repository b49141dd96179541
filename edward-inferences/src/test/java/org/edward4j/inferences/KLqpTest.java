package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** KLqp against conjugate posteriors, with each gradient estimator. */
class KLqpTest {

  static final int N = 4;
  static final float X_BAR = 1.5f;

  /**
   * mu ~ N(0, 1), x_i | mu ~ N(mu, 1), i = 1..4, data mean 1.5: the posterior is N(4 * 1.5 / 5, 1 /
   * sqrt(5)) = N(1.2, 0.447), which the Normal family contains, so the ELBO's maximum is it.
   */
  @ParameterizedTest
  @EnumSource(KLqp.Estimator.class)
  void recoversTheNormalNormalPosterior(KLqp.Estimator estimator) {
    try (ModelContext ctx = ModelContext.withSeed(11)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(N).build();
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> loc = post.getVariable("loc", Shape.scalar(), Initializers.zeros());
      Variable<TFloat32> rawScale = post.getVariable("scale", Shape.scalar(), Initializers.zeros());
      Normal qmu = Normal.builder(post).loc(loc).scale(post.tf().math.softplus(rawScale)).build();
      float[] data = new float[N];
      java.util.Arrays.fill(data, X_BAR);
      KLqp inference = new KLqp(Map.of(mu, qmu), Map.of(x, ctx.tf().constant(data)), estimator);
      int nIter = 3000;
      inference.run(KLqpOptions.builder().nIter(nIter).nPrint(0)
          .nSamples(estimator == KLqp.Estimator.SCORE_FUNCTION ? 20 : 5).build());
      assertEquals(estimator, inference.estimator().orElseThrow());
      double mean = ctx.eval(qmu.mean()).scalar();
      double sd = ctx.eval(qmu.stddev()).scalar();
      // Untrained: mean 0, sd 0.69; ignoring the prior would give N(1.5, 0.5). Over seeds 1-8 the
      // reparameterization estimators ended within 0.042 of the mean and 0.020 of the sd (their
      // gradient keeps q's score noise at the optimum); the bounds give 2.4x and 2x room. The
      // score-function estimator lands on the answer to 4 digits: with the exact posterior,
      // log p(x, z) - log q(z) is the same for every z, so the centred signal and its noise vanish.
      assertEquals(1.2, mean, 0.1, "posterior mean");
      assertEquals(1 / Math.sqrt(5), sd, 0.04, "posterior sd");
    }
  }

  /**
   * A discrete latent forces the score-function estimator: z ~ Bernoulli(0.5), x | z ~ N(2z - 1, 1),
   * one observation x = 0.5. The log-likelihood ratio of z = 1 to z = 0 is 2x = 1, so P(z = 1 | x) =
   * sigmoid(1) = 0.731, and q(z) = Bernoulli(sigmoid(v)) contains it.
   */
  @Test
  void scoreFunctionRecoversADiscretePosterior() {
    try (ModelContext ctx = ModelContext.withSeed(5)) {
      VariableScope scope = ctx.scope("model");
      Ops tf = scope.tf();
      Bernoulli<TFloat32> z = Bernoulli.builder(scope).probs(0.5).dtype(TFloat32.class).build();
      Normal x = Normal.builder(scope).loc(tf.math.sub(tf.math.mul(tf.constant(2f), z), tf.constant(1f))).scale(1.0).build();
      VariableScope post = ctx.scope("posterior");
      Variable<TFloat32> v = post.getVariable("logits", Shape.scalar(), Initializers.zeros());
      Bernoulli<TFloat32> qz = Bernoulli.builder(post).logits(v).dtype(TFloat32.class).build();
      KLqp inference = new KLqp(Map.of(z, qz), Map.of(x, ctx.tf().constant(0.5f)));
      inference.run(KLqpOptions.builder().nIter(1500).nPrint(0).nSamples(10).build());
      assertEquals(KLqp.Estimator.SCORE_FUNCTION, inference.estimator().orElseThrow());
      double p = ctx.eval(qz.mean()).scalar();
      // Untrained: 0.5. Once q is the posterior, log p(x, z) - log q(z) is log p(x) for both
      // outcomes, so the centred signal is exactly zero: seeds 1-4 all ended at 0.73106. The bound
      // leaves room for the optimizer's last steps only.
      assertEquals(1 / (1 + Math.exp(-1)), p, 0.005, "P(z = 1 | x)");
    }
  }

  @Test
  void rejectsBadInput() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      VariableScope scope = ctx.scope("model");
      Normal mu = Normal.of(scope, 0.0, 1.0);
      Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(3).build();
      Normal qmu = Normal.of(ctx.scope("q"), 0.0, 1.0);
      Operand<TFloat32> data = ctx.tf().constant(new float[] {1, 2, 3});

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new KLqp(Map.of(), Map.of(x, data)).initialize());
      assertTrue(e.getMessage().contains(mu.name()) && e.getMessage().contains("latentVars"), e.getMessage());

      Operand<TFloat32> tensor = ctx.tf().constant(0f);
      e = assertThrows(IllegalArgumentException.class, () -> new KLqp(Map.of(tensor, qmu), Map.of(x, data)));
      assertTrue(e.getMessage().contains("random variables"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> new KLqp(Map.of(mu, tensor), Map.of(x, data)));
      assertTrue(e.getMessage().contains("approximation"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> new KLqp(Map.of(mu, qmu), Map.of(x, ctx.tf().constant(new float[] {1, 2}))));
      assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[2]"), e.getMessage());

      e = assertThrows(IllegalArgumentException.class, () -> KLqpOptions.builder().nSamples(0));
      assertTrue(e.getMessage().contains("nSamples") && e.getMessage().contains("0"), e.getMessage());
      KLqp inference = new KLqp(Map.of(mu, qmu), Map.of(x, data));
      e = assertThrows(IllegalArgumentException.class, () -> inference.initialize(KLqpOptions.builder()
          .scale(Map.of(ctx.tf().constant(1f), 2.0)).build()));
      assertTrue(e.getMessage().contains("scale"), e.getMessage());
    }
  }
}
