package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A log joint over constrained latents re-expressed over unconstrained values, Edward's {@code
 * auto_transform} for HMC: {@code log p~(u) = log p(x, z(u)) + sum log |det dz/du|}, with {@code
 * z(u)} each latent's {@link Support} map. A chain on {@code u} then targets the posterior of
 * {@code z} pushed back to the reals; map its draws through {@link Support#constrain} (or {@link
 * #constrain}) to read them.
 *
 * <pre>{@code
 * LogJoint onReals = UnconstrainedLogJoint.of(tf, logJoint, List.of(Support.UNIT_INTERVAL));
 * }</pre>
 */
public final class UnconstrainedLogJoint {

  private UnconstrainedLogJoint() {}

  /**
   * Wraps {@code logJoint} over unconstrained values.
   *
   * @param tf where to build the maps and Jacobian terms
   * @param logJoint the log joint over the constrained latents
   * @param supports each latent's support, in the state's order
   * @return the log joint over the unconstrained values
   * @throws IllegalArgumentException if {@code supports} is empty or contains null
   */
  public static LogJoint of(Ops tf, LogJoint logJoint, List<Support> supports) {
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(logJoint, "logJoint");
    List<Support> s = checked(supports);
    return u -> {
      if (u.size() != s.size()) {
        throw new IllegalArgumentException("the state must have " + s.size() + " values, one per support, got " + u.size());
      }
      Operand<TFloat32> total = LogJointGradient.evaluate(logJoint, constrain(tf, u, s));
      for (int i = 0; i < s.size(); i++) {
        total = tf.math.add(total, s.get(i).logDetJacobian(tf, u.get(i)));
      }
      return total;
    };
  }

  /**
   * The constrained values of unconstrained ones.
   *
   * @param tf where to build the ops
   * @param unconstrained one value per latent
   * @param supports each latent's support, same order and count
   * @return {@code z(u)} per latent
   * @throws IllegalArgumentException if the counts differ or a support is null
   */
  public static List<Operand<TFloat32>> constrain(Ops tf, List<Operand<TFloat32>> unconstrained, List<Support> supports) {
    List<Support> s = checked(supports);
    if (unconstrained == null || unconstrained.size() != s.size()) {
      throw new IllegalArgumentException("`unconstrained` must have " + s.size() + " values, one per support, got "
          + (unconstrained == null ? "null" : unconstrained.size()));
    }
    List<Operand<TFloat32>> z = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      z.add(s.get(i).constrain(tf, unconstrained.get(i)));
    }
    return z;
  }

  private static List<Support> checked(List<Support> supports) {
    if (supports == null || supports.isEmpty()) {
      throw new IllegalArgumentException("`supports` must name one support per latent, got "
          + (supports == null ? "null" : "an empty list"));
    }
    for (int i = 0; i < supports.size(); i++) {
      if (supports.get(i) == null) {
        throw new IllegalArgumentException("`supports[" + i + "]` must not be null");
      }
    }
    return List.copyOf(supports);
  }
}
