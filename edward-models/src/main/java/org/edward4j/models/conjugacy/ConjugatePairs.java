package org.edward4j.models.conjugacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.edward4j.models.conjugacy.Dependence.Kind;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The conjugate pairs: for a latent's prior family, how each child's factor adds to the natural
 * parameters, and the posterior's parameters in the family's own terms. Textbook updates (Bishop
 * 2006, sections 2.1-2.3; Gelman et al., BDA3, chapter 2), written per element of the latent:
 *
 * <ul>
 *   <li>Beta(a, b) on {@code p}: Bernoulli {@code a += x, b += 1 - x}; Binomial {@code a += x, b += n - x}.
 *   <li>Gamma(alpha, beta) on a rate {@code l} (children's rate {@code c l}): Poisson {@code alpha += x,
 *       beta += c}; Exponential {@code alpha += 1, beta += c x}; Gamma(k) {@code alpha += k, beta += c x}.
 *   <li>InverseGamma(alpha, beta) on a variance {@code v}, Normal children with scale {@code sqrt(c v)}:
 *       {@code alpha += 1/2, beta += (x - loc)^2 / (2 c)}.
 *   <li>Normal(m, s) on {@code z}, Normal children with loc {@code a z + b}, scale {@code sigma}:
 *       {@code 1/s'^2 = 1/s^2 + sum a^2 / sigma^2}, {@code m' = s'^2 (m / s^2 + sum a (x - b) / sigma^2)}.
 *   <li>Dirichlet(alpha) on {@code theta}: Categorical {@code alpha += one_hot(x)}; Multinomial {@code alpha += x}.
 * </ul>
 *
 * Each sum runs over the child's elements that read the latent's element, which {@link
 * LikelihoodTerm#adjoint} computes whatever the broadcasting between them.
 */
final class ConjugatePairs {

  /** A conditional: the family's name and its parameters. */
  record Conditional(String family, Map<String, Operand<TFloat32>> parameters) {}

  private final Ops tf;
  private final RandomVariable<?> latent;
  private final Dependence dependence;
  private final LatentSwap swap;

  ConjugatePairs(Ops tf, RandomVariable<?> latent, Dependence dependence, LatentSwap swap) {
    this.tf = tf;
    this.latent = latent;
    this.dependence = dependence;
    this.swap = swap;
  }

  /** The conditional for the latent's family given these children's factors (at least one). */
  Conditional derive(List<LikelihoodTerm> terms) {
    return switch (latent.distributionName()) {
      case "Beta" -> beta(terms);
      case "Gamma" -> gamma(terms);
      case "InverseGamma" -> inverseGamma(terms);
      case "Normal" -> normal(terms);
      case "Dirichlet" -> dirichlet(terms);
      default -> throw new NoConjugateFormException(latent.name(), "it is a " + latent.distributionName()
          + " with children (" + terms.get(0).describe() + "); complete conditionals are known for Beta, Gamma,"
          + " InverseGamma, Normal and Dirichlet latents, and for the assignments (cat) of a ParamMixture");
    };
  }

  private Conditional beta(List<LikelihoodTerm> terms) {
    Operand<TFloat32> a = param(latent, "concentration1");
    Operand<TFloat32> b = param(latent, "concentration0");
    for (LikelihoodTerm t : terms) {
      Operand<TFloat32> x = t.value();
      switch (t.family()) {
        case "Bernoulli", "Binomial" -> {
          Operand<TFloat32> probs = requireOnly(t, "probs", Kind.INDEX, "probs = p (a selection of p's elements)");
          Operand<TFloat32> p = swap.atZero(probs);
          Operand<TFloat32> fails = t.family().equals("Bernoulli") ? tf.math.sub(tf.constant(1f), x)
              : tf.math.sub(t.parameter("totalCount"), x);
          a = tf.math.add(a, t.adjoint(tf, x, p, swap, 0));
          b = tf.math.add(b, t.adjoint(tf, fails, p, swap, 0));
        }
        default -> throw unsupportedChild(t, "Bernoulli or Binomial");
      }
    }
    return conditional("Beta", "concentration1", a, "concentration0", b);
  }

  private Conditional gamma(List<LikelihoodTerm> terms) {
    Operand<TFloat32> alpha = param(latent, "concentration");
    Operand<TFloat32> beta = param(latent, "rate");
    for (LikelihoodTerm t : terms) {
      if (!List.of("Poisson", "Exponential", "Gamma").contains(t.family())) {
        throw unsupportedChild(t, "Poisson, Exponential or Gamma (through its rate)");
      }
      Operand<TFloat32> rate = requireOnly(t, "rate", Kind.LINEAR, "rate = c * " + shortName());
      Operand<TFloat32> p = swap.atZero(rate);
      Operand<TFloat32> c = swap.atOne(rate);
      Operand<TFloat32> x = t.value();
      Operand<TFloat32> shape = switch (t.family()) {
        case "Poisson" -> x;
        case "Exponential" -> tf.onesLike(x);
        default -> tf.math.add(t.parameter("concentration"), tf.zerosLike(x));
      };
      Operand<TFloat32> linear = t.family().equals("Poisson") ? tf.onesLike(x) : x;
      alpha = tf.math.add(alpha, t.count(tf, shape, p, c, swap, 0));
      beta = tf.math.add(beta, t.adjoint(tf, linear, p, swap, 0));
    }
    return conditional("Gamma", "concentration", alpha, "rate", beta);
  }

  private Conditional inverseGamma(List<LikelihoodTerm> terms) {
    Operand<TFloat32> alpha = param(latent, "concentration");
    Operand<TFloat32> beta = param(latent, "rate");
    for (LikelihoodTerm t : terms) {
      if (!t.family().equals("Normal")) {
        throw unsupportedChild(t, "Normal (through its scale, sqrt of the variance)");
      }
      Operand<TFloat32> scale = t.parameter("scale");
      requireIndependent(t, "loc", "an InverseGamma variance may enter only the scale");
      GraphOperation op = (GraphOperation) scale.op();
      if (!op.type().equals("Sqrt")) {
        String how = describe(scale);
        throw new NoConjugateFormException(latent.name(), t.describe() + "'s scale depends on it " + how
            + "; conjugacy with an InverseGamma variance needs scale = sqrt(c * " + shortName() + ")");
      }
      @SuppressWarnings("unchecked")
      Operand<TFloat32> variance = (Operand<TFloat32>) op.inputs().get(0);
      requireKind(t, "scale", variance, Kind.LINEAR, "scale = sqrt(c * " + shortName() + ")");
      Operand<TFloat32> p = swap.atZero(variance);
      Operand<TFloat32> c = swap.atOne(variance);
      Operand<TFloat32> x = t.value();
      Operand<TFloat32> half = tf.math.mul(tf.constant(0.5f), tf.onesLike(tf.math.add(x, t.parameter("loc"))));
      Operand<TFloat32> sq = tf.math.mul(tf.constant(0.5f), tf.math.squaredDifference(x, t.parameter("loc")));
      alpha = tf.math.add(alpha, t.count(tf, half, p, c, swap, 0));
      beta = tf.math.add(beta, t.count(tf, sq, p, tf.math.square(c), swap, 0));
    }
    return conditional("InverseGamma", "concentration", alpha, "rate", beta);
  }

  private Conditional normal(List<LikelihoodTerm> terms) {
    Operand<TFloat32> s0 = param(latent, "scale");
    Operand<TFloat32> precision = tf.math.reciprocal(tf.math.square(s0));
    Operand<TFloat32> eta = tf.math.mul(param(latent, "loc"), precision);
    for (LikelihoodTerm t : terms) {
      if (!t.family().equals("Normal")) {
        throw unsupportedChild(t, "Normal (through its loc)");
      }
      requireIndependent(t, "scale", "a Normal latent with a Normal conditional may enter only the loc");
      Operand<TFloat32> loc = t.parameter("loc");
      requireKind(t, "loc", loc, Kind.AFFINE, "loc = a * " + shortName() + " + b");
      Operand<TFloat32> b = swap.atZero(loc);
      Operand<TFloat32> a = swap.coefficient(loc);
      Operand<TFloat32> sigma2 = tf.math.square(t.parameter("scale"));
      Operand<TFloat32> residual = tf.math.div(tf.math.sub(t.value(), b), sigma2);
      Operand<TFloat32> coef = tf.math.add(tf.math.div(a, sigma2), tf.zerosLike(residual));
      precision = tf.math.add(precision, t.adjoint(tf, coef, b, swap, 0));
      eta = tf.math.add(eta, t.adjoint(tf, residual, b, swap, 0));
    }
    Operand<TFloat32> variance = tf.math.reciprocal(precision);
    return conditional("Normal", "loc", tf.math.mul(variance, eta), "scale", tf.math.sqrt(variance));
  }

  private Conditional dirichlet(List<LikelihoodTerm> terms) {
    Operand<TFloat32> alpha = param(latent, "concentration");
    for (LikelihoodTerm t : terms) {
      Operand<TFloat32> counts;
      Operand<TFloat32> probs = requireOnly(t, "probs", Kind.INDEX, "probs = " + shortName()
          + " (a selection of its rows)");
      switch (t.family()) {
        case "Categorical" -> {
          long k = probs.shape().size(probs.shape().numDimensions() - 1);
          counts = tf.oneHot(LikelihoodTerm.toInt(tf, t.value()), tf.constant((int) k), tf.constant(1f), tf.constant(0f));
        }
        case "Multinomial" -> counts = t.value();
        default -> throw unsupportedChild(t, "Categorical or Multinomial");
      }
      alpha = tf.math.add(alpha, t.adjoint(tf, counts, swap.atZero(probs), swap, 1));
    }
    Map<String, Operand<TFloat32>> m = new LinkedHashMap<>();
    m.put("concentration", alpha);
    return new Conditional("Dirichlet", m);
  }

  /** The parameter {@code name} must carry the latent in class {@code kind} or stricter; every other parameter must not. */
  private Operand<TFloat32> requireOnly(LikelihoodTerm t, String name, Kind kind, String form) {
    for (Map.Entry<String, Operand<TFloat32>> e : t.parameters().entrySet()) {
      if (!e.getKey().equals(name)) {
        requireIndependent(t, e.getKey(), "conjugacy needs " + form);
      }
    }
    Operand<TFloat32> p = t.parameter(name);
    if (p == null) {
      throw new NoConjugateFormException(latent.name(), t.describe() + " is not parameterized by `" + name
          + "` (it has " + List.copyOf(t.parameters().keySet()) + "); conjugacy needs " + form);
    }
    requireKind(t, name, p, kind, form);
    return p;
  }

  private void requireKind(LikelihoodTerm t, String name, Operand<TFloat32> p, Kind kind, String form) {
    Kind found;
    try {
      found = dependence.of(p);
    } catch (Dependence.Nonlinear e) {
      throw new NoConjugateFormException(latent.name(), t.describe() + "'s " + name + " depends on it "
          + e.getMessage() + "; conjugacy needs " + form);
    }
    if (found.compareTo(kind) > 0) {
      throw new NoConjugateFormException(latent.name(), t.describe() + "'s " + name + " is "
          + found.name().toLowerCase(java.util.Locale.ROOT) + " in it; conjugacy needs " + form);
    }
  }

  private void requireIndependent(LikelihoodTerm t, String name, String why) {
    Operand<TFloat32> p = t.parameter(name);
    if (p == null) {
      return;
    }
    boolean depends;
    try {
      depends = dependence.of(p) != Kind.NONE;
    } catch (Dependence.Nonlinear e) {
      depends = true;
    }
    if (depends) {
      throw new NoConjugateFormException(latent.name(), t.describe() + "'s " + name + " depends on it; " + why);
    }
  }

  private String describe(Operand<TFloat32> p) {
    try {
      dependence.of(p);
      return "through " + p.op().type() + " (" + p.op().name() + ")";
    } catch (Dependence.Nonlinear e) {
      return e.getMessage();
    }
  }

  private NoConjugateFormException unsupportedChild(LikelihoodTerm t, String supported) {
    return new NoConjugateFormException(latent.name(), t.describe() + " has no conjugate form with a "
        + latent.distributionName() + " prior; supported children: " + supported);
  }

  private String shortName() {
    String n = latent.name();
    return n.substring(n.lastIndexOf('/') + 1);
  }

  private static Operand<TFloat32> param(RandomVariable<?> rv, String name) {
    return rv.parameters().get(name);
  }

  private static Conditional conditional(String family, String n1, Operand<TFloat32> p1, String n2, Operand<TFloat32> p2) {
    Map<String, Operand<TFloat32>> m = new LinkedHashMap<>();
    m.put(n1, p1);
    m.put(n2, p2);
    return new Conditional(family, m);
  }
}
