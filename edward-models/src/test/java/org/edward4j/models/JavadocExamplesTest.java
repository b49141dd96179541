package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The examples of the class documentation, copied verbatim (so they compile), with the values
 * their comments promise checked.
 */
class JavadocExamplesTest extends GraphTestBase {

  @Test
  void abstractRandomVariableAndBuilder() {
    Normal z = Normal.of(scope, 0.0, 1.0);
    Operand<TFloat32> lp = z.logProb(z); // the log density of the draw
    assertEquals(Shape.scalar(), lp.shape());
    Normal named = Normal.builder(scope).loc(0.0).scale(1.0).sampleShape(5).name("z").build();
    assertEquals("test/z", named.name());
  }

  @Test
  void normalAndPackage() {
    try (ModelContext ctx = ModelContext.withSeed(42)) {
      VariableScope gen = ctx.scope("Gen");
      Normal z = Normal.of(gen, 0.0, 1.0);                        // Gen/Normal
      Normal x = Normal.builder(gen).loc(z).scale(0.5).sampleShape(100).name("x").build();
      float[] draws = ctx.eval(x).data();
      assertEquals("Gen/Normal", z.name());
      assertEquals(100, draws.length);
    }
    try (ModelContext ctx = ModelContext.withSeed(42)) {
      VariableScope model = ctx.scope("model");
      Normal mu = Normal.of(model, 0.0, 10.0);
      Normal x = Normal.builder(model).loc(mu).scale(1.0).sampleShape(50).build();
      Ops tf = ctx.tf();
      Operand<TFloat32> logJoint = tf.math.add(mu.logProb(mu), tf.reduceSum(x.logProb(x), tf.constant(0)));
      assertEquals(1, ctx.eval(logJoint).size());
    }
  }

  @Test
  void continuousFamilies() {
    Uniform u = Uniform.of(scope, -1.0, 1.0);
    Operand<TFloat32> width = u.stddev();
    assertEquals(2 / Math.sqrt(12), eval(width)[0], 1e-6);
    Laplace w = Laplace.of(scope, 0.0, 1.0);
    Operand<TFloat32> logDensity = w.logProb(tf.constant(0.5f));
    assertEquals(-0.5 - Math.log(2), eval(logDensity)[0], 1e-6);
    Exponential waiting = Exponential.of(scope, 2.0);
    assertEquals(0.5f, eval(waiting.mean())[0]);
    Gamma precision = Gamma.of(scope, 2.0, 3.0);
    assertEquals(2 / 3.0, eval(precision.mean())[0], 1e-7);
    Beta coinBias = Beta.of(scope, 1.0, 1.0);
    assertEquals(0.5f, eval(coinBias.mean())[0]);
    MultivariateNormalDiag mvn = MultivariateNormalDiag.of(scope, new float[] {0f, 0f}, new float[] {1f, 2f});
    Operand<TFloat32> mvnLogDensity = mvn.logProb(tf.constant(new float[] {0.5f, -1f})); // a scalar
    assertEquals(Shape.scalar(), mvnLogDensity.shape());
  }

  @Test
  void discreteAndSampleBasedFamilies() {
    Bernoulli<TInt32> coin = Bernoulli.ofProbs(scope, 0.3);
    Bernoulli<TFloat32> flips = Bernoulli.builder(scope).logits(0.0).sampleShape(10).dtype(TFloat32.class).build();
    assertEquals(TInt32.class, coin.value().type());
    assertEquals(10, eval(flips).length);
    Categorical<TInt32> die = Categorical.ofProbs(scope, new float[] {0.1f, 0.2f, 0.7f});
    Operand<TFloat32> logMass = die.logProb(tf.constant(2)); // log 0.7
    assertEquals(Math.log(0.7), eval(logMass)[0], 1e-6);
    Poisson<TFloat32> counts = Poisson.builder(scope).rate(3.0).sampleShape(10).build();
    Poisson<TInt32> ints = Poisson.builder(scope).rate(3.0).dtype(TInt32.class).build();
    assertEquals(10, eval(counts).length);
    assertEquals(TInt32.class, ints.value().type());
    PointMass qw = PointMass.of(scope, new float[] {0f, 0f, 0f});
    Operand<TFloat32> estimate = qw.mean();
    assertArrayEquals(new float[3], eval(estimate));
    Empirical qz = Empirical.of(scope, new float[] {0.1f, 0.4f, 0.4f, 0.9f});
    Operand<TFloat32> posteriorMean = qz.mean(); // 0.45
    assertEquals(0.45f, eval(posteriorMean)[0], 1e-6f);
  }

  /** dists-b's families: each class's example as written in its Javadoc. */
  @Test
  void catalogueFamiliesPartB() {
    Dirichlet theta = Dirichlet.of(scope, new float[] {1f, 2f, 3f});
    Operand<TFloat32> mean = theta.mean(); // [1/6, 2/6, 3/6]
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1f / 6, 2f / 6, 3f / 6}, eval(mean), 1e-6f);

    Multinomial<TFloat32> counts = Multinomial.of(scope, 10, new float[] {0.2f, 0.3f, 0.5f});
    Operand<TFloat32> countsMean = counts.mean(); // [2, 3, 5]
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {2f, 3f, 5f}, eval(countsMean), 1e-6f);

    DirichletMultinomial<TFloat32> polya = DirichletMultinomial.of(scope, 6, new float[] {1f, 2f, 3f});
    Operand<TFloat32> polyaMean = polya.mean(); // [1, 2, 3]
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1f, 2f, 3f}, eval(polyaMean), 1e-6f);

    MultivariateNormalTriL w = MultivariateNormalTriL.of(scope, new float[] {0f, 0f},
        new float[][] {{1f, 0f}, {0.5f, 2f}});
    Operand<TFloat32> cov = w.covariance(); // [[1, 0.5], [0.5, 4.25]]
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1f, 0.5f, 0.5f, 4.25f}, eval(cov), 1e-6f);

    MultivariateNormalFullCovariance full = MultivariateNormalFullCovariance.of(scope, new float[] {1f, -1f},
        new float[][] {{2f, 0.6f}, {0.6f, 1f}});
    Operand<TFloat32> sd = full.stddev(); // [sqrt 2, 1]
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {(float) Math.sqrt(2), 1f}, eval(sd), 1e-6f);

    MultivariateNormalDiagPlusLowRank lowRank = MultivariateNormalDiagPlusLowRank.builder(scope)
        .loc(new float[] {0f, 0f}).scaleDiag(new float[] {1f, 1f})
        .scalePerturbFactor(new float[][] {{1f}, {1f}}).build();
    Operand<TFloat32> var = lowRank.variance(); // [5, 5]: S = [[2, 1], [1, 2]], S S^T = [[5, 4], [4, 5]]
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {5f, 5f}, eval(var), 1e-5f);

    ParamMixture<TFloat32> x = ParamMixture.builder(scope)
        .mixingWeights(new float[] {0.3f, 0.7f})
        .components(Normal::builder, java.util.Map.of("loc", tf.constant(new float[] {-2f, 2f}), "scale", tf.constant(new float[] {1f, 0.5f})))
        .sampleShape(100).build();
    Operand<TInt32> z = x.cat();                                    // which component drew each point
    assertEquals(100, ctx.eval(z).size());

    Categorical<TInt32> cat = Categorical.ofProbs(scope, new float[] {0.4f, 0.6f});
    Mixture<TFloat32> mix = Mixture.of(scope, cat, java.util.List.of(Normal.of(scope, -1.0, 0.5), Laplace.of(scope, 2.0, 1.0)));
    Operand<TFloat32> mixMean = mix.mean(); // 0.4 * -1 + 0.6 * 2
    assertEquals(0.8, eval(mixMean)[0], 1e-6);

    Wishart precision = Wishart.of(scope, 5, new float[][] {{1f, 0f}, {0.5f, 1f}});
    Operand<TFloat32> precisionMean = precision.mean(); // 5 [[1, 0.5], [0.5, 1.25]]
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {5f, 2.5f, 2.5f, 6.25f}, eval(precisionMean), 1e-5f);

    Binomial<TFloat32> heads = Binomial.of(scope, 10, 0.3);
    assertEquals(3f, eval(heads.mean())[0], 1e-6f);
    NegativeBinomial<TFloat32> overdispersed = NegativeBinomial.of(scope, 3, 0.4);
    assertEquals(2f, eval(overdispersed.mean())[0], 1e-6f);
    Geometric<TFloat32> failures = Geometric.ofProbs(scope, 0.25);
    assertEquals(3f, eval(failures.mean())[0], 1e-6f);

    OneHotCategorical<TInt32> oneHot = OneHotCategorical.ofProbs(scope, new float[] {0.2f, 0.8f});
    Operand<TFloat32> mode = oneHot.mode(); // [0, 1]
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0f, 1f}, eval(mode));

    RelaxedBernoulli gate = RelaxedBernoulli.ofProbs(scope, 0.5, 0.3);
    Operand<TFloat32> gateLp = gate.logProb(gate); // finite: draws are inside (0, 1)
    org.junit.jupiter.api.Assertions.assertTrue(Float.isFinite(eval(gateLp)[0]));
    RelaxedOneHotCategorical concrete = RelaxedOneHotCategorical.ofLogits(scope, 0.5, new float[] {0f, 1f, 2f});
    Operand<TFloat32> concreteLp = concrete.logProb(concrete); // a scalar
    assertEquals(Shape.scalar(), concreteLp.shape());
  }
}
