package org.edward4j.models;

import org.edward4j.core.RandomVariable;
import org.edward4j.models.bijectors.Support;

/**
 * The supports of the catalogue's families: which {@link Support} a random variable's values live
 * in, so an inference can pick the bijector onto a constrained latent (Edward's {@code
 * auto_transform}). It lives beside the families it lists, so that the bijectors know nothing of
 * them.
 */
public final class Supports {

  private Supports() {}

  /**
   * The support of a random variable's values, for the families whose support does not depend on
   * their parameters.
   *
   * @param rv any random variable
   * @return its support, or {@link Support#UNKNOWN}
   */
  public static Support of(RandomVariable<?> rv) {
    if (rv instanceof TransformedDistribution t) {
      return t.bijector().codomain();
    }
    if (rv instanceof Normal || rv instanceof Cauchy || rv instanceof StudentT || rv instanceof Gumbel
        || rv instanceof Logistic || rv instanceof Laplace || rv instanceof MultivariateNormalDiag
        || rv instanceof MultivariateNormalTriL || rv instanceof MultivariateNormalFullCovariance
        || rv instanceof MultivariateNormalDiagPlusLowRank) {
      return Support.REAL;
    }
    if (rv instanceof Gamma || rv instanceof Exponential || rv instanceof Chi2 || rv instanceof LogNormal
        || rv instanceof InverseGamma || rv instanceof HalfNormal) {
      return Support.POSITIVE;
    }
    if (rv instanceof MultivariateNormalTriL || rv instanceof MultivariateNormalFullCovariance
        || rv instanceof MultivariateNormalDiagPlusLowRank) {
      return Support.REAL;
    }
    if (rv instanceof Beta || rv instanceof Kumaraswamy || rv instanceof RelaxedBernoulli) {
      return Support.UNIT_INTERVAL;
    }
    if (rv instanceof Dirichlet || rv instanceof RelaxedOneHotCategorical) {
      return Support.SIMPLEX;
    }
    return Support.UNKNOWN;
  }
}
