package org.edward4j.inferences;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The adversarial objectives of the GAN family as graph ops, written in numerically stable forms.
 *
 * <p>Sigmoid cross-entropy with logits {@code x} and label {@code z} is {@code max(x,0) - x z +
 * log(1 + exp(-|x|))}; for {@code z = 1} that is {@code softplus(-x)} and for {@code z = 0} it is
 * {@code softplus(x)}, which TensorFlow evaluates stably.
 */
public final class AdversarialLosses {

  private AdversarialLosses() {}

  /**
   * Mean sigmoid cross-entropy of logits against a constant label.
   *
   * @param tf where to place the ops
   * @param logits discriminator outputs
   * @param label {@code true} for label 1 ("real"), {@code false} for 0 ("fake")
   * @return a scalar
   */
  public static Operand<TFloat32> sigmoidCrossEntropy(Ops tf, Operand<TFloat32> logits, boolean label) {
    Operand<TFloat32> perExample = tf.math.softplus(label ? tf.math.neg(logits) : logits);
    return mean(tf, perExample);
  }

  /**
   * The two-term cross-entropy of a GAN objective: {@code E[softplus(-a)] + E[softplus(b)]}, with
   * {@code a}'s logits labelled 1 and {@code b}'s labelled 0.
   *
   * @param tf where to place the ops
   * @param labelledOne logits whose label is 1
   * @param labelledZero logits whose label is 0
   * @return a scalar
   */
  public static Operand<TFloat32> crossEntropy(
      Ops tf, Operand<TFloat32> labelledOne, Operand<TFloat32> labelledZero) {
    return tf.math.add(sigmoidCrossEntropy(tf, labelledOne, true), sigmoidCrossEntropy(tf, labelledZero, false));
  }

  /**
   * The mean over every element.
   *
   * @param tf where to place the ops
   * @param x any float tensor
   * @return a scalar
   */
  public static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(x, allAxes(tf, x));
  }

  /**
   * The sum of a list of scalar penalties, zero when the list is empty.
   *
   * @param tf where to place the ops
   * @param terms scalar tensors, e.g. regularization losses
   * @return a scalar
   */
  public static Operand<TFloat32> sum(Ops tf, List<Operand<? extends TNumber>> terms) {
    Operand<TFloat32> total = tf.constant(0f);
    for (Operand<? extends TNumber> term : terms) {
      Operand<TFloat32> t =
          term.type() == TFloat32.class ? cast(term) : tf.dtypes.cast(term, TFloat32.class);
      total = tf.math.add(total, tf.reduceSum(t, allAxes(tf, t)));
    }
    return total;
  }

  /**
   * WGAN-GP's gradient penalty (Gulrajani et al., 2017): {@code lambda * E[(||grad_x D(x_hat)||_2 -
   * 1)^2]} at {@code x_hat = eps x_true + (1 - eps) x_fake}, with one {@code eps ~ U(0, 1)} per
   * example as in the paper (Edward draws one per element).
   *
   * @param ctx the context, for the random op's seed
   * @param tf where to place the ops
   * @param xTrue a batch of data
   * @param xFake a batch of generated samples of the same shape
   * @param critic builds the critic's output at a point, sharing the critic's weights
   * @param lambda the penalty weight
   * @return a scalar
   */
  public static Operand<TFloat32> gradientPenalty(
      ModelContext ctx,
      Ops tf,
      Operand<TFloat32> xTrue,
      Operand<TFloat32> xFake,
      java.util.function.Function<Operand<TFloat32>, Operand<TFloat32>> critic,
      double lambda) {
    int rank = xTrue.shape().numDimensions();
    Operand<TInt32> batch = tf.shape.size(tf.shape(xTrue), tf.constant(0));
    Operand<TInt32> epsShape =
        tf.concat(
            List.of(tf.reshape(batch, tf.constant(new int[] {1})), tf.fill(tf.constant(new int[] {rank - 1}), tf.constant(1))),
            tf.constant(0));
    // Stateless, keyed by the context's random step like every random variable, so a run resumed
    // from a checkpoint draws the same interpolation points as an uninterrupted one.
    Operand<TFloat32> eps = tf.random.statelessRandomUniform(epsShape, ctx.statelessSeed(tf, ctx.nextOpSeed()), TFloat32.class);
    Operand<TFloat32> xHat =
        tf.math.add(tf.math.mul(eps, xTrue), tf.math.mul(tf.math.sub(tf.constant(1f), eps), xFake));
    Operand<TFloat32> dHat = critic.apply(xHat);
    Operand<TFloat32> grad = tf.gradients(dHat, List.of(xHat)).dy(0);
    Operand<TInt32> featureAxes = tf.range(tf.constant(1), tf.rank(grad), tf.constant(1));
    // The small constant keeps sqrt differentiable when a slope is exactly zero.
    Operand<TFloat32> slopes =
        tf.math.sqrt(tf.math.add(tf.reduceSum(tf.math.square(grad), featureAxes), tf.constant(1e-12f)));
    Operand<TFloat32> gap = tf.math.square(tf.math.sub(slopes, tf.constant(1f)));
    return tf.math.mul(tf.constant((float) lambda), mean(tf, gap));
  }

  /** Checks that a discriminator output has one value per example. */
  static void checkLogitsShape(Operand<TFloat32> logits, Shape input, String what) {
    Shape s = logits.shape();
    boolean perExample =
        !s.isUnknown()
            && (s.numDimensions() == 1 || (s.numDimensions() == 2 && (s.get(1) == 1 || s.get(1) < 0)));
    if (!perExample) {
      throw new IllegalArgumentException(
          "`discriminator` must return one logit per example, shape [batch] or [batch, 1], for "
              + what + " of shape " + input + "; got " + s);
    }
    if (!input.isUnknown() && input.numDimensions() > 0 && input.get(0) >= 0 && s.get(0) >= 0
        && s.get(0) != input.get(0)) {
      throw new IllegalArgumentException(
          "`discriminator` must return " + input.get(0) + " logits for " + what + " of shape " + input
              + "; got " + s);
    }
  }

  private static Operand<TInt32> allAxes(Ops tf, Operand<?> x) {
    return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Operand<? extends TNumber> x) {
    return (Operand<TFloat32>) x;
  }
}
