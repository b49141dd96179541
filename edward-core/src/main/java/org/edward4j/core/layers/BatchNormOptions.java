package org.edward4j.core.layers;

/**
 * Settings of {@link Layers#batchNormalization}, with TF1's defaults: momentum 0.99, epsilon
 * 1e-3, a learned offset (beta) and scale (gamma), the fused kernel for rank-4 inputs, and an
 * automatic name ({@code batch_normalization}, ...).
 *
 * <pre>{@code
 * BatchNormOptions bn = BatchNormOptions.builder().momentum(0.9).epsilon(1e-5).build();
 * }</pre>
 *
 * @param momentum the moving averages' decay: {@code moving = momentum moving + (1 - momentum)
 *     batch}
 * @param epsilon added to the variance before the square root
 * @param center whether to learn an offset {@code beta}
 * @param scale whether to learn a scale {@code gamma}
 * @param fused {@code TRUE} for {@code FusedBatchNormV3} (rank 4 only), {@code FALSE} for
 *     elementary ops, {@code null} for fused exactly when the input has rank 4
 * @param name the layer's scope name, or {@code null} for automatic naming
 */
public record BatchNormOptions(
    double momentum, double epsilon, boolean center, boolean scale, Boolean fused, String name) {

  /**
   * Checks the settings.
   *
   * @param momentum the moving averages' decay, in [0, 1]
   * @param epsilon added to the variance before the square root; positive and finite
   * @param center whether to learn an offset {@code beta}
   * @param scale whether to learn a scale {@code gamma}
   * @param fused {@code TRUE} for the fused kernel (rank-4 inputs only), {@code FALSE} for
   *     elementary ops, {@code null} to decide from the input's rank
   * @param name the layer's scope name (letters, digits, {@code _ . -}, not starting with {@code _}
   *     or {@code -}, no slashes), or {@code null} for automatic naming
   * @throws IllegalArgumentException if a value is out of range or the name is not a scope name
   */
  public BatchNormOptions {
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("`momentum` must be in [0, 1], got " + momentum);
    }
    if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
      throw new IllegalArgumentException("`epsilon` must be positive and finite, got " + epsilon);
    }
    Layers.checkLayerName(name);
  }

  /**
   * TF1's defaults.
   *
   * @return momentum 0.99, epsilon 1e-3, center and scale, fused for rank 4, automatic name
   */
  public static BatchNormOptions defaults() {
    return builder().build();
  }

  /**
   * A builder starting from TF1's defaults.
   *
   * @return a new builder; each call returns a fresh one
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BatchNormOptions}. */
  public static final class Builder {
    private double momentum = 0.99;
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private Boolean fused;
    private String name;

    private Builder() {}

    /**
     * The moving averages' decay (default 0.99).
     *
     * @param momentum in [0, 1]; checked by {@link #build}
     * @return this builder
     */
    public Builder momentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    /**
     * The variance offset (default 1e-3).
     *
     * @param epsilon positive and finite; checked by {@link #build}
     * @return this builder
     */
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    /**
     * Whether to learn an offset (default true).
     *
     * @param center {@code false} to leave out {@code beta} (an offset of zero)
     * @return this builder
     */
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    /**
     * Whether to learn a scale (default true).
     *
     * @param scale {@code false} to leave out {@code gamma} (a scale of one)
     * @return this builder
     */
    public Builder scale(boolean scale) {
      this.scale = scale;
      return this;
    }

    /**
     * Whether to use the fused kernel (default: when the input has rank 4).
     *
     * @param fused {@code true} for the fused kernel, which then needs a rank-4 input; {@code
     *     false} for elementary ops
     * @return this builder
     */
    public Builder fused(boolean fused) {
      this.fused = fused;
      return this;
    }

    /**
     * An explicit layer name (default automatic).
     *
     * @param name a scope name without slashes, or {@code null} for automatic naming; checked by
     *     {@link #build}
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * The options.
     *
     * @return the options with this builder's settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public BatchNormOptions build() {
      return new BatchNormOptions(momentum, epsilon, center, scale, fused, name);
    }
  }
}
