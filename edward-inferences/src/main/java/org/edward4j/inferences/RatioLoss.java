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
public enum RatioLoss implements RatioLossFunction {
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

  /**
   * The point-wise loss: {@code softplus(-p) + softplus(q)} (Edward's {@code log_loss}, the
   * sigmoid cross-entropy with labels 1 and 0) or {@code relu(1 - p) + relu(1 + q)}.
   *
   * @param tf the ops to build with
   * @param pSample the estimator's output on samples of the model
   * @param qSample its output on the data with samples of q
   * @return the loss per element
   */
  @Override
  public Operand<TFloat32> pointwise(Ops tf, Operand<TFloat32> pSample, Operand<TFloat32> qSample) {
    if (this == LOG) {
      return tf.math.add(tf.math.softplus(tf.math.neg(pSample)), tf.math.softplus(qSample));
    }
    Operand<TFloat32> one = tf.constant(1f);
    return tf.math.add(tf.nn.relu(tf.math.sub(one, pSample)), tf.nn.relu(tf.math.add(one, qSample)));
  }
}
