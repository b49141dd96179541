package org.edward4j.core.gradients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.internal.c_api.TFJ_GradFuncAdapter;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.RawCustomGradient;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients that TensorFlow's C++ runtime (which TF Java differentiates with) does not define,
 * registered once per JVM through one shared native callback.
 *
 * <p>Most are the gradients of gradient ops, needed for second derivatives: WGAN-GP's penalty
 * differentiates the critic's input gradient, which contains {@code ReluGrad}, {@code
 * BiasAddGrad}, {@code SigmoidGrad}, {@code EluGrad}, the convolution and pooling gradients, the
 * fused batch-norm gradient, {@code RsqrtGrad} (unfused batch normalization) and the {@code
 * OnesLike} that seeds every gradient. {@code Digamma}'s gradient is needed by the entropies of
 * the Gamma and Beta distributions; {@code Igamma}, {@code Igammac}, {@code Betainc}, {@code
 * BesselI0e}, {@code BesselI1e}, {@code Erfc} and {@code Polygamma} by the distributions' cdfs,
 * densities and entropies. Each rule is the one in TensorFlow's Python gradient registry;
 * the tests check them by finite differences.
 *
 * <p>Limit: TF Java's {@code TensorFlow.registerCustomGradient} allocates one JavaCPP callback per
 * call and JavaCPP has ten per JVM; the eleventh registered gradient crashes the JVM (SIGSEGV)
 * when used. So every rule here, and any other added with {@link #register}, shares one callback
 * that dispatches on the op type. Do not call {@code TensorFlow.registerCustomGradient} directly.
 *
 * <pre>{@code
 * // Relu6Grad(g, x) = g * (0 < x < 6): linear in g, piecewise constant in x.
 * MissingGradients.register("Relu6Grad", (tf, op, dy) -> List.of(
 *     tf.nn.relu6Grad((Operand<TFloat32>) dy.get(0), (Operand<TFloat32>) op.input(1)),
 *     tf.zerosLike(op.input(1))));
 * }</pre>
 */
public final class MissingGradients {

  private static final Map<String, RawCustomGradient> RULES = new LinkedHashMap<>();
  private static TFJ_GradFuncAdapter callback;
  private static boolean registered;

  private MissingGradients() {}

  /** Registers every gradient this package defines that the runtime lacks; safe to call repeatedly. */
  public static synchronized void registerAll() {
    if (registered) {
      return;
    }
    registered = true;
    ActivationGradients.register();
    MathGradients.register();
    ConvolutionGradients.register();
    FusedBatchNormGradient.register();
    SpecialFunctionGradients.register();
  }

  /**
   * Registers a gradient for an op type the runtime has none for, through the shared callback.
   *
   * @param opType the op type, e.g. {@code "Relu6Grad"}
   * @param gradient one gradient per op input (zeros, never {@code null}, for inputs without one)
   * @return {@code false} if the op type already has a gradient, which is kept
   */
  public static synchronized boolean register(String opType, RawCustomGradient gradient) {
    Objects.requireNonNull(opType, "opType");
    Objects.requireNonNull(gradient, "gradient");
    if (RULES.containsKey(opType) || tensorflow.TFJ_HasGradient(opType)) {
      return false;
    }
    if (callback == null) {
      callback = RawCustomGradient.adapter(MissingGradients::dispatch);
    }
    RULES.put(opType, gradient);
    if (!tensorflow.TFJ_RegisterCustomGradient(opType, callback)) {
      RULES.remove(opType);
      return false;
    }
    return true;
  }

  private static List<Operand<?>> dispatch(Ops tf, GraphOperation op, List<Output<?>> dy) {
    RawCustomGradient rule;
    synchronized (MissingGradients.class) {
      rule = RULES.get(op.type());
    }
    return rule.call(tf, op, dy);
  }

  /**
   * The op types registered here, in registration order.
   *
   * @return a new list of TensorFlow op type names, such as {@code "RsqrtGrad"}
   */
  public static synchronized List<String> opTypes() {
    return new ArrayList<>(RULES.keySet());
  }

  @SuppressWarnings("unchecked")
  static Operand<TNumber> in(GraphOperation op, int index) {
    return (Operand<TNumber>) op.input(index);
  }

  /** The incoming gradient of the op's first output, zeros when none flows. */
  static Operand<TNumber> grad(Ops tf, GraphOperation op, List<Output<?>> dy) {
    return grad(tf, op, dy, 0);
  }

  /** The incoming gradient of output {@code index}, zeros when none flows. */
  @SuppressWarnings("unchecked")
  static Operand<TNumber> grad(Ops tf, GraphOperation op, List<Output<?>> dy, int index) {
    Output<?> d = index < dy.size() ? dy.get(index) : null;
    if (d == null) {
      return tf.zerosLike((Operand<TNumber>) (Operand<?>) op.output(index));
    }
    return (Operand<TNumber>) d;
  }

  @SuppressWarnings("unchecked")
  static <T extends TNumber> Operand<T> out(GraphOperation op) {
    return (Operand<T>) (Operand<?>) op.output(0);
  }

  /** A scalar of {@code like}'s dtype. */
  static Operand<TNumber> constant(Ops tf, double value, Operand<TNumber> like) {
    return tf.dtypes.cast(tf.constant(value), like.type());
  }
}
