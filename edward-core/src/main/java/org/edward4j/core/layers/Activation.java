package org.edward4j.core.layers;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.family.TNumber;

/**
 * An elementwise activation function for a layer's output, as TF1's {@code activation=tf.nn.relu}.
 *
 * <p>{@code relu(x) = max(x, 0)}; {@code leakyRelu(x) = max(x, alpha x)} (Maas et al. 2013, as
 * in DCGAN discriminators); {@code sigmoid(x) = 1 / (1 + e^-x)}; {@code tanh}; {@code softplus(x)
 * = log(1 + e^x)}; {@code elu(x) = x > 0 ? x : e^x - 1} (Clevert et al. 2016); {@code identity}.
 * Every one has first and second derivatives registered, so any can sit inside a gradient
 * penalty.
 *
 * <pre>{@code
 * DenseOptions hidden = DenseOptions.builder().activation(Activation.leakyRelu(0.2)).build();
 * Activation fromEdward = Activation.byName("relu");
 * }</pre>
 *
 * @param kind which function
 * @param alpha the negative slope of {@link Kind#LEAKY_RELU}; 0 for the others
 */
public record Activation(Kind kind, double alpha) {

  /** The functions. */
  public enum Kind {
    /** {@code max(x, 0)}. */
    RELU,
    /** {@code max(x, alpha x)}. */
    LEAKY_RELU,
    /** The logistic function. */
    SIGMOID,
    /** The hyperbolic tangent. */
    TANH,
    /** {@code log(1 + e^x)}. */
    SOFTPLUS,
    /** The exponential linear unit. */
    ELU,
    /** No activation. */
    IDENTITY
  }

  /** The names {@link #byName} accepts. */
  public static final List<String> NAMES =
      List.of("relu", "leaky_relu", "sigmoid", "tanh", "softplus", "elu", "identity", "linear");

  /**
   * Checks the kind and that only leaky ReLU has a slope, in [0, 1).
   *
   * @param kind which function; not null
   * @param alpha the negative slope, in [0, 1) for {@link Kind#LEAKY_RELU} and exactly 0 for the
   *     others
   * @throws IllegalArgumentException if {@code alpha} is out of range for {@code kind}
   */
  public Activation {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.LEAKY_RELU ? !(alpha >= 0 && alpha < 1) : alpha != 0) {
      throw new IllegalArgumentException(
          "`alpha` must be in [0, 1) for leaky ReLU and 0 otherwise, got " + alpha + " for " + kind);
    }
  }

  /**
   * {@code max(x, 0)}.
   *
   * @return the rectified linear unit
   */
  public static Activation relu() {
    return new Activation(Kind.RELU, 0);
  }

  /**
   * {@code max(x, alpha x)}.
   *
   * @param alpha the negative slope, in [0, 1); TF's default is 0.2
   * @return the activation
   */
  public static Activation leakyRelu(double alpha) {
    return new Activation(Kind.LEAKY_RELU, alpha);
  }

  /**
   * The logistic sigmoid, {@code 1 / (1 + e^-x)}.
   *
   * @return the sigmoid, with values in (0, 1)
   */
  public static Activation sigmoid() {
    return new Activation(Kind.SIGMOID, 0);
  }

  /**
   * The hyperbolic tangent.
   *
   * @return tanh, with values in (-1, 1)
   */
  public static Activation tanh() {
    return new Activation(Kind.TANH, 0);
  }

  /**
   * {@code log(1 + e^x)}.
   *
   * @return the softplus, with positive values
   */
  public static Activation softplus() {
    return new Activation(Kind.SOFTPLUS, 0);
  }

  /**
   * The exponential linear unit, {@code x > 0 ? x : e^x - 1} (Clevert et al. 2016).
   *
   * @return the ELU
   */
  public static Activation elu() {
    return new Activation(Kind.ELU, 0);
  }

  /**
   * No activation (a linear layer).
   *
   * @return the identity: {@link #apply} hands back its input, adding no op
   */
  public static Activation identity() {
    return new Activation(Kind.IDENTITY, 0);
  }

  /**
   * An activation by its TensorFlow name, for the API edge: {@code relu}, {@code leaky_relu}
   * (slope 0.2), {@code sigmoid}, {@code tanh}, {@code softplus}, {@code elu}, {@code identity} or
   * {@code linear}.
   *
   * @param name the name, case-insensitive
   * @return the activation
   * @throws IllegalArgumentException listing the valid names
   */
  public static Activation byName(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace("-", "_");
    return switch (key) {
      case "relu" -> relu();
      case "leaky_relu", "leakyrelu" -> leakyRelu(0.2);
      case "sigmoid" -> sigmoid();
      case "tanh" -> tanh();
      case "softplus" -> softplus();
      case "elu" -> elu();
      case "identity", "linear", "none" -> identity();
      default -> throw new IllegalArgumentException("`activation` must be one of " + NAMES + ", got " + name);
    };
  }

  /**
   * Applies the function elementwise.
   *
   * @param tf where to place the op
   * @param x the pre-activation
   * @param <T> element type
   * @return {@code f(x)}, of {@code x}'s shape
   */
  public <T extends TNumber> Operand<T> apply(Ops tf, Operand<T> x) {
    return switch (kind) {
      case RELU -> tf.nn.relu(x);
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha((float) alpha));
      case SIGMOID -> tf.math.sigmoid(x);
      case TANH -> tf.math.tanh(x);
      case SOFTPLUS -> tf.math.softplus(x);
      case ELU -> tf.nn.elu(x);
      case IDENTITY -> x;
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case LEAKY_RELU -> "leakyRelu(" + alpha + ")";
      case RELU -> "relu";
      case SIGMOID -> "sigmoid";
      case TANH -> "tanh";
      case SOFTPLUS -> "softplus";
      case ELU -> "elu";
      case IDENTITY -> "identity";
    };
  }
}
