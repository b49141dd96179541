/**
 * Edward's random variables as TensorFlow graph ops: each distribution is a {@link
 * org.edward4j.core.RandomVariable} whose value is a draw (or an observation) in the graph,
 * so a model is written by composing variables with ordinary ops.
 *
 * <p>Continuous: {@link org.edward4j.models.Normal}, {@link org.edward4j.models.Uniform}, {@link
 * org.edward4j.models.Laplace}, {@link org.edward4j.models.Exponential}, {@link
 * org.edward4j.models.Gamma}, {@link org.edward4j.models.Beta}, {@link
 * org.edward4j.models.MultivariateNormalDiag}, {@link org.edward4j.models.Cauchy}, {@link
 * org.edward4j.models.HalfCauchy}, {@link org.edward4j.models.HalfNormal}, {@link
 * org.edward4j.models.StudentT}, {@link org.edward4j.models.Chi2}, {@link org.edward4j.models.Gumbel},
 * {@link org.edward4j.models.Logistic}, {@link org.edward4j.models.LogNormal}, {@link
 * org.edward4j.models.Kumaraswamy}, {@link org.edward4j.models.VonMises}, {@link
 * org.edward4j.models.InverseGamma}, {@link org.edward4j.models.Deterministic} and {@link
 * org.edward4j.models.TransformedDistribution} over the bijectors of {@code
 * org.edward4j.models.bijectors}. Discrete: {@link org.edward4j.models.Bernoulli},
 * {@link org.edward4j.models.Categorical}, {@link org.edward4j.models.Poisson}. Sample-based:
 * {@link org.edward4j.models.PointMass} (MAP) and {@link org.edward4j.models.Empirical} (Monte
 * Carlo). New families: {@link org.edward4j.models.CustomFamily} (a log density and a sampler).
 * Expressions over variables: {@link org.edward4j.models.Operators}. Every family shares {@link org.edward4j.models.AbstractRandomVariable}, whose final
 * methods check arguments and name ops before calling the family's hooks, and {@link
 * org.edward4j.models.RandomVariableBuilder}, which checks parameters (dtype, graph, broadcasting,
 * and the values of Java numbers and small constants) before any op is built.
 *
 * <p>Counts: {@link org.edward4j.models.Binomial}, {@link org.edward4j.models.NegativeBinomial},
 * {@link org.edward4j.models.Geometric}, {@link org.edward4j.models.Multinomial}, {@link
 * org.edward4j.models.DirichletMultinomial}, {@link org.edward4j.models.OneHotCategorical}. Simplex
 * and matrices: {@link org.edward4j.models.Dirichlet}, {@link org.edward4j.models.Wishart}.
 * Correlated normals: {@link org.edward4j.models.MultivariateNormalTriL}, {@link
 * org.edward4j.models.MultivariateNormalFullCovariance}, {@link
 * org.edward4j.models.MultivariateNormalDiagPlusLowRank}. Relaxed (reparameterized) discrete
 * variables: {@link org.edward4j.models.RelaxedBernoulli}, {@link
 * org.edward4j.models.RelaxedOneHotCategorical}. Mixtures: {@link org.edward4j.models.Mixture}
 * (TensorFlow's) and {@link org.edward4j.models.ParamMixture} (Edward's, with its assignments).
 *
 * <p>The examples in this package's class documentation assume {@code VariableScope scope =
 * ctx.scope("model")} and {@code Ops tf = ctx.tf()} for an open {@code ModelContext ctx}; the
 * tests compile each of them.
 *
 * <pre>{@code
 * try (ModelContext ctx = ModelContext.withSeed(42)) {
 *   VariableScope model = ctx.scope("model");
 *   Normal mu = Normal.of(model, 0.0, 10.0);
 *   Normal x = Normal.builder(model).loc(mu).scale(1.0).sampleShape(50).build();
 *   Ops tf = ctx.tf();
 *   Operand<TFloat32> logJoint = tf.math.add(mu.logProb(mu), tf.reduceSum(x.logProb(x), tf.constant(0)));
 * }
 * }</pre>
 */
package org.edward4j.models;
