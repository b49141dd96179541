package org.edward4j.inferences.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The leapfrog integrator of Hamiltonian dynamics with unit mass, unrolled in the graph: with
 * {@code U(z) = -log p(x, z)}, each of {@code nSteps} steps is {@code r <- r + (eps/2) grad log
 * p(z)}, {@code z <- z + eps r}, {@code r <- r + (eps/2) grad log p(z)} (R. M. Neal, MCMC using
 * Hamiltonian dynamics, Handbook of Markov Chain Monte Carlo, 2011, section 2.3.3). It is
 * reversible (integrating from the end with the momentum negated returns to the start) and
 * volume-preserving, which is what makes HMC's Metropolis correction exact.
 *
 * <p>The log joint is evaluated {@code nSteps + 1} times; the last evaluation is handed back for
 * the acceptance test.
 *
 * <pre>{@code
 * Leapfrog.Trajectory end = Leapfrog.integrate(ctx, tf, logJoint, List.of(z0), List.of(r0), 0.1, 10);
 * Operand<TFloat32> z10 = end.state().get(0);
 * }</pre>
 */
public final class Leapfrog {

  private Leapfrog() {}

  /**
   * The end of a leapfrog trajectory.
   *
   * @param state the latent values after the last step
   * @param momentum the momenta after the last step
   * @param logJoint {@code log p(x, z)} at {@code state}
   */
  public record Trajectory(List<Operand<TFloat32>> state, List<Operand<TFloat32>> momentum, Operand<TFloat32> logJoint) {

    /**
     * Copies the lists.
     *
     * @param state the latent values after the last step
     * @param momentum the momenta after the last step
     * @param logJoint {@code log p(x, z)} at {@code state}
     */
    public Trajectory {
      state = List.copyOf(state);
      momentum = List.copyOf(momentum);
      Objects.requireNonNull(logJoint, "logJoint");
    }
  }

  /**
   * Integrates Hamiltonian dynamics for {@code nSteps} leapfrog steps.
   *
   * @param ctx the context whose graph holds the state
   * @param tf where to build the ops
   * @param logJoint the log joint density of the latent values
   * @param state the starting latent values: float32 tensors of fully known shapes
   * @param momentum the starting momenta, one per latent value, of the same shapes
   * @param stepSize the step size {@code eps}, positive and finite
   * @param nSteps the number of steps, at least 1
   * @return the end of the trajectory
   * @throws IllegalArgumentException for an empty or mismatched state or momentum, a bad step size
   *     or number of steps, or a log joint that is not a scalar
   */
  public static Trajectory integrate(
      ModelContext ctx,
      Ops tf,
      LogJoint logJoint,
      List<Operand<TFloat32>> state,
      List<Operand<TFloat32>> momentum,
      double stepSize,
      int nSteps) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(tf, "tf");
    Objects.requireNonNull(logJoint, "logJoint");
    ChainState.check(ctx, "state", state);
    ChainState.checkMatches("momentum", momentum, state);
    ChainState.checkStepSize(stepSize);
    checkSteps(nSteps);
    return integrate(tf, logJoint, LogJointGradient.at(tf, logJoint, state), state, momentum, stepSize, nSteps);
  }

  /** Integrates from a start whose log joint and gradient are already built (arguments checked). */
  static Trajectory integrate(
      Ops tf,
      LogJoint logJoint,
      LogJointGradient start,
      List<Operand<TFloat32>> state,
      List<Operand<TFloat32>> momentum,
      double stepSize,
      int nSteps) {
    Operand<TFloat32> half = tf.constant((float) (0.5 * stepSize));
    Operand<TFloat32> full = tf.constant((float) stepSize);
    List<Operand<TFloat32>> z = new ArrayList<>(state);
    List<Operand<TFloat32>> r = new ArrayList<>(momentum);
    LogJointGradient at = start;
    for (int step = 0; step < nSteps; step++) {
      for (int i = 0; i < z.size(); i++) {
        r.set(i, tf.math.add(r.get(i), tf.math.mul(half, at.gradient().get(i))));
        z.set(i, tf.math.add(z.get(i), tf.math.mul(full, r.get(i))));
      }
      at = LogJointGradient.at(tf, logJoint, z);
      for (int i = 0; i < z.size(); i++) {
        r.set(i, tf.math.add(r.get(i), tf.math.mul(half, at.gradient().get(i))));
      }
    }
    return new Trajectory(z, r, at.logJoint());
  }

  /** Checks a number of leapfrog steps. */
  static int checkSteps(int nSteps) {
    if (nSteps < 1) {
      throw new IllegalArgumentException("`nSteps` must be at least 1, got " + nSteps);
    }
    return nSteps;
  }
}
