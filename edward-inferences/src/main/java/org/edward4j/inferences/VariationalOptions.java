package org.edward4j.inferences;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.Optimizer;
import org.edward4j.core.optimizers.OptimizerName;
import org.tensorflow.Operand;
import org.tensorflow.types.TInt64;

/**
 * The options every variational inference takes, Edward's {@code
 * VariationalInference.initialize(optimizer, var_list, global_step)} plus {@code scale} and the run
 * options; {@link MAP}'s options. A variational family with options of its own ({@link
 * KLqpOptions}, {@link WakeSleepOptions}) composes this record and implements {@link
 * VariationalFamilyOptions}.
 *
 * <pre>{@code
 * VariationalOptions options = VariationalOptions.builder().nIter(500).optimizer(OptimizerName.parse("adam")).build();
 * }</pre>
 *
 * @param run the driver loop's options
 * @param optimizer the optimizer of the variational objective
 * @param varList the variables to train instead of Edward's default; empty for the default
 * @param scale per-variable weights on the log-density terms (e.g. {@code N / M} for minibatches):
 *     random variable to a finite number or a broadcastable float32 tensor
 * @param autoTransform Edward's {@code auto_transform}: whether a latent variable and an
 *     approximation of different continuous supports are both fitted on the unconstrained space
 *     (see {@link VariationalInference}); default {@code true}, as Edward
 */
public record VariationalOptions(
    RunOptions run, OptimizerOptions optimizer, List<Variable<?>> varList, Map<Operand<?>, Object> scale,
    boolean autoTransform)
    implements VariationalFamilyOptions {

  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException for a scale value that is neither a finite number nor a tensor
   */
  public VariationalOptions {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(optimizer, "optimizer");
    varList = List.copyOf(Objects.requireNonNull(varList, "varList"));
    scale = checkedScale(scale);
  }

  /**
   * The options with Edward's {@code auto_transform=True}.
   *
   * @param run the driver loop's options
   * @param optimizer the optimizer of the variational objective
   * @param varList the variables to train; empty for the default
   * @param scale per-variable weights on the log-density terms
   */
  public VariationalOptions(
      RunOptions run, OptimizerOptions optimizer, List<Variable<?>> varList, Map<Operand<?>, Object> scale) {
    this(run, optimizer, varList, scale, true);
  }

  @Override
  public VariationalOptions variational() {
    return this;
  }

  /**
   * Edward's defaults.
   *
   * @return the defaults
   */
  public static VariationalOptions defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VariationalOptions}. */
  public static final class Builder extends AbstractBuilder<Builder> {
    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public VariationalOptions build() {
      return variationalOptions();
    }
  }

  /**
   * The variational family's setters, inherited by each variational family's builder.
   *
   * @param <B> the concrete builder
   */
  public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> extends RunOptions.AbstractBuilder<B> {
    private OptimizerOptions optimizer = OptimizerOptions.edwardDefault();
    private List<Variable<?>> varList = List.of();
    private Map<Operand<?>, Object> scale = Map.of();
    private boolean autoTransform = true;

    /** For subclasses. */
    protected AbstractBuilder() {}

    /**
     * The optimizer of the variational objective.
     *
     * @param optimizer the optimizer
     * @return this
     */
    public B optimizer(Optimizer optimizer) {
      this.optimizer = this.optimizer.withOptimizer(optimizer);
      return self();
    }

    /**
     * The optimizer by Edward's name, with Edward's learning rate: 0.01, or an exponential decay
     * from 0.1 when a global step is given.
     *
     * @param name the name; {@link OptimizerName#parse} reads Edward's strings
     * @return this
     */
    public B optimizer(OptimizerName name) {
      this.optimizer = this.optimizer.withName(name);
      return self();
    }

    /**
     * A global step incremented after each update.
     *
     * @param globalStep an int64 scalar variable
     * @return this
     */
    public B globalStep(Variable<TInt64> globalStep) {
      this.optimizer = this.optimizer.withGlobalStep(globalStep);
      return self();
    }

    /**
     * The variables to train instead of Edward's default (every trainable variable the latent
     * variables, their approximations and the observed variables bound to data depend on).
     *
     * @param varList at least one variable
     * @return this
     */
    public B varList(List<? extends Variable<?>> varList) {
      this.varList = nonEmpty(varList);
      return self();
    }

    /**
     * Per-variable weights on the log-density terms, e.g. {@code N / M} for minibatches.
     *
     * @param scale random variable to a finite number or a broadcastable float32 tensor
     * @return this
     */
    public B scale(Map<? extends Operand<?>, ?> scale) {
      this.scale = checkedScale(scale);
      return self();
    }

    /**
     * Edward's {@code auto_transform}: whether a constrained latent variable (Gamma, Beta,
     * Dirichlet, ...) bound to an approximation of another continuous support (a Normal) is fitted
     * on the unconstrained space, both being mapped there by {@code Transform.transform}. Default
     * {@code true}; with {@code false} a Normal approximation of a Gamma latent draws negative
     * values, whose log density is {@code -inf} (Edward's {@code test_auto_transform_false}).
     *
     * @param autoTransform whether to transform
     * @return this
     */
    public B autoTransform(boolean autoTransform) {
      this.autoTransform = autoTransform;
      return self();
    }

    /**
     * The variational options set so far.
     *
     * @return the variational part
     */
    protected final VariationalOptions variationalOptions() {
      return new VariationalOptions(runOptions(), optimizer, varList, scale, autoTransform);
    }
  }

  static List<Variable<?>> nonEmpty(List<? extends Variable<?>> varList) {
    Objects.requireNonNull(varList, "varList");
    if (varList.isEmpty()) {
      throw new IllegalArgumentException("`varList` must name at least one variable");
    }
    return List.copyOf(varList);
  }

  /** Edward's {@code scale}: checked, copied, in the caller's order. */
  static Map<Operand<?>, Object> checkedScale(Map<? extends Operand<?>, ?> scale) {
    Objects.requireNonNull(scale, "scale");
    Map<Operand<?>, Object> copy = new LinkedHashMap<>();
    scale.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "scale key");
          if (!(v instanceof Number) && !(v instanceof Operand<?>)) {
            throw new IllegalArgumentException(
                "`scale` values must be numbers or float32 tensors, got " + (v == null ? "null" : v.getClass().getSimpleName()));
          }
          if (v instanceof Number n && !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("`scale` values must be finite, got " + n);
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }
}
