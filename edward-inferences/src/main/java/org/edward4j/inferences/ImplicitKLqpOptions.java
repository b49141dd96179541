package org.edward4j.inferences;

import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;

/**
 * The options of {@link ImplicitKLqp}, Edward's {@code ImplicitKLqp.initialize(ratio_loss='log',
 * optimizer, optimizer_d, global_step, global_step_d, var_list, scale)}: the GAN family's options
 * (the variational side's optimizer is the generator's, the ratio estimator's the
 * discriminator's), the ratio loss and {@code scale}.
 *
 * <pre>{@code
 * ImplicitKLqpOptions options = ImplicitKLqpOptions.builder().nIter(200).nPrint(0)
 *     .ratioLoss(RatioLoss.parse("hinge")).build();
 * }</pre>
 *
 * @param adversarial the optimizers, {@code varList} and run options
 * @param ratioLoss the ratio estimator's loss
 * @param scale at most one entry: a weight on the estimated log ratio (e.g. {@code N / M} for
 *     minibatches of M of N data points)
 */
public record ImplicitKLqpOptions(GanOptions adversarial, RatioLoss ratioLoss, Map<Operand<?>, Object> scale)
    implements InferenceOptions {

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for more than one {@code scale} entry or a bad weight
   */
  public ImplicitKLqpOptions {
    Objects.requireNonNull(adversarial, "adversarial");
    Objects.requireNonNull(ratioLoss, "ratioLoss");
    scale = VariationalOptions.checkedScale(scale);
    if (scale.size() > 1) {
      throw new IllegalArgumentException("`scale` must have at most one entry for ImplicitKLqp (Edward's per-key "
          + "ratio outputs are not supported), got " + scale.size());
    }
  }

  @Override
  public RunOptions run() {
    return adversarial.run();
  }

  /**
   * Edward's defaults: log loss, no scale.
   *
   * @return the defaults
   */
  public static ImplicitKLqpOptions defaults() {
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

  /** Builds {@link ImplicitKLqpOptions}. */
  public static final class Builder extends GanOptions.AbstractBuilder<Builder> {
    private RatioLoss ratioLoss = RatioLoss.LOG;
    private Map<Operand<?>, Object> scale = Map.of();

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The ratio estimator's loss; default {@link RatioLoss#LOG}.
     *
     * @param ratioLoss the loss
     * @return this
     */
    public Builder ratioLoss(RatioLoss ratioLoss) {
      this.ratioLoss = Objects.requireNonNull(ratioLoss, "ratioLoss");
      return this;
    }

    /**
     * Edward's {@code scale}: at most one entry, whose weight multiplies the estimated log ratio.
     *
     * @param scale random variable to a finite number or a broadcastable float32 tensor
     * @return this
     * @throws IllegalArgumentException for more than one entry or a bad weight
     */
    public Builder scale(Map<? extends Operand<?>, ?> scale) {
      Map<Operand<?>, Object> checked = VariationalOptions.checkedScale(scale);
      if (checked.size() > 1) {
        throw new IllegalArgumentException("`scale` must have at most one entry for ImplicitKLqp, got " + checked.size());
      }
      this.scale = checked;
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public ImplicitKLqpOptions build() {
      return new ImplicitKLqpOptions(ganOptions(), ratioLoss, scale);
    }
  }
}
