package org.edward4j.inferences.montecarlo;

import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A Metropolis-Hastings proposal built in the graph: the proposed latent values {@code z'} drawn
 * from {@code g(z' | z)}, and the log proposal densities both ways, which enter the acceptance
 * ratio. Edward's {@code MetropolisHastings} builds it by copying the proposal random variables
 * with the latent variables swapped for the current state ({@code g(z' | z)}) and for the proposed
 * one ({@code g(z | z')}).
 *
 * <pre>{@code
 * Proposal walk = RandomWalkProposal.normal(ctx, tf, current, 0.1);
 * Proposal same = Proposal.symmetric(tf, walk.proposed());
 * }</pre>
 *
 * @param proposed {@code z'}, one tensor per latent value, of the state's shapes
 * @param logForward {@code log g(z' | z)} summed over all latent values, a float32 scalar
 * @param logBackward {@code log g(z | z')} summed over all latent values, a float32 scalar
 */
public record Proposal(List<Operand<TFloat32>> proposed, Operand<TFloat32> logForward, Operand<TFloat32> logBackward) {

  /**
   * Copies the list and checks the densities are scalars.
   *
   * @param proposed {@code z'}, one tensor per latent value
   * @param logForward {@code log g(z' | z)}, a float32 scalar
   * @param logBackward {@code log g(z | z')}, a float32 scalar
   * @throws IllegalArgumentException if a density is not a scalar
   */
  public Proposal {
    proposed = List.copyOf(Objects.requireNonNull(proposed, "proposed"));
    Objects.requireNonNull(logForward, "logForward");
    Objects.requireNonNull(logBackward, "logBackward");
    if (logForward.shape().numDimensions() != 0 || logBackward.shape().numDimensions() != 0) {
      throw new IllegalArgumentException("`logForward` and `logBackward` must be scalars (summed over"
          + " the latent values), got shapes " + logForward.shape() + " and " + logBackward.shape());
    }
  }

  /**
   * A proposal whose density is the same both ways ({@code g(z' | z) = g(z | z')}, e.g. a
   * random walk), so the densities cancel: Metropolis' original algorithm.
   *
   * @param tf where to build the zero constants
   * @param proposed the proposed values
   * @return the proposal, with both log densities 0
   */
  public static Proposal symmetric(Ops tf, List<Operand<TFloat32>> proposed) {
    return new Proposal(proposed, tf.constant(0f), tf.constant(0f));
  }
}
