package org.edward4j.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The relaxed one-hot categorical (Concrete, Gumbel-softmax) distribution on the simplex: {@code Y
 * = softmax((l + G) / t)} with {@code G} independent standard Gumbel noise, {@code l} the {@code
 * logits} (or {@code log probs}) over the last axis and {@code t > 0} the {@code temperature}
 * (Maddison, Mnih and Teh, 2017; Jang, Gu and Poole, 2017).
 *
 * <p>{@code log p(y) = lgamma(K) + (K - 1) log t + sum_k (l_k - (t + 1) log y_k) - K logsumexp_k(l_k
 * - t log y_k)}, a density on the first {@code K - 1} coordinates; {@code -inf} off the open
 * simplex (coordinates must be positive and sum to 1 within {@code 1e-3}). As {@code t -> 0} draws
 * approach {@link OneHotCategorical}; {@code argmax Y} is exactly {@code Categorical(l)} at any
 * temperature. Samples are reparameterized through the stateless uniform noise. The event is {@code
 * [K]}; {@code temperature} is batch-only. No closed-form moments or entropy. Low temperatures can
 * round coordinates to exactly 0 in float32, where the density is not finite.
 *
 * <pre>{@code
 * RelaxedOneHotCategorical z = RelaxedOneHotCategorical.ofLogits(scope, 0.5, new float[] {0f, 1f, 2f});
 * Operand<TFloat32> lp = z.logProb(z); // a scalar
 * }</pre>
 */
public final class RelaxedOneHotCategorical extends AbstractRandomVariable<TFloat32> {

  private RelaxedOneHotCategorical(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A Concrete variable over {@code logits.length} classes.
   *
   * @param scope where to build it, named {@code RelaxedOneHotCategorical} made unique there
   * @param temperature positive and finite
   * @param logits one finite value per class
   * @return the variable
   */
  public static RelaxedOneHotCategorical ofLogits(VariableScope scope, double temperature, float[] logits) {
    return builder(scope).temperature(temperature).logits(logits).build();
  }

  /**
   * A Concrete variable over graph tensors.
   *
   * @param scope where to build it
   * @param temperature positive, of the batch shape (or one that broadcasts to it)
   * @param logits unnormalized log-probabilities over the last axis
   * @return the variable
   */
  public static RelaxedOneHotCategorical ofLogits(VariableScope scope, Operand<TFloat32> temperature,
      Operand<TFloat32> logits) {
    return builder(scope).temperature(temperature).logits(logits).build();
  }

  /**
   * A builder for name, sample shape, observed value or mixed parameters.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The temperature parameter.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> temperature() {
    return param("temperature");
  }

  /**
   * The number of classes {@code K}.
   *
   * @return the event size
   */
  public long numCategories() {
    return eventShape().size(0);
  }

  /** Always true: draws are a smooth function of the parameters and Gumbel noise. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = StandardDraws.uniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    Operand<TFloat32> safeU = tf.math.maximum(u, scalar(tf, Float.MIN_NORMAL));
    Operand<TFloat32> gumbel = tf.math.neg(tf.math.log(tf.math.neg(tf.math.log(safeU))));
    Operand<TFloat32> t = tf.expandDims(temperature(), tf.constant(-1));
    return ProbabilityVectors.softmax(tf, tf.math.div(tf.math.add(logits(tf), gumbel), t));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    long k = numCategories();
    Operand<TBool> positive = tf.reduceAll(tf.math.greater(x, scalar(tf, 0)), tf.constant(-1));
    Operand<TBool> inside = tf.math.logicalAnd(positive, Dirichlet.onSimplex(tf, x));
    Operand<TFloat32> safeX = tf.select(tf.math.greater(x, scalar(tf, 0)), x, tf.onesLike(x));
    Operand<TFloat32> logY = tf.math.log(safeX);
    Operand<TFloat32> t = temperature();
    Operand<TFloat32> tE = tf.expandDims(t, tf.constant(-1));
    Operand<TFloat32> l = logits(tf);
    Operand<TFloat32> perClass = tf.reduceSum(tf.math.sub(l, tf.math.mul(tf.math.add(tE, scalar(tf, 1)), logY)),
        tf.constant(-1));
    Operand<TFloat32> lse = ProbabilityVectors.logSumExp(tf, tf.math.sub(l, tf.math.mul(tE, logY)), false);
    Operand<TFloat32> constant = tf.math.add(scalar(tf, logFactorial(k - 1)),
        tf.math.mul(scalar(tf, k - 1), tf.math.log(t)));
    Operand<TFloat32> lp = tf.math.sub(tf.math.add(constant, perClass), tf.math.mul(scalar(tf, k), lse));
    return SpecialFunctions.orMinusInfinity(tf, inside, lp);
  }

  /** {@code temperature}'s shape broadcast with the probabilities' batch, then {@code [K]}. */
  @Override
  protected Operand<TInt32> dynamicBatchEventShape(Ops tf) {
    Operand<TFloat32> p = hasParam("probs") ? param("probs") : param("logits");
    Operand<TInt32> batch = tf.broadcastDynamicShape(tf.shape(temperature()), EventShapes.dropLast(tf, tf.shape(p), 1));
    return tf.concat(java.util.List.of(batch, tf.constant(new int[] {(int) numCategories()})), tf.constant(0));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  private static double logFactorial(long n) {
    double s = 0;
    for (long i = 2; i <= n; i++) {
      s += Math.log(i);
    }
    return s;
  }

  /** The logits, or {@code log probs} (-inf for a probability of 0). */
  private Operand<TFloat32> logits(Ops tf) {
    return hasParam("logits") ? param("logits") : ProbabilityVectors.safeLog(tf, param("probs"));
  }

  /** Builds a {@link RelaxedOneHotCategorical}: {@code temperature} and exactly one of {@code probs} and {@code logits}. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, RelaxedOneHotCategorical, Builder> {

    private static final Map<String, Constraint> PARAMETERS = parameters();

    private Builder(VariableScope scope) {
      super(scope, "RelaxedOneHotCategorical", TFloat32.class);
    }

    private static Map<String, Constraint> parameters() {
      Map<String, Constraint> m = new LinkedHashMap<>();
      m.put("temperature", Constraint.POSITIVE);
      m.put("probs", Constraint.UNIT_INTERVAL);
      m.put("logits", Constraint.REAL);
      return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The temperature, a float32 tensor of positive values of the batch shape.
     *
     * @param temperature a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder temperature(Operand<TFloat32> temperature) {
      return parameter("temperature", temperature);
    }

    /**
     * The temperature, positive and finite.
     *
     * @param temperature {@code t > 0}; small values approach one-hot draws
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder temperature(double temperature) {
      return parameter("temperature", temperature);
    }

    /**
     * Class probabilities over the last axis, summing to 1.
     *
     * @param probs values in [0, 1]: a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant
     *     outside [0, 1]
     */
    public Builder probs(Operand<TFloat32> probs) {
      return parameter("probs", probs);
    }

    /**
     * Class probabilities in [0, 1] summing to 1.
     *
     * @param probs one per class; not null
     * @return this builder
     * @throws IllegalArgumentException if a value is outside [0, 1] or they do not sum to 1
     */
    public Builder probs(float[] probs) {
      parameter("probs", probs, probs == null ? 0 : probs.length);
      ProbabilityVectors.checkSumsToOne("probs", probs, probs.length);
      return this;
    }

    /**
     * Unnormalized log-probabilities over the last axis.
     *
     * @param logits finite: a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder logits(Operand<TFloat32> logits) {
      return parameter("logits", logits);
    }

    /**
     * Unnormalized log-probabilities, finite values.
     *
     * @param logits one per class; not null
     * @return this builder
     * @throws IllegalArgumentException if a value is not finite
     */
    public Builder logits(float[] logits) {
      return parameter("logits", logits, logits == null ? 0 : logits.length);
    }

    /** {@code temperature} and exactly one of {@code probs} and {@code logits}. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      if (!given.contains("temperature")) {
        throw new IllegalArgumentException("`temperature` must be given for RelaxedOneHotCategorical");
      }
      checkExactlyOne(given, "probs", "logits");
    }

    /** The probabilities' last axis is the event; {@code temperature} is batch-only. */
    @Override
    protected BatchEvent shapesOf(Map<String, Shape> shapes) {
      String p = shapes.containsKey("probs") ? "probs" : "logits";
      BatchEvent be = EventShapes.lastAxisEvent(shapes, p);
      if (p.equals("probs")) {
        ProbabilityVectors.checkSumsToOne("probs", knownValues("probs"), be.event().size(0));
      }
      return be;
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected RelaxedOneHotCategorical create(Parts<TFloat32> parts) {
      return new RelaxedOneHotCategorical(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
