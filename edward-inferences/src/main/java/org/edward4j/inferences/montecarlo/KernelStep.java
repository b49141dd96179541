package org.edward4j.inferences.montecarlo;

import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * What one transition of a Markov chain kernel built in the graph: the next state, whether the
 * move was accepted, and the extra assignments the kernel needs run with it.
 *
 * @param state the next value of each latent variable, in the order of the current state
 * @param accepted a boolean scalar: whether the proposal was accepted (always true for SGLD and
 *     SGHMC, which have no correction)
 * @param logAcceptRatio the log of the Metropolis-Hastings ratio, a float32 scalar (0 for kernels
 *     without correction); NaN or {@code -inf} for a proposal that left the support, which is then
 *     rejected
 * @param updates assignments to run in the same {@code Session.run} as the state's recording
 *     (SGHMC's velocity); empty for the other kernels
 */
public record KernelStep(
    List<Operand<TFloat32>> state, Operand<TBool> accepted, Operand<TFloat32> logAcceptRatio, List<Op> updates) {

  /**
   * Copies the lists and checks nothing is null.
   *
   * @param state the next value of each latent variable
   * @param accepted whether the proposal was accepted, a boolean scalar
   * @param logAcceptRatio the log acceptance ratio, a float32 scalar
   * @param updates assignments to run with the recording
   */
  public KernelStep {
    state = List.copyOf(Objects.requireNonNull(state, "state"));
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(logAcceptRatio, "logAcceptRatio");
    updates = List.copyOf(Objects.requireNonNull(updates, "updates"));
  }
}
