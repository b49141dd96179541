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
import org.tensorflow.types.family.TNumber;

/**
 * The negative binomial distribution: the number of successes, of probability {@code probs} (or
 * {@code sigmoid(logits)}), before {@code totalCount} failures, TensorFlow's {@code
 * NegativeBinomial(total_count, probs | logits)}; {@code totalCount > 0} need not be whole.
 *
 * <p>{@code log p(k) = lgamma(k + r) - lgamma(k + 1) - lgamma(r) + k log p + r log(1 - p)} for
 * {@code k = 0, 1, ...}; {@code -inf} below 0. Draws are Poisson with a gamma rate, {@code
 * Poisson(Gamma(r, 1) p / (1 - p))}, both stateless ops keyed by the context's random step. Values
 * are float32 by default; {@code dtype(TInt32.class)} gives integers. Not reparameterized.
 * Closed-form cdf ({@code I_{1-p}(r, k + 1)}), mean {@code r p / (1 - p)}, variance {@code r p / (1
 * - p)^2} and mode {@code floor((r - 1) p / (1 - p))} (0 for {@code r <= 1}); no closed-form
 * entropy or KL.
 *
 * <pre>{@code
 * NegativeBinomial<TFloat32> overdispersed = NegativeBinomial.of(scope, 3, 0.4);
 * Operand<TFloat32> mean = overdispersed.mean(); // 2
 * }</pre>
 *
 * @param <T> the value's element type: float32 (default), int32 or int64
 */
public final class NegativeBinomial<T extends TNumber> extends AbstractRandomVariable<T> {

  private NegativeBinomial(Parts<T> parts) {
    super(parts);
  }

  /**
   * A float32-valued negative binomial over graph tensors.
   *
   * @param scope where to build it, named {@code NegativeBinomial} made unique there
   * @param totalCount the number of failures {@code r}, positive
   * @param probs the success probability, in [0, 1)
   * @return the variable
   */
  public static NegativeBinomial<TFloat32> of(VariableScope scope, Operand<TFloat32> totalCount, Operand<TFloat32> probs) {
    return builder(scope).totalCount(totalCount).probs(probs).build();
  }

  /**
   * A scalar float32-valued negative binomial.
   *
   * @param scope where to build it
   * @param totalCount the number of failures {@code r}, positive and finite
   * @param probs the success probability, in [0, 1)
   * @return the variable
   */
  public static NegativeBinomial<TFloat32> of(VariableScope scope, double totalCount, double probs) {
    return builder(scope).totalCount(totalCount).probs(probs).build();
  }

  /**
   * A builder for value dtype, name, sample shape, observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new float32-valued builder; {@link Builder#dtype} changes the value type
   * @throws IllegalArgumentException if {@code scope} is null
   */
  public static Builder<TFloat32> builder(VariableScope scope) {
    return new Builder<>(scope, TFloat32.class);
  }

  /**
   * The number of failures {@code r}.
   *
   * @return the float32 tensor the variable was built with, of its own shape
   */
  public Operand<TFloat32> totalCount() {
    return param("totalCount");
  }

  /** Always false: counts are not differentiable in the parameters. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> r = broadcastToBatchEvent(tf, totalCount());
    Operand<TFloat32> g = StandardDraws.gamma(tf, drawShape(tf, sampleShape), r, nextSeedTensor(tf));
    Operand<TFloat32> rate = tf.math.mul(tf.stopGradient(g), tf.math.exp(logitsOf(tf)));
    return tf.random.statelessRandomPoisson(drawShape(tf, sampleShape), nextSeedTensor(tf), rate, dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> r = totalCount();
    Operand<TBool> inside = tf.math.greaterEqual(x, scalar(tf, 0));
    Operand<TFloat32> safeK = tf.math.maximum(x, tf.zerosLike(x));
    Operand<TFloat32> coefficient = tf.math.sub(tf.math.lgamma(tf.math.add(safeK, r)),
        tf.math.add(tf.math.lgamma(tf.math.add(safeK, scalar(tf, 1))), tf.math.lgamma(r)));
    Operand<TFloat32> kernel;
    if (hasParam("logits")) {
      Operand<TFloat32> l = param("logits");
      kernel = tf.math.neg(tf.math.add(tf.math.mul(safeK, tf.math.softplus(tf.math.neg(l))),
          tf.math.mul(r, tf.math.softplus(l))));
    } else {
      Operand<TFloat32> p = param("probs");
      kernel = tf.math.add(SpecialFunctions.xLogY(tf, safeK, p), tf.math.mul(r, tf.math.log1p(tf.math.neg(p))));
    }
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.add(coefficient, kernel));
  }

  /** {@code P(X <= k) = I_{1-p}(r, floor(k) + 1)}, 0 below 0. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> k = tf.math.floor(x);
    Operand<TFloat32> safeK = tf.math.maximum(k, tf.zerosLike(k));
    Operand<TFloat32> r = tf.math.add(totalCount(), tf.zerosLike(k));
    Operand<TFloat32> q = tf.math.add(tf.math.sub(scalar(tf, 1), probsOf(tf)), tf.zerosLike(k));
    Operand<TFloat32> inc = tf.math.betainc(r, tf.math.add(safeK, scalar(tf, 1)), q);
    return tf.select(tf.math.less(k, scalar(tf, 0)), tf.zerosLike(inc), inc);
  }

  /** {@code r p / (1 - p) = r exp(logits)}. */
  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.math.mul(totalCount(), tf.math.exp(logitsOf(tf))));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  /** {@code r p / (1 - p)^2}. */
  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> q = tf.math.sub(scalar(tf, 1), probsOf(tf));
    return broadcastToBatchEvent(tf, tf.math.div(tf.math.mul(totalCount(), tf.math.exp(logitsOf(tf))), q));
  }

  /** {@code floor((r - 1) p / (1 - p))} for {@code r > 1}, else 0. */
  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    Operand<TFloat32> rm1 = tf.math.sub(totalCount(), scalar(tf, 1));
    Operand<TFloat32> m = tf.math.floor(tf.math.mul(rm1, tf.math.exp(logitsOf(tf))));
    return broadcastToBatchEvent(tf, tf.math.maximum(m, tf.zerosLike(m)));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, dtype());
  }

  private Operand<TFloat32> probsOf(Ops tf) {
    return hasParam("probs") ? param("probs") : tf.math.sigmoid(param("logits"));
  }

  private Operand<TFloat32> logitsOf(Ops tf) {
    if (hasParam("logits")) {
      return param("logits");
    }
    Operand<TFloat32> p = param("probs");
    return tf.math.sub(tf.math.log(p), tf.math.log1p(tf.math.neg(p)));
  }

  /**
   * Builds a {@link NegativeBinomial}: {@code totalCount} and exactly one of {@code probs} and
   * {@code logits} are required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber>
      extends RandomVariableBuilder<T, NegativeBinomial<T>, Builder<T>> {

    private static final Map<String, Constraint> PARAMETERS = parameters();

    private Builder(VariableScope scope, Class<T> dtype) {
      super(scope, "NegativeBinomial", checkDiscreteDtype(dtype));
    }

    private static Map<String, Constraint> parameters() {
      Map<String, Constraint> m = new LinkedHashMap<>();
      m.put("totalCount", Constraint.POSITIVE);
      m.put("probs", Constraint.UNIT_INTERVAL);
      m.put("logits", Constraint.REAL);
      return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The number of failures {@code r}, a float32 tensor of positive values.
     *
     * @param totalCount a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not positive and finite
     */
    public Builder<T> totalCount(Operand<TFloat32> totalCount) {
      return parameter("totalCount", totalCount);
    }

    /**
     * The number of failures {@code r}, positive and finite (not necessarily whole).
     *
     * @param totalCount {@code r}
     * @return this builder
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public Builder<T> totalCount(double totalCount) {
      return parameter("totalCount", totalCount);
    }

    /**
     * The success probability, a float32 tensor of values in [0, 1).
     *
     * @param probs a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant
     *     outside [0, 1]
     */
    public Builder<T> probs(Operand<TFloat32> probs) {
      return parameter("probs", probs);
    }

    /**
     * The success probability, in [0, 1).
     *
     * @param probs the probability of a success; 1 would never stop
     * @return this builder
     * @throws IllegalArgumentException if it is outside [0, 1)
     */
    public Builder<T> probs(double probs) {
      return parameter("probs", probs);
    }

    /**
     * The log-odds of a success, a float32 tensor.
     *
     * @param logits a float32 tensor of this context's graph
     * @return this builder
     * @throws IllegalArgumentException for another dtype or graph, unknown rank, or a constant that
     *     is not finite
     */
    public Builder<T> logits(Operand<TFloat32> logits) {
      return parameter("logits", logits);
    }

    /**
     * The log-odds of a success, finite.
     *
     * @param logits {@code log(p / (1 - p))}
     * @return this builder
     * @throws IllegalArgumentException if it is not finite
     */
    public Builder<T> logits(double logits) {
      return parameter("logits", logits);
    }

    /**
     * The value's element type; set it before {@link #value}.
     *
     * @param dtype {@code TFloat32.class} (default), {@code TInt32.class} or {@code TInt64.class}
     * @param <U> the new element type
     * @return a builder of that type with everything set so far
     */
    public <U extends TNumber> Builder<U> dtype(Class<U> dtype) {
      return copyInto(new Builder<>(scope(), dtype));
    }

    /** {@code totalCount} and exactly one of {@code probs} and {@code logits}; known {@code probs} below 1. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      if (!given.contains("totalCount")) {
        throw new IllegalArgumentException("`totalCount` must be given for NegativeBinomial");
      }
      checkExactlyOne(given, "probs", "logits");
      float[] p = knownValues("probs");
      if (p != null) {
        for (int i = 0; i < p.length; i++) {
          if (!(p[i] < 1)) {
            throw new IllegalArgumentException("`probs` must be in [0, 1) (1 never stops), got " + p[i]
                + (p.length > 1 ? " at flat index " + i : ""));
          }
        }
      }
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected NegativeBinomial<T> create(Parts<T> parts) {
      return new NegativeBinomial<>(parts);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
