package org.edward4j.core.gradients;

import static org.edward4j.core.gradients.MissingGradients.grad;
import static org.edward4j.core.gradients.MissingGradients.in;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The gradient of {@code FusedBatchNormGradV3} (NHWC), so a loss containing a batch-normalized
 * network's gradient, such as a gradient penalty, can be differentiated again.
 *
 * <p>Per channel, with {@code m(.)} the mean over batch and space, {@code xh = (x - mu) r}, {@code
 * r = 1 / sqrt(var + eps)}, {@code gy' = gy - m(gy)} and upstream gradients {@code A} (of the
 * input gradient), {@code B} (scale) and {@code C} (offset), in training mode (batch statistics,
 * recomputed from {@code x} as TensorFlow's Python rule does):
 *
 * <ul>
 *   <li>{@code d gy = gamma r (A' - xh m(A xh)) + B xh + C}, with {@code A' = A - m(A)};
 *   <li>{@code d x = gamma r^2 (3 xh m(gy xh) m(A xh) - xh m(A gy') - gy' m(A xh) - A' m(gy xh)) +
 *       B r (gy' - xh m(gy xh))};
 *   <li>{@code d gamma = r sum(A (gy' - xh m(gy xh)))}.
 * </ul>
 *
 * <p>In inference mode (population statistics as constants): {@code d gy = gamma r A + B xh + C},
 * {@code d x = B r gy}, {@code d gamma = r sum(A gy)}. The statistics get no gradient, as in
 * TensorFlow. The finite-difference tests check both modes.
 */
final class FusedBatchNormGradient {

  private FusedBatchNormGradient() {}

  static void register() {
    MissingGradients.register(
        "FusedBatchNormGradV3",
        (tf, op, dy) -> {
          String format = op.attributes().getAttrString("data_format");
          if (!format.equals("NHWC")) {
            throw new IllegalArgumentException(
                "second derivatives of fused batch normalization need data_format NHWC, got " + format);
          }
          Operand<TNumber> gy = in(op, 0);
          Operand<TNumber> x = in(op, 1);
          Operand<TNumber> scale = in(op, 2);
          Class<TNumber> t = x.type();
          Operand<TNumber> gamma = cast(tf, scale, t);
          Operand<TNumber> a = cast(tf, grad(tf, op, dy, 0), t);
          Operand<TNumber> b = cast(tf, grad(tf, op, dy, 1), t);
          Operand<TNumber> c = cast(tf, grad(tf, op, dy, 2), t);
          Operand<TNumber> eps = tf.dtypes.cast(tf.constant(op.attributes().getAttrFloat("epsilon")), t);
          Operand<TInt32> axes = tf.constant(new int[] {0, 1, 2});
          Operand<TNumber>[] grads =
              op.attributes().getAttrBool("is_training")
                  ? training(tf, axes, gy, x, gamma, a, b, c, eps)
                  : inference(tf, axes, gy, x, gamma, a, b, c, eps, cast(tf, in(op, 3), t), cast(tf, in(op, 4), t));
          return List.of(
              grads[0], grads[1], cast(tf, grads[2], scale.type()),
              tf.zerosLike(op.input(3)), tf.zerosLike(op.input(4)), tf.zerosLike(op.input(5)));
        });
  }

  @SuppressWarnings("unchecked")
  private static Operand<TNumber>[] training(
      Ops tf, Operand<TInt32> axes, Operand<TNumber> gy, Operand<TNumber> x, Operand<TNumber> gamma,
      Operand<TNumber> a, Operand<TNumber> b, Operand<TNumber> c, Operand<TNumber> eps) {
    Operand<TNumber> centered = tf.math.sub(x, mean(tf, x, axes));
    Operand<TNumber> r = tf.math.rsqrt(tf.math.add(mean(tf, tf.math.square(centered), axes), eps));
    Operand<TNumber> xh = tf.math.mul(centered, r);
    Operand<TNumber> gyc = tf.math.sub(gy, mean(tf, gy, axes));
    Operand<TNumber> ac = tf.math.sub(a, mean(tf, a, axes));
    Operand<TNumber> mgx = mean(tf, tf.math.mul(gy, xh), axes);
    Operand<TNumber> max = mean(tf, tf.math.mul(a, xh), axes);
    Operand<TNumber> mag = mean(tf, tf.math.mul(a, gyc), axes);
    Operand<TNumber> gammaR = tf.math.mul(gamma, r);
    Operand<TNumber> dGy =
        tf.math.add(tf.math.add(tf.math.mul(gammaR, tf.math.sub(ac, tf.math.mul(xh, max))), tf.math.mul(b, xh)), c);
    Operand<TNumber> three = tf.dtypes.cast(tf.constant(3f), x.type());
    Operand<TNumber> bracket =
        tf.math.sub(
            tf.math.sub(
                tf.math.sub(tf.math.mul(three, tf.math.mul(xh, tf.math.mul(mgx, max))), tf.math.mul(xh, mag)),
                tf.math.mul(gyc, max)),
            tf.math.mul(ac, mgx));
    Operand<TNumber> projected = tf.math.sub(gyc, tf.math.mul(xh, mgx));
    Operand<TNumber> dX =
        tf.math.add(tf.math.mul(tf.math.mul(gammaR, r), bracket), tf.math.mul(tf.math.mul(b, r), projected));
    Operand<TNumber> dGamma = tf.math.mul(r, tf.reduceSum(tf.math.mul(a, projected), axes));
    return new Operand[] {dGy, dX, dGamma};
  }

  @SuppressWarnings("unchecked")
  private static Operand<TNumber>[] inference(
      Ops tf, Operand<TInt32> axes, Operand<TNumber> gy, Operand<TNumber> x, Operand<TNumber> gamma,
      Operand<TNumber> a, Operand<TNumber> b, Operand<TNumber> c, Operand<TNumber> eps,
      Operand<TNumber> mean, Operand<TNumber> variance) {
    Operand<TNumber> r = tf.math.rsqrt(tf.math.add(variance, eps));
    Operand<TNumber> xh = tf.math.mul(tf.math.sub(x, mean), r);
    Operand<TNumber> dGy = tf.math.add(tf.math.add(tf.math.mul(tf.math.mul(gamma, r), a), tf.math.mul(b, xh)), c);
    Operand<TNumber> dX = tf.math.mul(tf.math.mul(b, r), gy);
    Operand<TNumber> dGamma = tf.math.mul(r, tf.reduceSum(tf.math.mul(a, gy), axes));
    return new Operand[] {dGy, dX, dGamma};
  }

  private static Operand<TNumber> mean(Ops tf, Operand<TNumber> v, Operand<TInt32> axes) {
    return tf.math.mean(v, axes);
  }

  private static Operand<TNumber> cast(Ops tf, Operand<TNumber> v, Class<TNumber> t) {
    return v.type().equals(t) ? v : tf.dtypes.cast(v, t);
  }
}
