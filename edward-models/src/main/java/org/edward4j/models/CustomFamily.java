package org.edward4j.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.edward4j.core.VariableScope;
import org.edward4j.models.RandomVariableBuilder.Constraint;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Edward's {@code RandomVariable} extension point: a new float32 family defined by its parameters,
 * a log density and a sampler, without writing a subclass. Variables of the family ({@link
 * CustomRandomVariable}) get everything the built-in families have from the base: checked
 * parameters, names, sample shapes, observed values, stateless draws keyed by the context's random
 * step (so resume stays exact), {@code withParameters} for graph copies. Moments and entropy exist
 * only if given ({@link Definition#mean}); cdf and mode throw.
 *
 * <pre>{@code
 * CustomFamily laplace = CustomFamily.named("MyLaplace")
 *     .parameter("loc", Constraint.REAL)
 *     .parameter("scale", Constraint.POSITIVE)
 *     .logDensity((tf, x, p) -> tf.math.sub(
 *         tf.math.neg(tf.math.abs(tf.math.div(tf.math.sub(x, p.get("loc")), p.get("scale")))),
 *         tf.math.log(tf.math.mul(tf.constant(2f), p.get("scale")))))
 *     .sampler(d -> {
 *       Operand<TFloat32> u = d.tf().math.sub(d.uniform(), d.tf().constant(0.5f));  // U(-1/2, 1/2)
 *       Operand<TFloat32> e = d.tf().math.log1p(d.tf().math.mul(d.tf().constant(-2f), d.tf().math.abs(u)));
 *       return d.tf().math.sub(d.param("loc"), d.tf().math.mul(d.tf().math.mul(d.param("scale"), d.tf().math.sign(u)), e));
 *     })
 *     .reparameterized(true)
 *     .define();
 * CustomRandomVariable x = laplace.builder(scope).set("loc", 0.0).set("scale", 2.0).sampleShape(100).build();
 * }</pre>
 *
 * @param name the family's name (the variables' default name)
 * @param constraints the parameter names, in order, with their constraints
 * @param logDensity {@code log p(x)} per batch element, summed over nothing (the event is scalar)
 * @param sampler draws of shape {@code sample + batch}
 * @param reparameterized whether draws are differentiable in the parameters
 * @param mean the mean, or null when unknown
 */
public record CustomFamily(String name, Map<String, Constraint> constraints, LogDensity logDensity, Sampler sampler,
    boolean reparameterized, Moment mean) {

  /** {@code log p(x)} over float32 {@code x} that broadcasts against the batch shape. */
  @FunctionalInterface
  public interface LogDensity {
    /**
     * Builds the log density.
     *
     * @param tf ops under the variable's {@code log_prob} scope
     * @param x float32 values
     * @param params the parameters by name
     * @return the log density, of the broadcast shape
     */
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Map<String, Operand<TFloat32>> params);
  }

  /** A sampler over a {@link Draws} context. */
  @FunctionalInterface
  public interface Sampler {
    /**
     * Builds {@code sample + batch} draws.
     *
     * @param draws the ops, the shape, the parameters and standard stateless draws
     * @return float32 draws of shape {@code draws.shape()}
     */
    Operand<TFloat32> sample(Draws draws);
  }

  /** A moment from the parameters. */
  @FunctionalInterface
  public interface Moment {
    /**
     * Builds the moment.
     *
     * @param tf ops under the moment's scope
     * @param params the parameters by name
     * @return a tensor broadcasting to the batch shape
     */
    Operand<TFloat32> apply(Ops tf, Map<String, Operand<TFloat32>> params);
  }

  /**
   * What a sampler draws with: each {@code normal()}, {@code uniform()} or {@code gamma()} call is a
   * new stateless random op with its own seed, keyed by the context's random step.
   *
   * @param tf ops under the variable's {@code sample} scope
   * @param shape {@code sample + batch} as an int32 vector
   * @param params the parameters by name
   * @param seeds gives the seed tensor of the next random op
   */
  public record Draws(Ops tf, Operand<TInt32> shape, Map<String, Operand<TFloat32>> params,
      Supplier<Operand<TInt64>> seeds) {

    /**
     * A parameter by name.
     *
     * @param name one of the family's parameter names
     * @return its tensor
     * @throws IllegalArgumentException for an unknown name
     */
    public Operand<TFloat32> param(String name) {
      Operand<TFloat32> p = params.get(name);
      if (p == null) {
        throw new IllegalArgumentException("`name` must be one of " + params.keySet() + ", got " + name);
      }
      return p;
    }

    /**
     * Standard normal draws of {@link #shape()}.
     *
     * @return float32 draws
     */
    public Operand<TFloat32> normal() {
      return StandardDraws.normal(tf, shape, seeds.get());
    }

    /**
     * Uniform draws on {@code [0, 1)} of {@link #shape()}.
     *
     * @return float32 draws
     */
    public Operand<TFloat32> uniform() {
      return StandardDraws.uniform(tf, shape, seeds.get());
    }

    /**
     * {@code Gamma(alpha, 1)} draws of {@link #shape()}, differentiable in {@code alpha}.
     *
     * @param alpha concentrations broadcasting to the trailing (batch) part of the shape
     * @return float32 draws
     */
    public Operand<TFloat32> gamma(Operand<TFloat32> alpha) {
      Operand<TFloat32> broadcast = tf.math.add(alpha, tf.zeros(shape, TFloat32.class));
      return StandardDraws.gamma(tf, shape, broadcast, seeds.get());
    }
  }

  /**
   * Starts a definition.
   *
   * @param name the family's name: letters, digits, {@code . _ -}
   * @return a definition to add parameters, density and sampler to
   */
  public static Definition named(String name) {
    return new Definition(name);
  }

  /**
   * A builder of a variable of this family.
   *
   * @param scope where to build it, named after the family
   * @return a builder; every parameter must be set
   */
  public CustomRandomVariable.Builder builder(VariableScope scope) {
    return new CustomRandomVariable.Builder(scope, this);
  }

  /** Collects a {@link CustomFamily}'s parts; {@link #define()} checks them. */
  public static final class Definition {
    private final String name;
    private final Map<String, Constraint> constraints = new LinkedHashMap<>();
    private LogDensity logDensity;
    private Sampler sampler;
    private boolean reparameterized;
    private Moment mean;

    private Definition(String name) {
      if (name == null || !name.matches("[A-Za-z0-9.][A-Za-z0-9_.\\-]*")) {
        throw new IllegalArgumentException("`name` must match [A-Za-z0-9.][A-Za-z0-9_.\\-]*, got " + name);
      }
      this.name = name;
    }

    /**
     * Adds a parameter, in order.
     *
     * @param parameterName a new name
     * @param constraint what its values may be
     * @return this definition
     * @throws IllegalArgumentException for a null or repeated name or a null constraint
     */
    public Definition parameter(String parameterName, Constraint constraint) {
      if (parameterName == null || constraint == null || constraints.containsKey(parameterName)) {
        throw new IllegalArgumentException("`parameterName` must be new and `constraint` given, got " + parameterName
            + " and " + constraint);
      }
      constraints.put(parameterName, constraint);
      return this;
    }

    /**
     * The log density.
     *
     * @param logDensity not null
     * @return this definition
     */
    public Definition logDensity(LogDensity logDensity) {
      this.logDensity = logDensity;
      return this;
    }

    /**
     * The sampler.
     *
     * @param sampler not null
     * @return this definition
     */
    public Definition sampler(Sampler sampler) {
      this.sampler = sampler;
      return this;
    }

    /**
     * Whether draws are differentiable in the parameters (default false).
     *
     * @param reparameterized what {@code isReparameterized()} answers
     * @return this definition
     */
    public Definition reparameterized(boolean reparameterized) {
      this.reparameterized = reparameterized;
      return this;
    }

    /**
     * The mean, if known in closed form.
     *
     * @param mean a function of the parameters
     * @return this definition
     */
    public Definition mean(Moment mean) {
      this.mean = mean;
      return this;
    }

    /**
     * Checks and freezes the definition.
     *
     * @return the family
     * @throws IllegalArgumentException without parameters, log density or sampler
     */
    public CustomFamily define() {
      if (constraints.isEmpty()) {
        throw new IllegalArgumentException("`parameter` must be called at least once for " + name);
      }
      if (logDensity == null || sampler == null) {
        throw new IllegalArgumentException("`logDensity` and `sampler` must be given for " + name);
      }
      return new CustomFamily(name, Collections.unmodifiableMap(new LinkedHashMap<>(constraints)), logDensity, sampler,
          reparameterized, mean);
    }
  }
}
