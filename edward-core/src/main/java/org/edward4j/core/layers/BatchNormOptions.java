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

  /** Checks the settings. */
  public BatchNormOptions {
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("`momentum` must be in [0, 1], got " + momentum);
    }
    if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
      throw new IllegalArgumentException("`epsilon` must be positive and finite, got " + epsilon);
    }
    Layers.checkLayerName(name);
  }

  /** TF1's defaults. */
  public static BatchNormOptions defaults() {
    return builder().build();
  }

  /** A builder starting from TF1's defaults. */
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

    /** The moving averages' decay (default 0.99). */
    public Builder momentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    /** The variance offset (default 1e-3). */
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    /** Whether to learn an offset (default true). */
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    /** Whether to learn a scale (default true). */
    public Builder scale(boolean scale) {
      this.scale = scale;
      return this;
    }

    /** Whether to use the fused kernel (default: when the input has rank 4). */
    public Builder fused(boolean fused) {
      this.fused = fused;
      return this;
    }

    /** An explicit layer name (default automatic). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The options. */
    public BatchNormOptions build() {
      return new BatchNormOptions(momentum, epsilon, center, scale, fused, name);
    }
  }
}
