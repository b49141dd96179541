package org.edward4j.models;

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
 * The geometric distribution: the number of failures before the first success in trials of
 * success probability {@code probs} (or {@code sigmoid(logits)}) in {@code (0, 1]}, TensorFlow's
 * {@code Geometric}.
 *
 * <p>{@code log p(k) = k log(1 - p) + log p} for {@code k = 0, 1, ...}; {@code -inf} below 0.
 * Draws are {@code floor(log U / log(1 - p))} from stateless uniform draws {@code U}. Values are
 * float32 by default; {@code dtype(TInt32.class)} gives integers. Not reparameterized. Closed-form
 * cdf {@code 1 - (1 - p)^(floor(k) + 1)}, mean {@code (1 - p) / p}, variance {@code (1 - p) / p^2},
 * mode 0 and entropy {@code (-(1 - p) log(1 - p) - p log p) / p}.
 *
 * <pre>{@code
 * Geometric<TFloat32> failures = Geometric.ofProbs(scope, 0.25);
 * Operand<TFloat32> mean = failures.mean(); // 3
 * }</pre>
 *
 * @param <T> the value's element type: float32 (default), int32 or int64
 */
public final class Geometric<T extends TNumber> extends AbstractRandomVariable<T> {

  private Geometric(Parts<T> parts) {
    super(parts);
  }

  /**
   * A float32-valued geometric variable over a graph tensor.
   *
   * @param scope where to build it, named {@code Geometric} made unique there
   * @param probs the success probability, in (0, 1]
   * @return the variable
   */
  public static Geometric<TFloat32> ofProbs(VariableScope scope, Operand<TFloat32> probs) {
    return builder(scope).probs(probs).build();
  }

  /**
   * A scalar float32-valued geometric variable.
   *
   * @param scope where to build it
   * @param probs the success probability, in (0, 1]
   * @return the variable
   */
  public static Geometric<TFloat32> ofProbs(VariableScope scope, double probs) {
    return builder(scope).probs(probs).build();
  }

  /**
   * A scalar float32-valued geometric variable with success log-odds {@code logits}.
   *
   * @param scope where to build it
   * @param logits {@code log(p / (1 - p))}, finite
   * @return the variable
   */
  public static Geometric<TFloat32> ofLogits(VariableScope scope, double logits) {
    return builder(scope).logits(logits).build();
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
   * The success probability: the {@code probs} parameter, or {@code sigmoid(logits)} built now.
   *
   * @return a float32 tensor of the parameter's shape
   */
  public Operand<TFloat32> probs() {
    return hasParam("probs") ? param("probs") : ops().withSubScope("probs").math.sigmoid(param("logits"));
  }

  /** Always false: counts are not differentiable in the parameters. */
  @Override
  public boolean isReparameterized() {
    return false;
  }

  @Override
  protected Operand<T> sampleOf(Ops tf, Shape sampleShape) {
    Operand<TFloat32> u = StandardDraws.uniform(tf, drawShape(tf, sampleShape), nextSeedTensor(tf));
    Operand<TFloat32> safeU = tf.math.maximum(u, scalar(tf, Float.MIN_NORMAL));
    Operand<TFloat32> k = tf.math.floor(tf.math.div(tf.math.log(safeU), logOneMinusP(tf)));
    // p = 1 gives log U / -inf = 0 (always a success at once), as it should.
    return tf.dtypes.cast(k, dtype());
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> inside = tf.math.greaterEqual(x, scalar(tf, 0));
    Operand<TFloat32> safeK = tf.math.maximum(x, tf.zerosLike(x));
    Operand<TFloat32> failures = hasParam("logits")
        ? tf.math.neg(tf.math.mul(safeK, tf.math.softplus(param("logits"))))
        : SpecialFunctions.xLog1pY(tf, safeK, tf.math.neg(param("probs")));
    return SpecialFunctions.orMinusInfinity(tf, inside, tf.math.add(failures, logP(tf)));
  }

  /** {@code 1 - (1 - p)^(floor(k) + 1)}, 0 below 0. */
  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> k = tf.math.floor(x);
    Operand<TFloat32> safeK = tf.math.maximum(k, tf.zerosLike(k));
    Operand<TFloat32> tail = tf.math.mul(tf.math.add(safeK, scalar(tf, 1)), logOneMinusP(tf));
    Operand<TFloat32> cdf = tf.math.neg(tf.math.expm1(tail));
    return tf.select(tf.math.less(k, scalar(tf, 0)), tf.zerosLike(cdf), cdf);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    Operand<TFloat32> p = probsOf(tf);
    return broadcastToBatchEvent(tf, tf.math.div(tf.math.sub(scalar(tf, 1), p), p));
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.math.sqrt(varianceOf(tf));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    Operand<TFloat32> p = probsOf(tf);
    return broadcastToBatchEvent(tf, tf.math.div(tf.math.sub(scalar(tf, 1), p), tf.math.square(p)));
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return broadcastToBatchEvent(tf, tf.zerosLike(probsOf(tf)));
  }

  /** {@code (-(1 - p) log(1 - p) - p log p) / p}. */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    Operand<TFloat32> p = probsOf(tf);
    Operand<TFloat32> q = tf.math.sub(scalar(tf, 1), p);
    Operand<TFloat32> h = tf.math.neg(tf.math.add(SpecialFunctions.xLog1pY(tf, q, tf.math.neg(p)), tf.math.mul(p, logP(tf))));
    return broadcastToBatchEvent(tf, tf.math.div(h, p));
  }

  @Override
  protected Builder<T> newBuilder(VariableScope scope) {
    return new Builder<>(scope, dtype());
  }

  private Operand<TFloat32> probsOf(Ops tf) {
    return hasParam("probs") ? param("probs") : tf.math.sigmoid(param("logits"));
  }

  private Operand<TFloat32> logP(Ops tf) {
    return hasParam("logits") ? SpecialFunctions.logSigmoid(tf, param("logits")) : tf.math.log(param("probs"));
  }

  private Operand<TFloat32> logOneMinusP(Ops tf) {
    return hasParam("logits") ? tf.math.neg(tf.math.softplus(param("logits"))) : tf.math.log1p(tf.math.neg(param("probs")));
  }

  /**
   * Builds a {@link Geometric}: exactly one of {@code probs} and {@code logits} is required.
   *
   * @param <T> the value's element type
   */
  public static final class Builder<T extends TNumber> extends RandomVariableBuilder<T, Geometric<T>, Builder<T>> {

    private static final Map<String, Constraint> PARAMETERS =
        constraints("probs", Constraint.UNIT_INTERVAL, "logits", Constraint.REAL);

    private Builder(VariableScope scope, Class<T> dtype) {
      super(scope, "Geometric", checkDiscreteDtype(dtype));
    }

    /**
     * The success probability, a float32 tensor of values in (0, 1].
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
     * The success probability, in (0, 1].
     *
     * @param probs the probability of a success; 0 would never stop
     * @return this builder
     * @throws IllegalArgumentException if it is outside (0, 1]
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

    /** Exactly one of {@code probs} and {@code logits}; known {@code probs} must be above 0. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      checkExactlyOne(given, "probs", "logits");
      float[] p = knownValues("probs");
      if (p != null) {
        for (int i = 0; i < p.length; i++) {
          if (!(p[i] > 0)) {
            throw new IllegalArgumentException("`probs` must be in (0, 1] (0 never succeeds), got " + p[i]
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
    protected Geometric<T> create(Parts<T> parts) {
      return new Geometric<>(parts);
    }

    @Override
    protected Builder<T> self() {
      return this;
    }
  }
}
