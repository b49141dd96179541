package org.edward4j.core.layers;

import java.util.Objects;
import org.edward4j.core.variables.Initializer;
import org.edward4j.core.variables.Initializers;
import org.edward4j.core.variables.Regularizer;

/**
 * Settings of {@link Layers#conv2d} and {@link Layers#conv2dTranspose}, with TF1's defaults:
 * stride 1, {@code VALID} padding, no activation, a bias, a Glorot-uniform kernel, a zero bias, no
 * regularizer, and an automatic name.
 *
 * <pre>{@code
 * ConvOptions down = ConvOptions.builder().strides(2).padding(Padding.SAME)
 *     .activation(Activation.leakyRelu(0.2)).build();
 * }</pre>
 *
 * @param strides the stride along height and width
 * @param padding {@code SAME} or {@code VALID}
 * @param activation applied after the bias
 * @param useBias whether to add a bias per filter
 * @param kernelInitializer the kernel's initial value
 * @param biasInitializer the bias's initial value
 * @param kernelRegularizer a penalty on the kernel, or {@code null}
 * @param name the layer's scope name, or {@code null} for automatic naming
 */
public record ConvOptions(
    int strides,
    Padding padding,
    Activation activation,
    boolean useBias,
    Initializer kernelInitializer,
    Initializer biasInitializer,
    Regularizer kernelRegularizer,
    String name) {

  /** Checks the settings. */
  public ConvOptions {
    if (strides <= 0) {
      throw new IllegalArgumentException("`strides` must be positive, got " + strides);
    }
    Objects.requireNonNull(padding, "padding");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernelInitializer");
    Objects.requireNonNull(biasInitializer, "biasInitializer");
    Layers.checkLayerName(name);
  }

  /** TF1's defaults. */
  public static ConvOptions defaults() {
    return builder().build();
  }

  /** A builder starting from TF1's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ConvOptions}. */
  public static final class Builder {
    private int strides = 1;
    private Padding padding = Padding.VALID;
    private Activation activation = Activation.identity();
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.glorotUniform();
    private Initializer biasInitializer = Initializers.zeros();
    private Regularizer kernelRegularizer;
    private String name;

    private Builder() {}

    /** The stride along height and width (default 1). */
    public Builder strides(int strides) {
      this.strides = strides;
      return this;
    }

    /** The padding (default {@code VALID}). */
    public Builder padding(Padding padding) {
      this.padding = padding;
      return this;
    }

    /** The padding by name, {@code "same"} or {@code "valid"}. */
    public Builder padding(String padding) {
      this.padding = Padding.parse(padding);
      return this;
    }

    /** The activation (default identity). */
    public Builder activation(Activation activation) {
      this.activation = activation;
      return this;
    }

    /** The activation by TensorFlow name, e.g. {@code "relu"}. */
    public Builder activation(String name) {
      this.activation = Activation.byName(name);
      return this;
    }

    /** Whether to add a bias (default true). */
    public Builder useBias(boolean useBias) {
      this.useBias = useBias;
      return this;
    }

    /** The kernel's initializer (default Glorot uniform). */
    public Builder kernelInitializer(Initializer initializer) {
      this.kernelInitializer = initializer;
      return this;
    }

    /** The bias's initializer (default zeros). */
    public Builder biasInitializer(Initializer initializer) {
      this.biasInitializer = initializer;
      return this;
    }

    /** A penalty on the kernel (default none). */
    public Builder kernelRegularizer(Regularizer regularizer) {
      this.kernelRegularizer = regularizer;
      return this;
    }

    /** An explicit layer name (default automatic). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The options. */
    public ConvOptions build() {
      return new ConvOptions(
          strides, padding, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, name);
    }
  }
}
