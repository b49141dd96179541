package org.edward4j.core.layers;

import java.util.Objects;
import org.edward4j.core.Initializer;
import org.edward4j.core.Regularizer;

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

  /**
   * Checks the settings.
   *
   * @param strides the stride along height and width; positive
   * @param padding {@code SAME} or {@code VALID}; not null
   * @param activation applied after the bias; not null ({@link Activation#identity()} for none)
   * @param useBias whether to add a bias per filter
   * @param kernelInitializer the kernel's initial value; not null
   * @param biasInitializer the bias's initial value; not null, even when {@code useBias} is false
   * @param kernelRegularizer a penalty on the kernel, or {@code null}
   * @param name the layer's scope name (letters, digits, {@code _ . -}, not starting with {@code _}
   *     or {@code -}, no slashes), or {@code null} for automatic naming
   * @throws IllegalArgumentException if {@code strides} is not positive or the name is not a
   *     scope name
   * @throws NullPointerException if a required setting is null
   */
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

  /**
   * TF1's defaults.
   *
   * @return stride 1, {@code VALID}, identity activation, a zero-initialized bias, a Glorot-uniform
   *     kernel, no regularizer, automatic name
   */
  public static ConvOptions defaults() {
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

  /** Builds {@link ConvOptions}. */
  public static final class Builder extends LayerOptionsBuilder<Builder> {
    private int strides = 1;
    private Padding padding = Padding.VALID;

    private Builder() {}

    /**
     * The stride along height and width (default 1).
     *
     * @param strides positive; checked by {@link #build}
     * @return this builder
     */
    public Builder strides(int strides) {
      this.strides = strides;
      return this;
    }

    /**
     * The padding (default {@code VALID}).
     *
     * @param padding {@code SAME} or {@code VALID}; not null
     * @return this builder
     */
    public Builder padding(Padding padding) {
      this.padding = padding;
      return this;
    }

    /**
     * The padding by name, {@code "same"} or {@code "valid"}.
     *
     * @param padding the name, case-insensitive
     * @return this builder
     * @throws IllegalArgumentException listing the valid names, at once
     */
    public Builder padding(String padding) {
      this.padding = Padding.parse(padding);
      return this;
    }

    /**
     * The options.
     *
     * @return the options with this builder's settings
     * @throws IllegalArgumentException if {@code strides} is not positive or the name is not a
     *     scope name
     * @throws NullPointerException if a required setting was set to null
     */
    public ConvOptions build() {
      return new ConvOptions(
          strides, padding, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, name);
    }
  }
}
