package org.edward4j.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Edward's {@code ParamMixture}: a mixture whose {@code K} components are one family with stacked
 * parameters, holding its latent assignments {@link #cat()} and its {@link #components()} as random
 * variables of their own (the Gibbs complete conditionals work on them).
 *
 * <p>Built from {@code mixingWeights} {@code [..., K]} (normalized), a component family and its
 * parameters whose batch shape is {@code [K] + batch}. {@code cat} is a {@link Categorical} with
 * probabilities {@code mixingWeights} and this variable's sample shape; {@code components} is the
 * family built from the parameters with the same sample shape (shape {@code sample + [K] + batch +
 * event}); the value is the component each assignment picks. As in Edward, {@link #logProb} is the
 * density of {@code x} <em>given the assignments</em> {@code cat} ({@code log p_{cat}(x)}); {@link
 * #marginalLogProb} sums them out, {@code log sum_k w_k p_k(x)}. Mean and variance over the
 * mixture; no closed-form entropy. Not reparameterized (the assignment is discrete). The batch shape
 * is the components' without {@code K}; {@code mixingWeights}' batch must broadcast to it. (Edward
 * sums the conditional over the wrong axis for vector events; this sums over the component axis.)
 *
 * <pre>{@code
 * ParamMixture<TFloat32> x = ParamMixture.builder(scope)
 *     .mixingWeights(new float[] {0.3f, 0.7f})
 *     .components(Normal::builder, Map.of("loc", tf.constant(new float[] {-2f, 2f}), "scale", tf.constant(new float[] {1f, 0.5f})))
 *     .sampleShape(100).build();
 * Operand<TInt32> z = x.cat();                                    // which component drew each point
 * }</pre>
 *
 * @param <T> the value's element type, the component family's
 */
public final class ParamMixture<T extends TNumber> extends AbstractRandomVariable<T> {

  /** The members built before {@code super} draws the value (a constructor cannot set fields before it). */
  private record Members<T extends TNumber>(Categorical<TInt32> cat, AbstractRandomVariable<T> components) {}

  private static final ThreadLocal<Members<?>> PENDING = new ThreadLocal<>();

  private final Categorical<TInt32> cat;
  private final AbstractRandomVariable<T> components;
  private final Function<VariableScope, ? extends RandomVariableBuilder<T, ?, ?>> family;

  private ParamMixture(Parts<T> parts, Members<T> members,
      Function<VariableScope, ? extends RandomVariableBuilder<T, ?, ?>> family) {
    super(stash(parts, members));
    PENDING.remove();
    this.cat = members.cat();
    this.components = members.components();
    this.family = family;
  }

  private static <T extends TNumber> Parts<T> stash(Parts<T> parts, Members<T> members) {
    PENDING.set(members);
    return parts;
  }

  /**
   * A builder: set {@code mixingWeights} and {@code components(family, parameters)}.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder; {@link Builder#components} fixes the value type
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder<TFloat32> builder(VariableScope scope) {
    return new Builder<>(scope, TFloat32.class, null, Map.of());
  }

  /**
   * The latent assignments, Edward's {@code cat}: int32 labels of shape {@code sample + batch}.
   *
   * @return the categorical random variable this mixture's value was selected with
   */
  public Categorical<TInt32> cat() {
    return cat;
  }

  /**
   * The components, Edward's {@code components}: the family with batch {@code [K] + batch}.
   *
   * @return the random variable whose value holds every component's draw
   */
  public AbstractRandomVariable<T> components() {
    return components;
  }

  /**
   * The number of components {@code K}.
   *
   * @return the size of {@code mixingWeights}' last axis
   */
  public int numComponents() {
    Shape w = param("mixingWeights").shape();
    return (int) w.size(w.numDimensions() - 1);
  }

  /**
   * The mixing weights parameter.
   *
   * @return the float32 tensor the variable was built with, {@code [..., K]}
   */
  public Operand<TFloat32> mixingWeights() {
    return param("mixingWeights");
  }

  /**
   * {@code log sum_k w_k p_k(x)}, with the assignments summed out (Edward's {@code
   * marginal_log_prob}).
   *
   * @param x values broadcasting against {@code batch + event}
   * @return a float32 tensor of the broadcast shape minus the event
   */
  public Operand<TFloat32> marginalLogProb(Operand<? extends TNumber> x) {
    logProb(x); // the same argument checks as logProb
    Ops tf = ops().withSubScope("marginal_log_prob");
    Operand<TFloat32> logW = ProbabilityVectors.safeLog(tf, weights(tf));
    return MixtureAlgebra.marginal(tf, componentLogProbs(tf, x), MixtureAlgebra.kFirst(tf, logW, batchRank()), batchRank());
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
    boolean valueDraw = cat == null;
    Operand<TInt32> z = valueDraw ? m.cat().value() : m.cat().sample(sampleShape.asArray());
    Operand<T> stacked = valueDraw ? m.components().value() : m.components().sample(sampleShape.asArray());
    return MixtureAlgebra.select(tf, stacked, z, numComponents(), batchRank(), eventShape().numDimensions(), dtype());
  }

  /** {@code log p_{cat}(x)}: the density of {@code x} under the component its assignment picks. */
  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    return MixtureAlgebra.conditional(tf, componentLogProbs(tf, x), cat.value(), numComponents(), batchRank());
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
    return new Builder<>(scope, dtype(), family, Map.of());
  }

  private List<Operand<TFloat32>> moments(Ops tf) {
    Operand<TFloat32> w = MixtureAlgebra.kFirst(tf, weights(tf), batchRank());
    return MixtureAlgebra.meanAndVariance(tf, w, components.mean(), components.variance(), eventShape().numDimensions());
  }

  /** {@code components.logProb(x)} with a component axis inserted: {@code ... + [K] + batch}. */
  private Operand<TFloat32> componentLogProbs(Ops tf, Operand<? extends TNumber> x) {
    int batchEventRank = batchRank() + eventShape().numDimensions();
    Operand<? extends TNumber> xf = x.type() == TFloat32.class ? x : tf.dtypes.cast(x, TFloat32.class);
    return components.logProb(tf.expandDims(xf, tf.constant(-1 - batchEventRank)));
  }

  /** The mixing weights broadcast to {@code batch + [K]}. */
  private Operand<TFloat32> weights(Ops tf) {
    return cat.parameters().get("probs");
  }

  private int batchRank() {
    return batchShape().numDimensions();
  }

  /**
   * Builds a {@link ParamMixture}: {@code mixingWeights} and {@code components(family,
   * parameters)} are required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber> extends RandomVariableBuilder<T, ParamMixture<T>, Builder<T>> {

    private final Function<VariableScope, ? extends RandomVariableBuilder<T, ?, ?>> family;
    private final Map<String, Constraint> constraints;

    private Builder(VariableScope scope, Class<T> dtype,
        Function<VariableScope, ? extends RandomVariableBuilder<T, ?, ?>> family, Map<String, Constraint> unused) {
      super(scope, "ParamMixture", dtype);
      this.family = family;
      Map<String, Constraint> c = new LinkedHashMap<>();
      c.put("mixingWeights", Constraint.UNIT_INTERVAL);
      if (family != null) {
        c.putAll(family.apply(scope).parameterConstraints());
      }
      this.constraints = java.util.Collections.unmodifiableMap(c);
    }

    /**
     * The mixing weights over the last axis, normalized.
     *
     * @param mixingWeights values in [0, 1] summing to 1 over a last axis of known size {@code K}:
     *     a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant
     *     outside [0, 1]
     */
    public Builder<T> mixingWeights(Operand<TFloat32> mixingWeights) {
      return parameter("mixingWeights", mixingWeights);
    }

    /**
     * The mixing weights, values in [0, 1] summing to 1.
     *
     * @param mixingWeights one weight per component; not null
     * @return this builder
     * @throws IllegalArgumentException if a value is outside [0, 1] or they do not sum to 1
     */
    public Builder<T> mixingWeights(float[] mixingWeights) {
      parameter("mixingWeights", mixingWeights, mixingWeights == null ? 0 : mixingWeights.length);
      ProbabilityVectors.checkSumsToOne("mixingWeights", mixingWeights, mixingWeights.length);
      return this;
    }

    /**
     * The component family and its parameters, Edward's {@code component_dist} and {@code
     * component_params}; the parameters' batch shape must be {@code [K] + batch}.
     *
     * @param family a family's builder factory, such as {@code Normal::builder}
     * @param parameters the family's parameters by Edward's names, float32 tensors of this graph
     * @param <U> the family's value type
     * @return a builder of that value type with everything else set so far
     * @throws IllegalArgumentException if either is null, a name is not the family's, or a tensor
     *     is invalid for it
     */
    public <U extends TNumber> Builder<U> components(Function<VariableScope, ? extends RandomVariableBuilder<U, ?, ?>> family,
        Map<String, Operand<TFloat32>> parameters) {
      if (family == null || parameters == null) {
        throw new IllegalArgumentException("`family` and `parameters` must be given, got "
            + (family == null ? "a null family" : "null parameters"));
      }
      RandomVariableBuilder<U, ?, ?> probe = family.apply(scope());
      if (probe == null) {
        throw new IllegalArgumentException("`family` must return a builder, got null");
      }
      Builder<U> b = copyInto(new Builder<>(scope(), probe.dtype(), family, Map.of()));
      for (Map.Entry<String, Operand<TFloat32>> e : parameters.entrySet()) {
        if (!probe.parameterConstraints().containsKey(e.getKey())) {
          throw new IllegalArgumentException("`parameters` key `" + e.getKey() + "` is not a parameter of the component "
              + "family; valid names are " + List.copyOf(probe.parameterConstraints().keySet()));
        }
        b.parameter(e.getKey(), e.getValue());
      }
      return b;
    }

    @Override
    protected void checkParameterSet(Set<String> given) {
      if (!given.contains("mixingWeights")) {
        throw new IllegalArgumentException("`mixingWeights` must be given for ParamMixture");
      }
      if (family == null) {
        throw new IllegalArgumentException("`components` (a family and its parameters) must be given for ParamMixture");
      }
      Set<String> own = new java.util.HashSet<>(given);
      own.remove("mixingWeights");
      family.apply(scope()).checkParameterSet(own);
    }

    /** The components' batch must be {@code [K] + batch}, with the weights' batch broadcasting to it. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      Shape w = shapes.get("mixingWeights");
      int wr = w.numDimensions();
      if (wr == 0 || w.size(wr - 1) < 1) {
        throw new IllegalArgumentException("`mixingWeights` must have a last axis of known size K >= 1, got "
            + BroadcastShapes.format(w));
      }
      long k = w.size(wr - 1);
      ProbabilityVectors.checkSumsToOne("mixingWeights", knownValues("mixingWeights"), k);
      Map<String, Shape> componentShapes = new LinkedHashMap<>(shapes);
      componentShapes.remove("mixingWeights");
      BatchEvent c = family.apply(scope()).shapesOf(componentShapes);
      int cr = c.batch().numDimensions();
      if (cr == 0 || c.batch().size(0) != k) {
        throw new IllegalArgumentException("the component parameters must have batch shape [" + k + ", ...] (K = " + k
            + " components first, from `mixingWeights`), got " + BroadcastShapes.format(c.batch()));
      }
      Shape batch = BroadcastShapes.slice(c.batch(), 1, cr);
      Shape wBatch = BroadcastShapes.slice(w, 0, wr - 1);
      Shape joint = BroadcastShapes.broadcast(wBatch, batch);
      if (joint == null || !BroadcastShapes.compatible(joint, batch)) {
        throw new IllegalArgumentException("`mixingWeights` must have a batch shape that broadcasts to the components' "
            + BroadcastShapes.format(batch) + ", got " + BroadcastShapes.format(wBatch));
      }
      if (!BroadcastShapes.isFullyKnown(batch) && !wBatch.equals(batch)) {
        throw new IllegalArgumentException("`mixingWeights` must have the components' batch shape "
            + BroadcastShapes.format(batch) + " when it has unknown dimensions, got " + BroadcastShapes.format(wBatch));
      }
      return new BatchEvent(batch, c.event());
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return constraints;
    }

    @Override
    protected ParamMixture<T> create(Parts<T> parts) {
      VariableScope own = parts.scope();
      Ops tf = parts.tf();
      Map<String, Operand<TFloat32>> params = parts.parameters();
      Operand<TFloat32> w = params.get("mixingWeights");
      Shape batch = parts.shapes().batch();
      long k = w.shape().size(w.shape().numDimensions() - 1);
      if (!BroadcastShapes.slice(w.shape(), 0, w.shape().numDimensions() - 1).equals(batch)) {
        Shape full = org.edward4j.core.RandomVariableShape.concat(batch, Shape.of(k));
        w = tf.math.add(w, tf.zeros(BroadcastShapes.constant(tf, full), TFloat32.class));
      }
      long[] sample = parts.shapes().sample().asArray();
      Categorical<TInt32> cat = Categorical.builder(own).probs(w).sampleShape(sample).name("cat").build();
      RandomVariableBuilder<T, ?, ?> cb = family.apply(own);
      params.forEach((n, p) -> {
        if (!n.equals("mixingWeights")) {
          cb.parameter(n, p);
        }
      });
      AbstractRandomVariable<T> components = cb.sampleShape(sample).name("components").build();
      return new ParamMixture<>(parts, new Members<>(cat, components), family);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
