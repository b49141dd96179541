package org.edward4j.models.conjugacy;

import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Beta;
import org.edward4j.models.Categorical;
import org.edward4j.models.Dirichlet;
import org.edward4j.models.Exponential;
import org.edward4j.models.Gamma;
import org.edward4j.models.InverseGamma;
import org.edward4j.models.Normal;
import org.edward4j.models.Poisson;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/** Builds a conditional random variable of a family named as Edward names it, over given parameters. */
final class ConditionalFamilies {

  private ConditionalFamilies() {}

  /** The families a conditional can be built in (with their parameter names). */
  static final String KNOWN = "Normal, Beta, Gamma, InverseGamma, Dirichlet, Exponential, Bernoulli, Categorical, Poisson";

  /**
   * {@code family(parameters)} named {@code cond_dist} in {@code scope}, with the latent's dtype.
   *
   * @return null when the family or its parameter names are not known here
   */
  static RandomVariable<?> build(VariableScope scope, String family, Map<String, Operand<TFloat32>> p,
      Class<? extends TNumber> dtype) {
    String name = "cond_dist";
    return switch (family) {
      case "Normal" -> Normal.builder(scope).loc(p.get("loc")).scale(p.get("scale")).name(name).build();
      case "Beta" -> Beta.builder(scope).concentration1(p.get("concentration1"))
          .concentration0(p.get("concentration0")).name(name).build();
      case "Gamma" -> Gamma.builder(scope).concentration(p.get("concentration")).rate(p.get("rate")).name(name).build();
      case "InverseGamma" -> InverseGamma.builder(scope).concentration(p.get("concentration")).rate(p.get("rate"))
          .name(name).build();
      case "Dirichlet" -> Dirichlet.builder(scope).concentration(p.get("concentration")).name(name).build();
      case "Exponential" -> Exponential.builder(scope).rate(p.get("rate")).name(name).build();
      case "Poisson" -> Poisson.builder(scope).rate(p.get("rate")).dtype(dtype).name(name).build();
      case "Bernoulli" -> p.containsKey("probs")
          ? Bernoulli.builder(scope).probs(p.get("probs")).dtype(dtype).name(name).build()
          : Bernoulli.builder(scope).logits(p.get("logits")).dtype(dtype).name(name).build();
      case "Categorical" -> p.containsKey("probs")
          ? Categorical.builder(scope).probs(p.get("probs")).dtype(dtype).name(name).build()
          : Categorical.builder(scope).logits(p.get("logits")).dtype(dtype).name(name).build();
      default -> null;
    };
  }
}
