package org.edward4j.core.layers;

import org.edward4j.core.Initializer;
import org.edward4j.core.Initializers;
import org.edward4j.core.Regularizer;

/**
 * The settings dense and convolution layers share, with TF1's defaults: an activation (identity),
 * a bias (on, zeros), a Glorot-uniform kernel, an optional kernel regularizer and an optional name.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 */
public abstract class LayerOptionsBuilder<B extends LayerOptionsBuilder<B>> {

  /** The activation applied to the layer's affine output. */
  protected Activation activation = Activation.identity();
  /** Whether the layer adds a bias. */
  protected boolean useBias = true;
  /** The kernel's initial value. */
  protected Initializer kernelInitializer = Initializers.glorotUniform();
  /** The bias's initial value. */
  protected Initializer biasInitializer = Initializers.zeros();
  /** The kernel's penalty, or {@code null}. */
  protected Regularizer kernelRegularizer;
  /** The layer's scope name, or {@code null} for automatic naming. */
  protected String name;

  LayerOptionsBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The activation (default identity).
   *
   * @param activation applied to the layer's affine output; not null
   * @return this builder
   */
  public B activation(Activation activation) {
    this.activation = activation;
    return self();
  }

  /**
   * The activation by TensorFlow name, e.g. {@code "relu"}.
   *
   * @param name one of {@link Activation#NAMES}, case-insensitive
   * @return this builder
   * @throws IllegalArgumentException listing the valid names, at once
   */
  public B activation(String name) {
    this.activation = Activation.byName(name);
    return self();
  }

  /**
   * Whether to add a bias (default true).
   *
   * @param useBias {@code false} for no bias variable
   * @return this builder
   */
  public B useBias(boolean useBias) {
    this.useBias = useBias;
    return self();
  }

  /**
   * The kernel's initializer (default Glorot uniform).
   *
   * @param initializer the kernel's initial value; not null
   * @return this builder
   */
  public B kernelInitializer(Initializer initializer) {
    this.kernelInitializer = initializer;
    return self();
  }

  /**
   * The bias's initializer (default zeros).
   *
   * @param initializer the bias's initial value; not null
   * @return this builder
   */
  public B biasInitializer(Initializer initializer) {
    this.biasInitializer = initializer;
    return self();
  }

  /**
   * A penalty on the kernel (default none).
   *
   * @param regularizer the penalty, added to {@code REGULARIZATION_LOSSES}, or {@code null} for
   *     none
   * @return this builder
   */
  public B kernelRegularizer(Regularizer regularizer) {
    this.kernelRegularizer = regularizer;
    return self();
  }

  /**
   * An explicit layer name (default automatic: {@code dense}, {@code dense_1}, ... or {@code
   * conv2d}, ...).
   *
   * @param name a scope name without slashes, or {@code null} for automatic naming; checked when
   *     the options are built
   * @return this builder
   */
  public B name(String name) {
    this.name = name;
    return self();
  }
}
