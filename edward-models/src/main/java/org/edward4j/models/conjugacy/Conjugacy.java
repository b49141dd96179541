package org.edward4j.models.conjugacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.AbstractRandomVariable;
import org.edward4j.models.ParamMixture;
import org.edward4j.models.conjugacy.ConjugatePairs.Conditional;
import org.edward4j.models.graph.ModelGraph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Edward's {@code ed.complete_conditional}: the distribution of one random variable given the
 * others, {@code p(rv | cond_set)}, as a random variable of the conjugate family whose parameters
 * are graph tensors of the other variables' values.
 *
 * <p>Evaluate it at given values by feeding them, or by {@code GraphCopy} with the variables
 * swapped for them (which is how {@code Gibbs} draws from it). Edward finds conjugacy symbolically
 * on its log joint; edward4j matches patterns on the random-variable graph instead (the latent's
 * prior family, each child's family, and which child parameter carries the latent through which
 * ops), with the same results for the pairs below. Supported:
 *
 * <ul>
 *   <li>Beta latents with Bernoulli or Binomial children ({@code probs = p});
 *   <li>Gamma latents with Poisson, Exponential or Gamma children ({@code rate = c * l});
 *   <li>InverseGamma variances with Normal children ({@code scale = sqrt(c * v)}, as Edward writes it);
 *   <li>Normal latents with Normal children ({@code loc = a * z + b}, known scale), several children
 *       and any batch or sample shapes;
 *   <li>Dirichlet latents with Categorical or Multinomial children ({@code probs = theta});
 *   <li>the components' parameters of a {@link ParamMixture} (each point counts for the component
 *       its assignment picks) and its assignments {@link ParamMixture#cat()}: a Categorical with
 *       logits {@code log pi_k + log p_k(x)};
 *   <li>any latent none of whose children is in the conditioning set: its own prior, broadcast to
 *       its value's shape.
 * </ul>
 *
 * <p>The conditional factorizes over the latent's elements (Edward's families are elementwise), so
 * a latent must reach each child parameter through selections (reshape, gather, slice, tile,
 * broadcast, concat), factors and offsets only; anything else is refused with a {@link
 * NoConjugateFormException} naming the variable, the child and the op. The result is named {@code
 * complete_conditional_<rv>/cond_dist}; such variables are left out of later default conditioning
 * sets, as in Edward.
 *
 * <pre>{@code
 * Beta p = Beta.of(scope, 1.0, 1.0);
 * Bernoulli<TInt32> x = Bernoulli.builder(scope).probs(p).sampleShape(10).build();
 * RandomVariable<TFloat32> pCond = Conjugacy.completeConditional(p); // Beta(1 + sum x, 1 + sum (1 - x))
 * }</pre>
 */
public final class Conjugacy {

  /** The scope-name prefix of every conditional; such variables are skipped in default blankets. */
  public static final String SCOPE_PREFIX = "complete_conditional_";

  private Conjugacy() {}

  /**
   * The complete conditional of {@code rv} given its Markov blanket (without earlier conditionals).
   *
   * @param rv a latent random variable of an open context
   * @param <T> the value's element type
   * @return the conditional, of {@code rv}'s dtype, with batch shape {@code rv}'s value shape
   * @throws NoConjugateFormException when no conjugate form is recognized, naming why
   * @throws IllegalArgumentException if {@code rv} is null or not a distribution of this library
   */
  public static <T extends TNumber> RandomVariable<T> completeConditional(RandomVariable<T> rv) {
    return completeConditional(rv, null);
  }

  /**
   * The complete conditional of {@code rv} given {@code condSet}: only children in the set
   * contribute (it makes no difference whether the set holds {@code rv}).
   *
   * @param rv a latent random variable of an open context
   * @param condSet the variables to condition on, or null for {@code rv}'s Markov blanket
   * @param <T> the value's element type
   * @return the conditional, of {@code rv}'s dtype, with batch shape {@code rv}'s value shape
   * @throws NoConjugateFormException when no conjugate form is recognized, naming why
   * @throws IllegalArgumentException for a null {@code rv}, a set member of another graph
   */
  @SuppressWarnings("unchecked")
  public static <T extends TNumber> RandomVariable<T> completeConditional(RandomVariable<T> rv,
      Collection<? extends RandomVariable<?>> condSet) {
    if (rv == null) {
      throw new IllegalArgumentException("`rv` must be a random variable, got null");
    }
    if (!(rv instanceof AbstractRandomVariable<T> latent)) {
      throw new IllegalArgumentException("`rv` must be one of edward4j's distributions, got " + rv.getClass().getName());
    }
    ModelContext ctx = latent.context();
    ctx.checkOpen();
    ModelGraph graph = ModelGraph.of(ctx);
    Set<RandomVariable<?>> conditioning = identitySet();
    if (condSet == null) {
      graph.markovBlanket(rv).stream().filter(v -> !isConditional(v)).forEach(conditioning::add);
    } else {
      int i = 0;
      for (RandomVariable<?> v : condSet) {
        if (v == null) {
          throw new IllegalArgumentException("`condSet` must hold random variables, got null at index " + i);
        }
        if (v.context() != ctx) {
          throw new IllegalArgumentException("`condSet` element " + v.name() + " belongs to another context than "
              + rv.name());
        }
        conditioning.add(v);
        i++;
      }
    }
    List<RandomVariable<?>> all = graph.randomVariables();
    List<RandomVariable<?>> others = new ArrayList<>();
    Set<String> stops = new HashSet<>();
    for (RandomVariable<?> v : all) {
      if (v != rv) {
        others.add(v);
        stops.add(Dependence.key(v.value().asOutput()));
      }
    }
    List<RandomVariable<?>> children = graph.children(rv).stream()
        .filter(c -> conditioning.contains(c) && !isConditional(c)).toList();
    VariableScope scope = ctx.scope(SCOPE_PREFIX + rv.name().replace('/', '_'));
    Ops tf = scope.tf();
    Map<String, Operand<TFloat32>> params;
    String family;
    if (rv.distributionName().equals("Categorical") && !children.isEmpty()) {
      params = Map.of("logits", assignments(tf, latent, children));
      family = "Categorical";
    } else {
      List<LikelihoodTerm> terms = terms(tf, latent, children, all, new Dependence(rv.value(), stops));
      if (terms.isEmpty()) {
        params = rv.parameters();
        family = rv.distributionName();
      } else {
        Conditional c = new ConjugatePairs(tf, rv, new Dependence(rv.value(), stops),
            new LatentSwap(ctx, scope, rv, others)).derive(terms);
        params = c.parameters();
        family = c.family();
      }
    }
    Map<String, Operand<TFloat32>> shaped = new LinkedHashMap<>();
    params.forEach((n, p) -> shaped.put(n, toValueShape(tf, rv, family, p)));
    RandomVariable<?> out = ConditionalFamilies.build(scope, family, shaped, latent.dtype());
    if (out == null) {
      throw new NoConjugateFormException(rv.name(), "it has no children in the conditioning set, and a "
          + family + " conditional cannot be rebuilt here (known: " + ConditionalFamilies.KNOWN + ")");
    }
    return (RandomVariable<T>) out;
  }

  /** The factors of the children that read the latent, each mixture once through its components. */
  private static List<LikelihoodTerm> terms(Ops tf, RandomVariable<?> rv, List<RandomVariable<?>> children,
      List<RandomVariable<?>> all, Dependence dependence) {
    List<LikelihoodTerm> out = new ArrayList<>();
    Set<RandomVariable<?>> mixtures = identitySet();
    for (RandomVariable<?> c : children) {
      ParamMixture<?> owner = c instanceof ParamMixture<?> pm ? pm : mixtureOfComponents(c, all);
      if (owner != null) {
        if (dependsOnComponents(owner, dependence) && mixtures.add(owner)) {
          out.add(LikelihoodTerm.ofMixture(tf, owner));
        }
        continue; // the mixing weights reach the mixture only through its assignments, a child of their own
      }
      out.add(LikelihoodTerm.of(tf, c));
    }
    return out;
  }

  private static boolean dependsOnComponents(ParamMixture<?> pm, Dependence dependence) {
    for (Operand<TFloat32> p : pm.components().parameters().values()) {
      try {
        if (dependence.of(p) != Dependence.Kind.NONE) {
          return true;
        }
      } catch (Dependence.Nonlinear e) {
        return true; // the pair's own check names the op
      }
    }
    return false;
  }

  private static ParamMixture<?> mixtureOfComponents(RandomVariable<?> c, List<RandomVariable<?>> all) {
    for (RandomVariable<?> v : all) {
      if (v instanceof ParamMixture<?> pm && pm.components() == c) {
        return pm;
      }
    }
    return null;
  }

  /** The assignments of mixtures: {@code log pi_k + sum over mixtures of log p_k(x)}, K last. */
  private static Operand<TFloat32> assignments(Ops tf, RandomVariable<?> z, List<RandomVariable<?>> children) {
    Operand<TFloat32> logits = z.parameters().containsKey("logits") ? z.parameters().get("logits")
        : tf.math.log(z.parameters().get("probs"));
    for (RandomVariable<?> c : children) {
      if (!(c instanceof ParamMixture<?> pm) || pm.cat() != z) {
        throw new NoConjugateFormException(z.name(), "child " + c.name() + " (" + c.distributionName()
            + ") depends on it; a Categorical latent has a complete conditional here only as the assignments"
            + " (cat) of a ParamMixture");
      }
      int batchRank = pm.batchShape().numDimensions();
      int sampleRank = pm.cat().value().shape().numDimensions() - batchRank;
      int batchEventRank = batchRank + pm.eventShape().numDimensions();
      Operand<TFloat32> x = tf.expandDims(LikelihoodTerm.toFloat(tf, pm.value()), tf.constant(-1 - batchEventRank));
      Operand<TFloat32> lp = pm.components().logProb(x); // sample + [K] + batch
      int rank = sampleRank + 1 + batchRank;
      int[] perm = new int[rank];
      for (int i = 0, j = 0; i < rank; i++) {
        if (i != sampleRank) {
          perm[j++] = i;
        }
      }
      perm[rank - 1] = sampleRank;
      logits = tf.math.add(logits, tf.linalg.transpose(lp, tf.constant(perm)));
    }
    return logits;
  }

  /** {@code p} broadcast to the latent's value shape (plus the category axis of a Categorical). */
  private static Operand<TFloat32> toValueShape(Ops tf, RandomVariable<?> rv, String family, Operand<TFloat32> p) {
    Shape value = rv.value().shape();
    if (value.isUnknown() || value.hasUnknownDimension()) {
      return p;
    }
    long[] dims = value.asArray();
    if (family.equals("Categorical")) {
      long[] withK = java.util.Arrays.copyOf(dims, dims.length + 1);
      withK[dims.length] = p.shape().size(p.shape().numDimensions() - 1);
      dims = withK;
    }
    if (p.shape().equals(Shape.of(dims))) {
      return p;
    }
    return tf.math.add(p, tf.zeros(tf.constant(dims), TFloat32.class));
  }

  private static boolean isConditional(RandomVariable<?> v) {
    return isConditionalName(v.name());
  }

  /**
   * Whether a random variable of this name is a conditional built here (or a copy of one): one of
   * its name's parts starts with {@link #SCOPE_PREFIX}. Default conditioning sets leave such
   * variables out, as Edward's do.
   *
   * @param name a random variable's name
   * @return true for {@code complete_conditional_model_Beta/cond_dist} and its copies
   */
  public static boolean isConditionalName(String name) {
    for (String part : name.split("/")) {
      if (part.startsWith(SCOPE_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  private static <E> Set<E> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
