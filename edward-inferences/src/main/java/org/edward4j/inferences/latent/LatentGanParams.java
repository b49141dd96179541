package org.edward4j.inferences.latent;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
 * @param learningRate the optimizer's learning rate
 * @param inputClip the bound of each code component
 * @param addSummaries whether to write TF-GAN's {@code z_loss/loss} and {@code z_loss/z_grads}
 * @param optimizerOptions options for the {@link LatentOptimizer}, TF-GAN's {@code opt_kwargs}
 * @param restarts starts per search, the best kept per example; 1 is TF-GAN's behaviour
 */
public record LatentGanParams(
    int batchSize,
    long[] zShape,
    double learningRate,
    double inputClip,
    boolean addSummaries,
    Map<String, Double> optimizerOptions,
    int restarts) {

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
        && optimizerOptions.equals(p.optimizerOptions) && restarts == p.restarts;
  }

  @Override
  public int hashCode() {
    return Objects.hash(batchSize, Arrays.hashCode(zShape), learningRate, inputClip, addSummaries, optimizerOptions, restarts);
  }

  @Override
  public String toString() {
    return "LatentGanParams(batchSize=" + batchSize + ", zShape=" + Arrays.toString(zShape) + ", learningRate="
        + learningRate + ", inputClip=" + inputClip + ", addSummaries=" + addSummaries
        + (optimizerOptions.isEmpty() ? "" : ", optimizerOptions=" + new TreeMap<>(optimizerOptions))
        + ", restarts=" + restarts + ")";
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
      return new LatentGanParams(batchSize, zShape, learningRate, inputClip, addSummaries, optimizerOptions, restarts);
    }
  }
}
