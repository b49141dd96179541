package org.edward4j.inferences.montecarlo;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Builds a Metropolis-Hastings {@link Proposal} conditional on a state, for kernels that propose
 * from several states (replica exchange proposes from each replica's). Edward's proposal random
 * variables, copied with the latent variables swapped for the state, are one.
 *
 * <pre>{@code
 * ProposalFunction walk = current -> RandomWalkProposal.normal(ctx, tf, current, 1.0);
 * }</pre>
 */
@FunctionalInterface
public interface ProposalFunction {

  /**
   * Builds the proposal {@code g(z' | current)}.
   *
   * @param current the state to propose from
   * @return the proposal; its values of the state's shapes
   */
  Proposal at(List<Operand<TFloat32>> current);
}
