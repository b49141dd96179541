package org.edward4j.inferences;

import java.util.Arrays;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The loss {@link ImplicitKLqp}'s ratio estimator minimizes, Edward's {@code ratio_loss}: samples of
 * p are labelled 1, samples of q 0, so the minimizer's output estimates {@code log p / q} (log loss,
 * exactly; hinge loss, its sign).
 */
public enum RatioLoss {
  /** {@code E_p[softplus(-r)] + E_q[softplus(r)]}, the logistic loss; Edward's default. */
  LOG,
  /** {@code E_p[relu(1 - r)] + E_q[relu(1 + r)]}. */
  HINGE;

  /**
   * Edward's string: {@code "log"} or {@code "hinge"}.
   *
   * @param name the name, case-insensitive
   * @return the loss
   * @throws IllegalArgumentException naming the valid names
   */
  public static RatioLoss parse(String name) {
    for (RatioLoss r : values()) {
      if (r.name().toLowerCase(Locale.ROOT).equals(String.valueOf(name).toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new IllegalArgumentException("`ratioLoss` must be one of "
        + Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList() + ", got " + name);
  }

  /** The loss, averaged over the elements of each sample set. */
  Operand<TFloat32> of(Ops tf, Operand<TFloat32> pSample, Operand<TFloat32> qSample) {
    if (this == LOG) {
      return AdversarialLosses.crossEntropy(tf, pSample, qSample);
    }
    Operand<TFloat32> one = tf.constant(1f);
    return tf.math.add(
        AdversarialLosses.mean(tf, tf.nn.relu(tf.math.sub(one, pSample))),
        AdversarialLosses.mean(tf, tf.nn.relu(tf.math.add(one, qSample))));
  }
}
