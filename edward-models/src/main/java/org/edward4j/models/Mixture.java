package org.edward4j.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * TensorFlow's {@code Mixture}: a {@link Categorical} {@code cat} over {@code K} classes choosing
 * among {@code K} component random variables, each of the same batch and event shape (families may
 * differ).
 *
 * <p>{@code log p(x) = log sum_k pi_k p_k(x)} with {@code pi = cat}'s probabilities (the
 * assignment summed out, unlike {@link ParamMixture#logProb}). Each draw takes a fresh assignment
 * from {@code cat} and fresh draws from every component (each a stateless op, keyed as theirs
 * are), and keeps the chosen one. Mean {@code sum_k pi_k mu_k} and variance {@code sum_k pi_k
 * (sigma_k^2 + mu_k^2) - mean^2} when the components have them; no closed-form entropy. Not
 * reparameterized. The parameters are those of {@code cat} and of every component, named {@code
 * cat/<name>} and {@code components/<k>/<name>}, so {@link #withParameters} rebuilds all of them.
 *
 * <pre>{@code
 * Categorical<TInt32> cat = Categorical.ofProbs(scope, new float[] {0.4f, 0.6f});
 * Mixture<TFloat32> x = Mixture.of(scope, cat, List.of(Normal.of(scope, -1.0, 0.5), Laplace.of(scope, 2.0, 1.0)));
 * Operand<TFloat32> mean = x.mean(); // 0.4 * -1 + 0.6 * 2
 * }</pre>
 *
 * @param <T> the components' value type
 */
public final class Mixture<T extends TNumber> extends AbstractRandomVariable<T> {

  private record Members<T extends TNumber>(Categorical<?> cat, List<AbstractRandomVariable<T>> components) {}

  private static final ThreadLocal<Members<?>> PENDING = new ThreadLocal<>();

  private final Categorical<?> cat;
  private final List<AbstractRandomVariable<T>> components;

  private Mixture(Parts<T> parts, Members<T> members) {
    super(stash(parts, members));
    PENDING.remove();
    this.cat = members.cat();
    this.components = List.copyOf(members.components());
  }

  private static <T extends TNumber> Parts<T> stash(Parts<T> parts, Members<T> members) {
    PENDING.set(members);
    return parts;
  }

  /**
   * A mixture of the given components.
   *
   * @param scope where to build it, named {@code Mixture} made unique there
   * @param cat the mixing distribution over {@code K = components.size()} classes
   * @param components {@code K} random variables of one dtype, batch shape {@code cat}'s
   * @param <T> the components' value type
   * @return the variable
   */
  public static <T extends TNumber> Mixture<T> of(VariableScope scope, Categorical<?> cat,
      List<? extends AbstractRandomVariable<T>> components) {
    return Mixture.<T>builder(scope, cat, components).build();
  }

  /**
   * A builder for name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @param cat the mixing distribution over {@code K = components.size()} classes
   * @param components {@code K} random variables of one dtype, batch shape {@code cat}'s
   * @param <T> the components' value type
   * @return a new builder
   * @throws IllegalArgumentException if an argument is null, {@code K} differs, or the components
   *     disagree in dtype, batch or event shape
   */
  public static <T extends TNumber> Builder<T> builder(VariableScope scope, Categorical<?> cat,
      List<? extends AbstractRandomVariable<T>> components) {
    return new Builder<>(scope, cat, components, true);
  }

  /**
   * The mixing distribution.
   *
   * @return the categorical variable of this mixture (a rebuilt one after {@link #withParameters})
   */
  public Categorical<?> cat() {
    return cat;
  }

  /**
   * The components.
   *
   * @return an unmodifiable list of {@code K} random variables
   */
  public List<AbstractRandomVariable<T>> components() {
    return components;
  }

  /** Always false: the assignment is discrete. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    @SuppressWarnings("unchecked")
    Members<T> m = cat != null ? new Members<>(cat, components) : (Members<T>) PENDING.get();
    long[] dims = sampleShape.asArray();
    Operand<? extends TNumber> z = m.cat().sample(dims);
    List<Operand<T>> draws = new ArrayList<>();
    for (AbstractRandomVariable<T> c : m.components()) {
      draws.add(c.sample(dims));
    }
    int batchRank = batchShape().numDimensions();
    int eventRank = eventShape().numDimensions();
    Operand<T> stacked = tf.stack(draws, org.tensorflow.op.core.Stack.axis((long) sampleShape.numDimensions()));
    return MixtureAlgebra.select(tf, stacked, z, m.components().size(), batchRank, eventRank, dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    int batchRank = batchShape().numDimensions();
    List<Operand<TFloat32>> perComponent = new ArrayList<>();
    for (AbstractRandomVariable<T> c : components) {
      perComponent.add(c.logProb(x));
    }
    // Stacked on the axis in front of the batch axes: ... + [K] + batch.
    Operand<TFloat32> stacked = tf.stack(perComponent, org.tensorflow.op.core.Stack.axis((long) (-1 - batchRank)));
    return MixtureAlgebra.marginal(tf, stacked, logWeightsKFirst(tf), batchRank);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return moments(tf).get(0);
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return moments(tf).get(1);
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(moments(tf).get(1));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, cat, components, false);
  }

  private List<Operand<TFloat32>> moments(Ops tf) {
    List<Operand<TFloat32>> means = new ArrayList<>();
    List<Operand<TFloat32>> variances = new ArrayList<>();
    for (AbstractRandomVariable<T> c : components) {
      means.add(c.mean());
      variances.add(c.variance());
    }
    Operand<TFloat32> weights = tf.math.exp(logWeightsKFirst(tf));
    return MixtureAlgebra.meanAndVariance(tf, weights, tf.stack(means), tf.stack(variances), eventShape().numDimensions());
  }

  /** {@code log pi} of shape {@code [K] + batch}. */
  private Operand<TFloat32> logWeightsKFirst(Ops tf) {
    Map<String, Operand<TFloat32>> p = cat.parameters();
    Operand<TFloat32> logW = p.containsKey("logits") ? ProbabilityVectors.logSoftmax(tf, p.get("logits"))
        : ProbabilityVectors.safeLog(tf, tf.math.div(p.get("probs"),
            tf.reduceSum(p.get("probs"), tf.constant(-1), org.tensorflow.op.core.ReduceSum.keepDims(true))));
    return MixtureAlgebra.kFirst(tf, logW, batchShape().numDimensions());
  }

  /**
   * Builds a {@link Mixture} from a categorical and its components (or, for {@link
   * #withParameters}, from their templates and new parameter tensors).
   *
   * @param <T> the components' value type
   */
  public static final class Builder<T extends TNumber> extends RandomVariableBuilder<T, Mixture<T>, Builder<T>> {

    private final Categorical<?> cat;
    private final List<AbstractRandomVariable<T>> components;
    private final Map<String, Constraint> constraints = new LinkedHashMap<>();

    private Builder(VariableScope scope, Categorical<?> cat, List<? extends AbstractRandomVariable<T>> components,
        boolean setParameters) {
      super(scope, "Mixture", dtypeOf(components));
      if (cat == null) {
        throw new IllegalArgumentException("`cat` must be a Categorical, got null");
      }
      if (components.size() != cat.numCategories()) {
        throw new IllegalArgumentException("`components` must have " + cat.numCategories() + " entries to match the "
            + "categories of `cat`, got " + components.size());
      }
      AbstractRandomVariable<T> first = components.get(0);
      for (int i = 0; i < components.size(); i++) {
        AbstractRandomVariable<T> c = components.get(i);
        if (c == null) {
          throw new IllegalArgumentException("`components` must not hold null, got null at " + i);
        }
        if (c.dtype() != first.dtype()) {
          throw new IllegalArgumentException("`components` must share one dtype, got "
              + RandomVariableBuilder.dtypeName(first.dtype()) + " and " + RandomVariableBuilder.dtypeName(c.dtype())
              + " at " + i);
        }
        if (!c.batchShape().equals(cat.batchShape()) || !c.eventShape().equals(first.eventShape())) {
          throw new IllegalArgumentException("`components` must have batch shape " + BroadcastShapes.format(cat.batchShape())
              + " (`cat`'s) and event shape " + BroadcastShapes.format(first.eventShape()) + ", got batch "
              + BroadcastShapes.format(c.batchShape()) + " and event " + BroadcastShapes.format(c.eventShape()) + " at " + i);
        }
      }
      this.cat = cat;
      this.components = List.copyOf(components);
      cat.parameters().keySet().forEach(n -> constraints.put("cat/" + n, Constraint.REAL));
      for (int i = 0; i < components.size(); i++) {
        String prefix = "components/" + i + "/";
        components.get(i).parameters().keySet().forEach(n -> constraints.put(prefix + n, Constraint.REAL));
      }
      if (setParameters) {
        cat.parameters().forEach((n, p) -> parameter("cat/" + n, p));
        for (int i = 0; i < components.size(); i++) {
          String prefix = "components/" + i + "/";
          components.get(i).parameters().forEach((n, p) -> parameter(prefix + n, p));
        }
      }
    }

    private static <T extends TNumber> Class<T> dtypeOf(List<? extends AbstractRandomVariable<T>> components) {
      if (components == null || components.isEmpty()) {
        throw new IllegalArgumentException("`components` must hold at least one random variable, got "
            + (components == null ? "null" : "none"));
      }
      if (components.get(0) == null) {
        throw new IllegalArgumentException("`components` must not hold null, got null at 0");
      }
      return components.get(0).dtype();
    }

    /** Every parameter of {@code cat} and of each component. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      for (String p : constraints.keySet()) {
        if (!given.contains(p)) {
          throw new IllegalArgumentException("`" + p + "` must be given for Mixture");
        }
      }
    }

    /** {@code cat}'s batch shape and the components' event shape. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      return new BatchEvent(cat.batchShape(), components.get(0).eventShape());
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return constraints;
    }

    @Override
    protected Mixture<T> create(Parts<T> parts) {
      Map<String, Operand<TFloat32>> params = parts.parameters();
      Categorical<?> newCat = (Categorical<?>) rebuilt(cat, "cat/", params);
      List<AbstractRandomVariable<T>> newComponents = new ArrayList<>();
      for (int i = 0; i < components.size(); i++) {
        newComponents.add(rebuilt(components.get(i), "components/" + i + "/", params));
      }
      return new Mixture<>(parts, new Members<>(newCat, newComponents));
    }

    /** The template itself when its parameters are unchanged, else a copy with the new ones. */
    private static <R extends AbstractRandomVariable<?>> AbstractRandomVariable<?> rebuiltAny(R template, String prefix,
        Map<String, Operand<TFloat32>> params) {
      Map<String, Operand<TFloat32>> mine = new LinkedHashMap<>();
      boolean same = true;
      for (Map.Entry<String, Operand<TFloat32>> e : template.parameters().entrySet()) {
        Operand<TFloat32> p = params.get(prefix + e.getKey());
        mine.put(e.getKey(), p);
        same &= p == e.getValue();
      }
      return same ? template : template.withParameters(mine);
    }

    @SuppressWarnings("unchecked")
    private static <U extends TNumber> AbstractRandomVariable<U> rebuilt(AbstractRandomVariable<U> template, String prefix,
        Map<String, Operand<TFloat32>> params) {
      return (AbstractRandomVariable<U>) rebuiltAny(template, prefix, params);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
