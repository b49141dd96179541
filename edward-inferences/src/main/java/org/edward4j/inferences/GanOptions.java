package org.edward4j.inferences;

import java.util.List;
import java.util.Objects;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.Optimizer;
import org.edward4j.core.optimizers.OptimizerName;
import org.tensorflow.types.TInt64;

/**
 * The options of {@link GANInference} and {@link BiGANInference}, Edward's {@code
 * GANInference.initialize(optimizer, optimizer_d, global_step, global_step_d, var_list)} plus the
 * run options.
 *
 * <pre>{@code
 * GanOptions options = GanOptions.builder().nIter(15000).nPrint(1000)
 *     .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build()).build();
 * }</pre>
 *
 * @param run the driver loop's options
 * @param generator the generator's (and BiGAN's encoder's) optimizer
 * @param discriminator the discriminator's optimizer
 * @param varList the generator's variables instead of Edward's default; empty for the default
 */
public record GanOptions(
    RunOptions run, OptimizerOptions generator, OptimizerOptions discriminator, List<Variable<?>> varList)
    implements InferenceOptions {

  /**
   * Checks and copies.
   *
   * @throws NullPointerException for a null part
   */
  public GanOptions {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(discriminator, "discriminator");
    varList = List.copyOf(Objects.requireNonNull(varList, "varList"));
  }

  /**
   * Edward's defaults.
   *
   * @return the defaults
   */
  public static GanOptions defaults() {
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

  /** Builds {@link GanOptions}. */
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
    public GanOptions build() {
      return ganOptions();
    }
  }

  /**
   * The GAN family's setters, inherited by the builders of families that extend it ({@link
   * WganOptions}).
   *
   * @param <B> the concrete builder
   */
  public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> extends RunOptions.AbstractBuilder<B> {
    private OptimizerOptions generator = OptimizerOptions.edwardDefault();
    private OptimizerOptions discriminator = OptimizerOptions.edwardDefault();
    private List<Variable<?>> varList = List.of();

    /** For subclasses. */
    protected AbstractBuilder() {}

    /**
     * The generator's optimizer.
     *
     * @param optimizer the optimizer
     * @return this
     */
    public B optimizer(Optimizer optimizer) {
      generator = generator.withOptimizer(optimizer);
      return self();
    }

    /**
     * The generator's optimizer by Edward's name, with Edward's learning rate: 0.01, or an
     * exponential decay from 0.1 when a global step is given.
     *
     * @param name the name; {@link OptimizerName#parse} reads Edward's strings
     * @return this
     */
    public B optimizer(OptimizerName name) {
      generator = generator.withName(name);
      return self();
    }

    /**
     * The discriminator's optimizer.
     *
     * @param optimizer the optimizer
     * @return this
     */
    public B optimizerD(Optimizer optimizer) {
      discriminator = discriminator.withOptimizer(optimizer);
      return self();
    }

    /**
     * The discriminator's optimizer by Edward's name.
     *
     * @param name the name; {@link OptimizerName#parse} reads Edward's strings
     * @return this
     */
    public B optimizerD(OptimizerName name) {
      discriminator = discriminator.withName(name);
      return self();
    }

    /**
     * A global step incremented after each generator update.
     *
     * @param globalStep an int64 scalar variable
     * @return this
     */
    public B globalStep(Variable<TInt64> globalStep) {
      generator = generator.withGlobalStep(globalStep);
      return self();
    }

    /**
     * A global step incremented after each discriminator update.
     *
     * @param globalStepD an int64 scalar variable
     * @return this
     */
    public B globalStepD(Variable<TInt64> globalStepD) {
      discriminator = discriminator.withGlobalStep(globalStepD);
      return self();
    }

    /**
     * The generator's variables instead of Edward's default (every trainable variable outside
     * {@code Disc}; BiGAN: those under {@code Gen}).
     *
     * @param varList at least one variable
     * @return this
     */
    public B varList(List<? extends Variable<?>> varList) {
      this.varList = VariationalOptions.nonEmpty(varList);
      return self();
    }

    /**
     * The GAN options set so far.
     *
     * @return the GAN part
     */
    protected final GanOptions ganOptions() {
      return new GanOptions(runOptions(), generator, discriminator, varList);
    }
  }
}
