package org.edward4j.core.layers;

import java.util.Objects;
import org.edward4j.core.variables.Initializer;
import org.edward4j.core.variables.Initializers;
import org.edward4j.core.variables.Regularizer;

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

  /** Checks the required settings. */
  public DenseOptions {
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(kernelInitializer, "kernelInitializer");
    Objects.requireNonNull(biasInitializer, "biasInitializer");
    Layers.checkLayerName(name);
  }

  /** TF1's defaults. */
  public static DenseOptions defaults() {
    return builder().build();
  }

  /** A builder starting from TF1's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DenseOptions}. */
  public static final class Builder {
    private Activation activation = Activation.identity();
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.glorotUniform();
    private Initializer biasInitializer = Initializers.zeros();
    private Regularizer kernelRegularizer;
    private String name;

    private Builder() {}

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
    public DenseOptions build() {
      return new DenseOptions(activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, name);
    }
  }
}
