package org.edward4j.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edward4j.core.GraphCollections;
import org.edward4j.core.ModelContext.OpSeed;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.RandomVariableShape;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * The base of every distribution: final {@code sample}, {@code logProb}, {@code prob}, moments and
 * {@code klDivergence} that check their arguments, name their ops, then call one hook per
 * distribution (TensorFlow Probability's {@code Distribution}; Edward's {@code RandomVariable}).
 *
 * <p>The value is drawn in the constructor, as Edward's {@code RandomVariable.__init__} does, so
 * the hooks run before a subclass's constructor body: subclasses keep no state of their own and
 * read their parameters with {@link #param(String)}. Ops go under the variable's name scope: the
 * value is {@code <name>/value}, its draw {@code <name>/sample/...}, later calls {@code
 * <name>/sample_1/...}, {@code <name>/log_prob/...}. Every draw is a stateless random op keyed by
 * its own op seed from {@link ModelContext#nextOpSeed()} and the context's random step (see {@link
 * ModelContext#statelessSeed}); the value's seeds are shown by {@link #toString()}.
 *
 * <pre>{@code
 * Normal z = Normal.of(scope, 0.0, 1.0);
 * Operand<TFloat32> lp = z.logProb(z); // the log density of the draw
 * }</pre>
 *
 * @param <T> the value's element type
 */
public abstract class AbstractRandomVariable<T extends TNumber> implements RandomVariable<T> {

  /**
   * Everything a builder checked, handed to a distribution's constructor.
   *
   * @param parentScope the scope the variable was built in
   * @param scope the variable's own scope entry
   * @param tf ops placing new operations under the scope entry's exact op prefix
   * @param distributionName e.g. {@code "Normal"}
   * @param userName the name given by the user, or null for the distribution's name
   * @param dtype the value's element type
   * @param parameters the parameter tensors by Edward's names
   * @param shapes sample, batch and event shapes
   * @param observed the observed value, or null to draw one
   * @param validateArgs whether {@code logProb} checks the support (the builder's {@code
   *     validateArgs})
   * @param <T> the value's element type
   */
  protected record Parts<T extends TNumber>(
      VariableScope parentScope,
      VariableScope scope,
      Ops tf,
      String distributionName,
      String userName,
      Class<T> dtype,
      Map<String, Operand<TFloat32>> parameters,
      RandomVariableShape shapes,
      Operand<T> observed,
      boolean validateArgs) {}

  private final ModelContext ctx;
  private final Parts<T> parts;
  private final Ops tf;
  private final Map<String, Operand<TFloat32>> parameters;
  private final List<OpSeed> valueSeeds = new ArrayList<>();
  private List<OpSeed> seedLog;
  private final Operand<T> value;
  private final Object familyState;

  /**
   * Stores the checked parts and draws (or wraps) the value as {@code <name>/value}.
   *
   * @param parts what the builder checked
   */
  protected AbstractRandomVariable(Parts<T> parts) {
    this(parts, null);
  }

  /**
   * As {@link #AbstractRandomVariable(Parts)}, for a family that needs more than parameter tensors
   * (a Dirichlet process's base distribution): {@code familyState} is stored before the value is
   * drawn, so the hooks can read it with {@link #familyState(Class)}.
   *
   * @param parts what the builder checked
   * @param familyState the family's own state, or null
   */
  protected AbstractRandomVariable(Parts<T> parts, Object familyState) {
    this.familyState = familyState;
    this.parts = parts;
    this.ctx = parts.scope().context();
    this.tf = parts.tf();
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parts.parameters()));
    Operand<T> v;
    if (parts.observed() != null) {
      v = parts.observed();
    } else {
      seedLog = valueSeeds;
      v = sampleOf(tf.withSubScope("sample"), parts.shapes().sample());
      seedLog = null;
    }
    this.value = tf.withName("value").identity(v);
    ctx.collections().add(GraphCollections.Key.RANDOM_VARIABLES, name(), this);
  }

  @Override
  public final String name() {
    return parts.scope().opPrefix();
  }

  @Override
  public final String distributionName() {
    return parts.distributionName();
  }

  @Override
  public final Operand<T> value() {
    return value;
  }

  @Override
  public final RandomVariableShape shapes() {
    return parts.shapes();
  }

  /**
   * The value's element type.
   *
   * @return {@code TFloat32.class} for continuous families; for discrete ones the dtype the
   *     builder was given
   */
  public final Class<T> dtype() {
    return parts.dtype();
  }

  /**
   * Whether the value was given (Edward's {@code value=}) rather than drawn.
   *
   * @return {@code true} if the builder's {@code value(...)} was set
   */
  public final boolean isObserved() {
    return parts.observed() != null;
  }

  /**
   * Whether {@code logProb} checks that its argument lies in the support (TensorFlow Probability's
   * {@code validate_args}); see {@link RandomVariableBuilder#validateArgs(boolean)}.
   *
   * @return {@code true} unless the builder was given {@code validateArgs(false)}
   */
  public final boolean validateArgs() {
    return parts.validateArgs();
  }

  /**
   * The seeds of the random ops that drew the value, in order; empty when observed or deterministic.
   *
   * @return a copy, one {@code (seed, seed2)} pair per random op (Beta draws two gammas, so two)
   */
  public final List<OpSeed> valueSeeds() {
    return List.copyOf(valueSeeds);
  }

  /**
   * The context holding the graph this variable lives in.
   *
   * @return the context of the scope the variable was built in
   */
  public final ModelContext context() {
    return ctx;
  }

  @Override
  public final Map<String, Operand<TFloat32>> parameters() {
    return parameters;
  }

  @Override
  public final Output<T> asOutput() {
    return value.asOutput();
  }

  @Override
  public final Operation op() {
    return value.op();
  }

  @Override
  public final Operand<T> sample(long... sampleShape) {
    long[] dims = RandomVariableBuilder.checkSampleShape(sampleShape);
    ctx.checkOpen();
    return sampleOf(tf.withSubScope("sample"), Shape.of(dims));
  }

  @Override
  public final Operand<TFloat32> logProb(Operand<? extends TNumber> x) {
    ctx.checkOpen();
    if (x == null) {
      throw new IllegalArgumentException("`x` must be a tensor, got null");
    }
    if (!ParameterInput.inGraph(x, ctx)) {
      throw new IllegalArgumentException("`x` must be a tensor of this context's graph, got one from another graph");
    }
    Shape batchEvent = RandomVariableShape.concat(batchShape(), eventShape());
    Shape xShape = x.shape();
    if (!xShape.isUnknown() && BroadcastShapes.broadcast(xShape, batchEvent) == null) {
      throw new IllegalArgumentException("`x` must have shape [..., " + BroadcastShapes.format(batchEvent).substring(1)
          + " (or one that broadcasts to it) to match the batch and event shape of " + name() + ", got "
          + BroadcastShapes.format(xShape));
    }
    Ops scoped = tf.withSubScope("log_prob");
    Operand<TFloat32> xf = x.type() == TFloat32.class ? castFloat(x) : scoped.dtypes.cast(x, TFloat32.class);
    return logProbOf(scoped, xf);
  }

  @Override
  public final Operand<TFloat32> prob(Operand<? extends TNumber> x) {
    return tf.withName("prob").math.exp(logProb(x));
  }

  @Override
  public final Operand<TFloat32> cdf(Operand<? extends TNumber> x) {
    ctx.checkOpen();
    if (x == null) {
      throw new IllegalArgumentException("`x` must be a tensor, got null");
    }
    if (!ParameterInput.inGraph(x, ctx)) {
      throw new IllegalArgumentException("`x` must be a tensor of this context's graph, got one from another graph");
    }
    if (eventShape().numDimensions() != 0) {
      throw unsupported("cdf (it is defined for scalar events only)");
    }
    Ops scoped = tf.withSubScope("cdf");
    Operand<TFloat32> xf = x.type() == TFloat32.class ? castFloat(x) : scoped.dtypes.cast(x, TFloat32.class);
    return cdfOf(scoped, xf);
  }

  @Override
  public final Operand<TFloat32> mode() {
    ctx.checkOpen();
    return modeOf(tf.withSubScope("mode"));
  }

  @Override
  public final Operand<TFloat32> mean() {
    ctx.checkOpen();
    return meanOf(tf.withSubScope("mean"));
  }

  @Override
  public final Operand<TFloat32> stddev() {
    ctx.checkOpen();
    return stddevOf(tf.withSubScope("stddev"));
  }

  @Override
  public final Operand<TFloat32> variance() {
    ctx.checkOpen();
    return varianceOf(tf.withSubScope("variance"));
  }

  @Override
  public final Operand<TFloat32> entropy() {
    ctx.checkOpen();
    return entropyOf(tf.withSubScope("entropy"));
  }

  @Override
  public final Optional<Operand<TFloat32>> klDivergence(RandomVariable<?> other) {
    ctx.checkOpen();
    if (other == null) {
      throw new IllegalArgumentException("`other` must be a random variable, got null");
    }
    if (!ParameterInput.inGraph(other.value(), ctx)) {
      throw new IllegalArgumentException("`other` must live in this context's graph, got " + other.name());
    }
    if (BroadcastShapes.broadcast(batchShape(), other.batchShape()) == null) {
      throw new IllegalArgumentException("`other` must have batch shape " + BroadcastShapes.format(batchShape())
          + " to match " + name() + ", got " + BroadcastShapes.format(other.batchShape()));
    }
    return klDivergenceTo(tf.withSubScope("kl_divergence"), other);
  }

  @Override
  public final AbstractRandomVariable<T> withParameters(Map<String, Operand<TFloat32>> newParameters) {
    ctx.checkOpen();
    if (newParameters == null || !newParameters.keySet().equals(parameters.keySet())) {
      throw new IllegalArgumentException("`parameters` must have exactly the names " + List.copyOf(parameters.keySet())
          + " of " + name() + ", got " + (newParameters == null ? "null" : List.copyOf(newParameters.keySet())));
    }
    RandomVariableBuilder<T, ?, ?> b = newBuilder(parts.parentScope());
    for (String p : parameters.keySet()) {
      b.parameter(p, newParameters.get(p));
    }
    b.sampleShape(sampleShape().asArray());
    b.validateArgs(parts.validateArgs());
    if (parts.userName() != null) {
      b.name(parts.userName());
    }
    return b.build();
  }

  /**
   * Draws {@code sampleShape + batch + event} values.
   *
   * @param tf ops under this variable's {@code sample} scope
   * @param sampleShape the leading dimensions, fully known
   * @return the draws, of this variable's dtype
   */
  protected abstract Operand<T> sampleOf(Ops tf, Shape sampleShape);

  /**
   * The log density of {@code x}, summed over event dimensions.
   *
   * @param tf ops under this variable's {@code log_prob} scope
   * @param x float32 values whose shape broadcasts against {@code batch + event}
   * @return a tensor of the broadcast shape minus the event dimensions
   */
  protected abstract Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x);

  /** The cdf at float32 {@code x}; by default there is no closed form. */
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    throw unsupported("cdf");
  }

  /** The mode; by default there is no closed form. */
  protected Operand<TFloat32> modeOf(Ops tf) {
    throw unsupported("mode");
  }

  /** The mean; by default there is no closed form. */
  protected Operand<TFloat32> meanOf(Ops tf) {
    throw unsupported("mean");
  }

  /** The standard deviation; by default there is no closed form. */
  protected Operand<TFloat32> stddevOf(Ops tf) {
    throw unsupported("stddev");
  }

  /** The variance; by default there is no closed form. */
  protected Operand<TFloat32> varianceOf(Ops tf) {
    throw unsupported("variance");
  }

  /** The entropy; by default there is no closed form. */
  protected Operand<TFloat32> entropyOf(Ops tf) {
    throw unsupported("entropy");
  }

  /** {@code KL(this || other)} in closed form, if this family knows one for {@code other}'s. */
  protected Optional<Operand<TFloat32>> klDivergenceTo(Ops tf, RandomVariable<?> other) {
    return Optional.empty();
  }

  /** A builder of this family and dtype in {@code scope}, for {@link #withParameters}. */
  protected abstract RandomVariableBuilder<T, ?, ?> newBuilder(VariableScope scope);

  /**
   * The shape {@code batch + event} as a tensor when some dimension is known only at run time; by
   * default the broadcast of every parameter's shape.
   */
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    Operand<TInt32> s = null;
    for (Operand<TFloat32> p : parameters.values()) {
      Operand<TInt32> ps = tf.shape(p);
      s = s == null ? ps : tf.broadcastDynamicShape(s, ps);
    }
    return s;
  }

  /** Ops under this variable's name scope, for accessors that build ops (e.g. Bernoulli's probs). */
  protected final Ops ops() {
    ctx.checkOpen();
    return tf;
  }

  /** A parameter tensor by Edward's name. */
  protected final Operand<TFloat32> param(String parameterName) {
    Operand<TFloat32> p = parameters.get(parameterName);
    if (p == null) {
      throw new IllegalStateException(name() + " has no parameter `" + parameterName + "`");
    }
    return p;
  }

  /** The state given to the constructor, as {@code type}; fails if there is none of that type. */
  protected final <S> S familyState(Class<S> type) {
    if (!type.isInstance(familyState)) {
      throw new IllegalStateException(name() + " has no family state of type " + type.getSimpleName());
    }
    return type.cast(familyState);
  }

  /** Whether the variable was built with this parameter (for families with alternatives). */
  protected final boolean hasParam(String parameterName) {
    return parameters.containsKey(parameterName);
  }

  /** The next op seed; recorded when it draws the value. */
  protected final OpSeed nextSeed() {
    OpSeed s = ctx.nextOpSeed();
    if (seedLog != null) {
      seedLog.add(s);
    }
    return s;
  }

  /**
   * The seed tensor of the next stateless random op: the next op seed combined with the context's
   * random step (see {@code ModelContext.statelessSeed}).
   */
  protected final Operand<TInt64> nextSeedTensor(Ops tf) {
    return ctx.statelessSeed(tf, nextSeed());
  }

  /** {@code batch + event} as an int32 vector: a constant when fully known. */
  protected final Operand<TInt32> batchEventShape(Ops tf) {
    Shape s = RandomVariableShape.concat(batchShape(), eventShape());
    return BroadcastShapes.isFullyKnown(s) ? BroadcastShapes.constant(tf, s) : dynamicBatchEventShape(tf);
  }

  /** {@code sampleShape + batch + event} as an int32 vector. */
  protected final Operand<TInt32> drawShape(Ops tf, Shape sampleShape) {
    Operand<TInt32> be = batchEventShape(tf);
    if (sampleShape.numDimensions() == 0) {
      return be;
    }
    return tf.concat(List.of(BroadcastShapes.constant(tf, sampleShape), be), tf.constant(0));
  }

  /** {@code t} broadcast to {@code batch + event}, by adding zeros (differentiable everywhere). */
  protected final Operand<TFloat32> broadcastToBatchEvent(Ops tf, Operand<TFloat32> t) {
    return tf.math.add(t, tf.zeros(batchEventShape(tf), TFloat32.class));
  }

  /** {@code t} summed over its last {@code eventShape().numDimensions()} axes. */
  protected final Operand<TFloat32> sumOverEvent(Ops tf, Operand<TFloat32> t) {
    int k = eventShape().numDimensions();
    if (k == 0) {
      return t;
    }
    Operand<TInt32> rank = tf.rank(t);
    return tf.reduceSum(t, tf.range(tf.math.sub(rank, tf.constant(k)), rank, tf.constant(1)));
  }

  /** A float32 scalar constant. */
  protected static Operand<TFloat32> scalar(Ops tf, double v) {
    return tf.constant((float) v);
  }

  /** An {@link UnsupportedOperationException} saying this family has no closed form for {@code what}. */
  protected final UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(
        distributionName() + " (" + name() + ") has no closed-form " + what);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(distributionName()).append("(name=").append(name())
        .append(", sample=").append(BroadcastShapes.format(sampleShape()))
        .append(", batch=").append(BroadcastShapes.format(batchShape()))
        .append(", event=").append(BroadcastShapes.format(eventShape()))
        .append(", dtype=").append(RandomVariableBuilder.dtypeName(dtype()));
    if (isObserved()) {
      sb.append(", observed");
    } else if (!valueSeeds.isEmpty()) {
      sb.append(", seed=").append(valueSeeds.get(0).seed()).append(", opSeeds=")
          .append(valueSeeds.stream().map(s -> Long.toString(s.seed2())).toList());
    }
    if (isReparameterized()) {
      sb.append(", reparameterized");
    }
    if (!validateArgs()) {
      sb.append(", validateArgs=false");
    }
    return sb.append(')').toString();
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> castFloat(Operand<? extends TNumber> x) {
    return (Operand<TFloat32>) x;
  }
}
