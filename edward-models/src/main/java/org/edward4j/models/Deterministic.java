package org.edward4j.models;

import java.util.Collections;
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

/**
 * The point mass at {@code loc} with a scalar event (TensorFlow's {@code Deterministic}; {@link
 * PointMass} is Edward's version for inference, with the whole parameter as one event).
 *
 * <p>{@code log p(x) = 0} where {@code |x - loc| <= atol + rtol |loc|}, {@code -inf} elsewhere;
 * {@code cdf = 1} from {@code loc - atol - rtol |loc|} on. Draws are {@code loc} itself, so gradients
 * flow to {@code loc} through them ({@link #isReparameterized()} is true, as for {@link PointMass}).
 * Mean and mode {@code loc}; variance, standard deviation and entropy 0. The tolerances default to
 * 0.
 *
 * <pre>{@code
 * Deterministic d = Deterministic.builder(scope).loc(2.0).atol(1e-3).build();
 * Operand<TFloat32> lp = d.logProb(tf.constant(2.0005f)); // 0
 * }</pre>
 */
public final class Deterministic extends AbstractRandomVariable<TFloat32> {

  private Deterministic(Parts<TFloat32> parts) {
    super(parts);
  }

  /**
   * A deterministic variable at a graph tensor, with zero tolerances.
   *
   * @param scope where to build it, named {@code Deterministic} made unique there
   * @param loc the point
   * @return the variable
   */
  public static Deterministic of(VariableScope scope, Operand<TFloat32> loc) {
    return builder(scope).loc(loc).build();
  }

  /**
   * A scalar deterministic variable, with zero tolerances.
   *
   * @param scope where to build it
   * @param loc the point, finite
   * @return the variable
   */
  public static Deterministic of(VariableScope scope, double loc) {
    return builder(scope).loc(loc).build();
  }

  /**
   * A builder for tolerances, name, sample shape or observed value.
   *
   * @param scope where to build the variable; a scope of an open context
   * @return a new builder with {@code atol = rtol = 0}
   */
  public static Builder builder(VariableScope scope) {
    return new Builder(scope);
  }

  /**
   * The point.
   *
   * @return the float32 tensor the variable was built with, not broadcast
   */
  public Operand<TFloat32> loc() {
    return param("loc");
  }

  /**
   * The absolute tolerance of {@code logProb}.
   *
   * @return a float32 tensor, 0 unless set
   */
  public Operand<TFloat32> atol() {
    return param("atol");
  }

  /**
   * The tolerance relative to {@code |loc|}.
   *
   * @return a float32 tensor, 0 unless set
   */
  public Operand<TFloat32> rtol() {
    return param("rtol");
  }

  /** Always true: draws are {@code loc}. */
  @Override
  public boolean isReparameterized() {
    return true;
  }

  @Override
  protected Operand<TFloat32> sampleOf(Ops tf, Shape sampleShape) {
    return tf.math.add(loc(), tf.zeros(drawShape(tf, sampleShape), TFloat32.class));
  }

  @Override
  protected Operand<TFloat32> logProbOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> close = tf.math.lessEqual(tf.math.abs(tf.math.sub(x, loc())), tolerance(tf));
    return SpecialFunctions.orMinusInfinity(tf, close, scalar(tf, 0));
  }

  @Override
  protected Operand<TFloat32> cdfOf(Ops tf, Operand<TFloat32> x) {
    Operand<TBool> reached = tf.math.greaterEqual(x, tf.math.sub(loc(), tolerance(tf)));
    return DistributionMath.where(tf, reached, scalar(tf, 1), scalar(tf, 0));
  }

  @Override
  protected Operand<TFloat32> modeOf(Ops tf) {
    return meanOf(tf);
  }

  @Override
  protected Operand<TFloat32> meanOf(Ops tf) {
    return broadcastToBatchEvent(tf, loc());
  }

  @Override
  protected Operand<TFloat32> stddevOf(Ops tf) {
    return tf.zerosLike(meanOf(tf));
  }

  @Override
  protected Operand<TFloat32> varianceOf(Ops tf) {
    return tf.zerosLike(meanOf(tf));
  }

  /** 0, as TensorFlow's (the differential entropy of a point mass is not defined). */
  @Override
  protected Operand<TFloat32> entropyOf(Ops tf) {
    return tf.zerosLike(meanOf(tf));
  }

  @Override
  protected Builder newBuilder(VariableScope scope) {
    return builder(scope);
  }

  private Operand<TFloat32> tolerance(Ops tf) {
    return tf.math.add(atol(), tf.math.mul(rtol(), tf.math.abs(loc())));
  }

  /** Builds a {@link Deterministic}: {@code loc} is required, {@code atol} and {@code rtol} default to 0. */
  public static final class Builder extends RandomVariableBuilder<TFloat32, Deterministic, Builder> {

    private static final Map<String, Constraint> PARAMETERS;

    static {
      Map<String, Constraint> m = new LinkedHashMap<>(constraints("loc", Constraint.REAL, "atol", Constraint.REAL));
      m.put("rtol", Constraint.REAL);
      PARAMETERS = Collections.unmodifiableMap(m);
    }

    private Builder(VariableScope scope) {
      super(scope, "Deterministic", TFloat32.class);
      atol(0.0);
      rtol(0.0);
    }

    /**
     * The point, a float32 tensor of this context's graph of known rank.
     *
     * @param loc finite values (checked at once for a small {@code Const})
     * @return this builder
     */
    public Builder loc(Operand<TFloat32> loc) {
      return parameter("loc", loc);
    }

    /**
     * The point, a finite number.
     *
     * @param loc the point
     * @return this builder
     */
    public Builder loc(double loc) {
      return parameter("loc", loc);
    }

    /**
     * The absolute tolerance as a float32 tensor; {@link #build} checks known values are {@code >= 0}.
     *
     * @param atol finite, non-negative values
     * @return this builder
     */
    public Builder atol(Operand<TFloat32> atol) {
      return parameter("atol", atol);
    }

    /**
     * The absolute tolerance.
     *
     * @param atol finite and non-negative
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     */
    public Builder atol(double atol) {
      return parameter("atol", checkNonNegative("atol", atol));
    }

    /**
     * The relative tolerance as a float32 tensor; {@link #build} checks known values are {@code >= 0}.
     *
     * @param rtol finite, non-negative values
     * @return this builder
     */
    public Builder rtol(Operand<TFloat32> rtol) {
      return parameter("rtol", rtol);
    }

    /**
     * The tolerance relative to {@code |loc|}.
     *
     * @param rtol finite and non-negative
     * @return this builder
     * @throws IllegalArgumentException if negative or not finite
     */
    public Builder rtol(double rtol) {
      return parameter("rtol", checkNonNegative("rtol", rtol));
    }

    /** Also checks that known tolerances are non-negative. */
    @Override
    protected void checkParameterSet(Set<String> given) {
      super.checkParameterSet(given);
      for (String name : new String[] {"atol", "rtol"}) {
        float[] v = knownValues(name);
        for (int i = 0; v != null && i < v.length; i++) {
          checkNonNegative(name, v[i]);
        }
      }
    }

    private static double checkNonNegative(String name, double v) {
      if (!(v >= 0)) {
        throw new IllegalArgumentException("`" + name + "` must be non-negative, got " + (float) v);
      }
      return v;
    }

    @Override
    protected Map<String, Constraint> parameterConstraints() {
      return PARAMETERS;
    }

    @Override
    protected Deterministic create(Parts<TFloat32> parts) {
      return new Deterministic(parts);
    }

    @Override
    protected Builder self() {
      return this;
    }
  }
}
