package org.edward4j.core.layers;

import java.util.Objects;
import org.edward4j.core.Initializer;
import org.edward4j.core.Regularizer;

/**
 * Settings of {@link Layers#dense}, with TF1's defaults: no activation, a bias, a Glorot-uniform
 * kernel, a zero bias, no regularizer, and an automatic name ({@code dense}, {@code dense_1}, ...).
 *
 * <pre>{@code
 * DenseOptions hidden = DenseOptions.builder()
 *     .activation(Activation.relu())
 *     .kernelRegularizer(Regularizers.l2(1e-4))
 *     .build();
 * }</pre>
 *
 * @param activation applied to {@code x W + b}
 * @param useBias whether to add a bias
 * @param kernelInitializer the kernel's initial value
 * @param biasInitializer the bias's initial value
 * @param kernelRegularizer a penalty on the kernel, added to {@code REGULARIZATION_LOSSES}, or
 *     {@code null}
 * @param name the layer's scope name, or {@code null} for {@code dense}, {@code dense_1}, ...
 */
public record DenseOptions(
    Activation activation,
    boolean useBias,
    Initializer kernelInitializer,
    Initializer biasInitializer,
    Regularizer kernelRegularizer,
    String name) {

  /**
   * Checks the required settings.
   *
   * @param activation applied to {@code x W + b}; not null ({@link Activation#identity()} for
   *     none)
   * @param useBias whether to add a bias
   * @param kernelInitializer the kernel's initial value; not null
   * @param biasInitializer the bias's initial value; not null, even when {@code useBias} is false
   * @param kernelRegularizer a penalty on the kernel, or {@code null}
   * @param name the layer's scope name (letters, digits, {@code _ . -}, not starting with {@code _}
   *     or {@code -}, no slashes), or {@code null} for automatic naming
   * @throws IllegalArgumentException if the name is not a scope name
   * @throws NullPointerException if a required setting is null
   */
  public DenseOptions {
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernelInitializer");
    Objects.requireNonNull(biasInitializer, "biasInitializer");
    Layers.checkLayerName(name);
  }

  /**
   * TF1's defaults.
   *
   * @return identity activation, a zero-initialized bias, a Glorot-uniform kernel, no regularizer,
   *     automatic name
   */
  public static DenseOptions defaults() {
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

  /** Builds {@link DenseOptions}. */
  public static final class Builder extends LayerOptionsBuilder<Builder> {

    private Builder() {}

    /**
     * The options.
     *
     * @return the options with this builder's settings
     * @throws IllegalArgumentException if the name is not a scope name
     * @throws NullPointerException if a required setting was set to null
     */
    public DenseOptions build() {
      return new DenseOptions(activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, name);
    }
  }
}
