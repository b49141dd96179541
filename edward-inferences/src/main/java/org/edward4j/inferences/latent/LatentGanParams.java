package org.edward4j.inferences.latent;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;
import org.tensorflow.ndarray.Shape;

/**
 * The settings of a latent search, TF-GAN's {@code params} for {@code get_latent_gan_estimator}:
 * {@code batchSize}, {@code zShape} (without the batch), {@code learningRate}, {@code inputClip}
 * (codes stay in {@code [-inputClip, inputClip]}), {@code addSummaries} and the optimizer options;
 * and, beyond TF-GAN, the number of {@code restarts} from fresh random codes, of which each example
 * keeps its best.
 *
 * <pre>{@code
 * LatentGanParams params = LatentGanParams.builder()
 *     .batchSize(16).zShape(100).learningRate(0.05).inputClip(1.0)
 *     .optimizerOption("beta1", 0.5).restarts(3)
 *     .build();
 * }</pre>
 *
 * @param batchSize examples searched at once
 * @param zShape the code's shape without the batch dimension
 * @param learningRate the optimizer's learning rate at the first step of a search
 * @param inputClip the bound of each code component
 * @param addSummaries whether to write TF-GAN's {@code z_loss/loss} and {@code z_loss/z_grads}
 * @param optimizerOptions options for the {@link LatentOptimizer}, TF-GAN's {@code opt_kwargs}
 * @param restarts starts per search, the best kept per example; 1 is TF-GAN's behaviour
 * @param schedule the learning rate at each step of a search (0 at each start), fed to the
 *     optimizer step by step; {@code step -> learningRate} for a constant rate
 */
public record LatentGanParams(
    int batchSize,
    long[] zShape,
    double learningRate,
    double inputClip,
    boolean addSummaries,
    Map<String, Double> optimizerOptions,
    int restarts,
    LongToDoubleFunction schedule) {

  /**
   * Checks every setting before any graph is built.
   *
   * @param batchSize examples searched at once
   * @param zShape the code's shape without the batch dimension
   * @param learningRate the optimizer's learning rate
   * @param inputClip the bound of each code component
   * @param addSummaries whether to write TF-GAN's {@code z_loss/loss} and {@code z_loss/z_grads}
   * @param optimizerOptions options for the {@link LatentOptimizer}, TF-GAN's {@code opt_kwargs}
   * @param restarts starts per search, the best kept per example; 1 is TF-GAN's behaviour
   * @param schedule the learning rate at each step; its value at step 0 must be {@code learningRate}
   */
  public LatentGanParams {
    if (batchSize < 1) {
      throw new IllegalArgumentException("`batchSize` must be at least 1, got " + batchSize);
    }
    Objects.requireNonNull(zShape, "zShape");
    if (zShape.length == 0 || Arrays.stream(zShape).anyMatch(d -> d < 1)) {
      throw new IllegalArgumentException("`zShape` must list positive dimensions, got " + Arrays.toString(zShape));
    }
    zShape = zShape.clone();
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("`learningRate` must be positive and finite, got " + learningRate);
    }
    if (!(inputClip > 0) || !Double.isFinite(inputClip)) {
      throw new IllegalArgumentException("`inputClip` must be positive and finite, got " + inputClip);
    }
    optimizerOptions = Map.copyOf(new TreeMap<>(Objects.requireNonNull(optimizerOptions, "optimizerOptions")));
    if (restarts < 1) {
      throw new IllegalArgumentException("`restarts` must be at least 1, got " + restarts);
    }
    Objects.requireNonNull(schedule, "schedule");
    if (schedule.applyAsDouble(0) != learningRate) {
      throw new IllegalArgumentException("`schedule` must start at `learningRate` " + learningRate + ", got "
          + schedule.applyAsDouble(0) + " at step 0");
    }
  }

  /**
   * The learning rate at one step of a search, checked.
   *
   * @param step the step within the current start, from 0
   * @return the rate
   * @throws IllegalArgumentException if the schedule returns a rate that is not positive and finite
   */
  public double learningRateAt(long step) {
    double lr = schedule.applyAsDouble(step);
    if (!(lr > 0) || !Double.isFinite(lr)) {
      throw new IllegalArgumentException(
          "`learningRate` schedule must give a positive, finite rate, got " + lr + " at step " + step);
    }
    return lr;
  }

  /**
   * A builder with TF-GAN's test defaults where it has them: learning rate 0.1, clip 1, one start.
   *
   * @return a builder with TF-GAN's test defaults where it has them: learning rate 0.1, clip 1, one start
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The code's shape without the batch dimension (a copy).
   *
   * @return the code's shape without the batch dimension (a copy)
   */
  @Override
  public long[] zShape() {
    return zShape.clone();
  }

  /**
   * The shape of the code variable, {@code [batchSize, zShape...]}.
   *
   * @return the shape of the code variable, {@code [batchSize, zShape...]}
   */
  public Shape zVariableShape() {
    long[] dims = new long[zShape.length + 1];
    dims[0] = batchSize;
    System.arraycopy(zShape, 0, dims, 1, zShape.length);
    return Shape.of(dims);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatentGanParams p && batchSize == p.batchSize && Arrays.equals(zShape, p.zShape)
        && learningRate == p.learningRate && inputClip == p.inputClip && addSummaries == p.addSummaries
        && optimizerOptions.equals(p.optimizerOptions) && restarts == p.restarts && schedule.equals(p.schedule);
  }

  /** A constant learning rate, equal to another of the same rate. */
  private record ConstantRate(double rate) implements LongToDoubleFunction {
    @Override
    public double applyAsDouble(long step) {
      return rate;
    }
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        batchSize, Arrays.hashCode(zShape), learningRate, inputClip, addSummaries, optimizerOptions, restarts, schedule);
  }

  @Override
  public String toString() {
    return "LatentGanParams(batchSize=" + batchSize + ", zShape=" + Arrays.toString(zShape) + ", learningRate="
        + learningRate + ", inputClip=" + inputClip + ", addSummaries=" + addSummaries
        + (optimizerOptions.isEmpty() ? "" : ", optimizerOptions=" + new TreeMap<>(optimizerOptions))
        + ", restarts=" + restarts + (schedule instanceof ConstantRate ? "" : ", learningRate schedule") + ")";
  }

  /** Settings for {@link LatentGanParams}; {@code batchSize} and {@code zShape} are required. */
  public static final class Builder {
    private int batchSize;
    private long[] zShape;
    private double learningRate = 0.1;
    private double inputClip = 1.0;
    private boolean addSummaries;
    private final Map<String, Double> optimizerOptions = new TreeMap<>();
    private int restarts = 1;
    private LongToDoubleFunction schedule;

    private Builder() {}

    /**
     * Examples searched at once (required).
     *
     * @param batchSize examples searched at once (required)
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * The code's shape without the batch dimension, e.g. {@code zShape(100)} (required).
     *
     * @param zShape the code's shape without the batch dimension, e.g. {@code zShape(100)} (required)
     * @return this builder
     */
    public Builder zShape(long... zShape) {
      this.zShape = Objects.requireNonNull(zShape, "zShape").clone();
      return this;
    }

    /**
     * The optimizer's learning rate (default 0.1).
     *
     * @param learningRate the optimizer's learning rate (default 0.1)
     * @return this builder
     */
    public Builder learningRate(double learningRate) {
      this.learningRate = learningRate;
      this.schedule = null;
      return this;
    }

    /**
     * A learning-rate schedule: the rate at each step of a search, counted from 0 at each start
     * (TF-GAN lets the learning rate be a function of the global step). For example an exponential
     * decay: {@code learningRate(step -> 0.1 * Math.pow(0.5, step / 100))}.
     *
     * @param schedule step to a positive, finite rate
     * @return this builder
     */
    public Builder learningRate(LongToDoubleFunction schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /**
     * The bound of each code component, positive (default 1).
     *
     * @param inputClip the bound of each code component, positive (default 1)
     * @return this builder
     */
    public Builder inputClip(double inputClip) {
      this.inputClip = inputClip;
      return this;
    }

    /**
     * Whether to write TensorBoard summaries into the estimator's log directory (default no).
     *
     * @param addSummaries whether to write TensorBoard summaries into the estimator's log directory (default no)
     * @return this builder
     */
    public Builder addSummaries(boolean addSummaries) {
      this.addSummaries = addSummaries;
      return this;
    }

    /**
     * One optimizer option, TF-GAN's {@code opt_kwargs} entry, such as Adam's {@code beta1}.
     *
     * @param name the option's name, checked by the {@link LatentOptimizer}
     * @param value its value
     * @return this builder
     */
    public Builder optimizerOption(String name, double value) {
      optimizerOptions.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * Starts per search from fresh random codes, each example keeping its best (default 1).
     *
     * @param restarts starts per search from fresh random codes, each example keeping its best (default 1)
     * @return this builder
     */
    public Builder restarts(int restarts) {
      this.restarts = restarts;
      return this;
    }

    /**
     * The settings, checked.
     *
     * @return the settings, checked
     */
    public LatentGanParams build() {
      if (zShape == null) {
        throw new IllegalArgumentException("`zShape` is required, e.g. zShape(100)");
      }
      if (schedule == null) {
        double constant = learningRate;
        return new LatentGanParams(
            batchSize, zShape, constant, inputClip, addSummaries, optimizerOptions, restarts, new ConstantRate(constant));
      }
      double first = schedule.applyAsDouble(0);
      return new LatentGanParams(batchSize, zShape, first, inputClip, addSummaries, optimizerOptions, restarts, schedule);
    }
  }
}
