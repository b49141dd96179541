package org.edward4j.models;

import java.util.List;
import org.edward4j.core.gradients.MissingGradients;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The implicit reparameterization gradient of TensorFlow's {@code RandomGamma} op, which the C++
 * runtime lacks: {@code d sample / d alpha = -(dF/dalpha) / (dF/dsample)} with {@code F} the gamma
 * CDF, computed by the {@code RandomGammaGrad} op (Figurnov, Mohamed and Mnih, 2018, "Implicit
 * Reparameterization Gradients"), as TensorFlow's Python {@code random_grad.py} registers it.
 *
 * <p>{@code RandomGamma(shape, alpha)} returns {@code shape + alpha.shape} draws, and the
 * stateless {@code StatelessRandomGammaV3(shape, key, counter, alg, alpha)} returns {@code shape}
 * draws whose trailing dimensions are {@code alpha}'s; either way the gradient lines {@code alpha}
 * up with the draws by adding leading unit dimensions, then sums the per-draw gradients over those
 * dimensions. The other inputs get zeros.
 *
 * <p>Registered through edward-core's {@link MissingGradients#register}, which shares one native
 * callback among all custom gradients (TF Java's own registration allocates one JavaCPP callback
 * per gradient, and there are only ten per JVM).
 */
final class RandomGammaGradient {

  private static boolean registered;

  private RandomGammaGradient() {}

  /** Registers the gradient once per JVM; a no-op if the runtime already has one. */
  static synchronized void register() {
    if (!registered) {
      registered = true;
      MissingGradients.register("RandomGamma", RandomGammaGradient::gradient);
      MissingGradients.register("StatelessRandomGammaV3", RandomGammaGradient::statelessGradient);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> dy) {
    Operand<TNumber> shape = (Operand) op.input(0);
    Operand<TNumber> alpha = (Operand) op.input(1);
    Operand<TNumber> sample = (Operand) op.output(0);
    Operand<TNumber> grad = dy.isEmpty() || dy.get(0) == null ? tf.zerosLike(sample) : (Operand) dy.get(0);
    Operand<TInt32> leadingOnes = tf.onesLike(tf.dtypes.cast(shape, TInt32.class));
    Operand<TInt32> alphaShape = tf.concat(List.of(leadingOnes, tf.shape(alpha)), tf.constant(0));
    Operand<TNumber> partial = tf.random.randomGammaGrad(tf.reshape(alpha, alphaShape), sample);
    Operand<TInt32> sampleAxes = tf.range(tf.constant(0), tf.size(shape), tf.constant(1));
    Operand<TNumber> dAlpha = tf.reduceSum(tf.math.mul(grad, partial), sampleAxes);
    return List.of(tf.zerosLike(shape), dAlpha);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Operand<?>> statelessGradient(Ops tf, GraphOperation op, List<Output<?>> dy) {
    Operand<TNumber> alpha = (Operand) op.input(4);
    Operand<TNumber> sample = (Operand) op.output(0);
    Operand<TNumber> grad = dy.isEmpty() || dy.get(0) == null ? tf.zerosLike(sample) : (Operand) dy.get(0);
    Operand<TInt32> leading = tf.math.sub(tf.rank(sample), tf.rank(alpha));
    Operand<TInt32> alphaShape =
        tf.concat(List.of(tf.fill(tf.reshape(leading, tf.constant(new int[] {1})), tf.constant(1)), tf.shape(alpha)), tf.constant(0));
    Operand<TNumber> partial = tf.random.randomGammaGrad(tf.reshape(alpha, alphaShape), sample);
    Operand<TNumber> dAlpha = tf.reduceSum(tf.math.mul(grad, partial), tf.range(tf.constant(0), leading, tf.constant(1)));
    List<Operand<?>> out = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      out.add(tf.zerosLike((Operand) op.input(i)));
    }
    out.add(dAlpha);
    return out;
  }
}
