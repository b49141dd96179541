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
 * @param ratioLoss the ratio estimator's loss: {@link RatioLoss#LOG}, {@link RatioLoss#HINGE}, or the
 *     user's own point-wise {@link RatioLossFunction} (Edward's callable {@code ratio_loss})
 * @param scale weights on the estimated log ratio (e.g. {@code N / M} for minibatches of M of N data
 *     points): with at most one entry its weight multiplies the estimator's single output; with
 *     several, the estimator must be a {@link KeyedRatioEstimator} with an output per key, as
 *     Edward's per-key {@code scale}
 */
public record ImplicitKLqpOptions(GanOptions adversarial, RatioLossFunction ratioLoss, Map<Operand<?>, Object> scale)
    implements InferenceOptions {

  /**
   * Checks every value.
   *
   * @throws IllegalArgumentException for a bad weight
   */
  public ImplicitKLqpOptions {
    Objects.requireNonNull(adversarial, "adversarial");
    Objects.requireNonNull(ratioLoss, "ratioLoss");
    scale = VariationalOptions.checkedScale(scale);
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
    private RatioLossFunction ratioLoss = RatioLoss.LOG;
    private Map<Operand<?>, Object> scale = Map.of();

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The ratio estimator's loss; default {@link RatioLoss#LOG}. A {@link RatioLoss} or the user's
     * own point-wise function, Edward's callable {@code ratio_loss(psamples, qsamples)}.
     *
     * @param ratioLoss the loss
     * @return this
     */
    public Builder ratioLoss(RatioLossFunction ratioLoss) {
      this.ratioLoss = Objects.requireNonNull(ratioLoss, "ratioLoss");
      return this;
    }

    /**
     * Edward's {@code scale}: one entry weighs the estimator's single output; several entries weigh
     * the outputs of a {@link KeyedRatioEstimator} key by key.
     *
     * @param scale random variable to a finite number or a broadcastable float32 tensor
     * @return this
     * @throws IllegalArgumentException for a bad weight
     */
    public Builder scale(Map<? extends Operand<?>, ?> scale) {
      this.scale = VariationalOptions.checkedScale(scale);
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
