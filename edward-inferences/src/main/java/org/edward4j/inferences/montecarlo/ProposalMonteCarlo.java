package org.edward4j.inferences.montecarlo;

import java.util.List;
import java.util.Map;
import org.edward4j.inferences.MonteCarloFamilyOptions;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The part {@link MetropolisHastings} and {@link ReplicaExchangeMC} share: Edward's two
 * constructor forms with proposal random variables, checked once against the latents, and the
 * proposal {@code g(z' | z)} built at a state.
 *
 * @param <O> the inference's options
 */
abstract class ProposalMonteCarlo<O extends MonteCarloFamilyOptions> extends MonteCarlo<O> {

  private final ProposalVariables proposals;

  /**
   * The map form.
   *
   * @throws IllegalArgumentException for a latent without an Empirical, a proposal for a variable
   *     that is not in {@code latentVars}, or a proposal of another shape
   */
  ProposalMonteCarlo(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> proposalVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
    this.proposals = ProposalVariables.of(proposalVars, this.latentVars);
  }

  /** Edward's list form: each latent gets an {@code Empirical} of 10,000 draws. */
  ProposalMonteCarlo(
      List<? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> proposalVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
    this.proposals = ProposalVariables.of(proposalVars, this.latentVars);
  }

  /** The proposal at {@code state} (one value per latent, in order), built in {@code chain}'s scope. */
  final Proposal proposalAt(Chain chain, List<Operand<TFloat32>> state) {
    return proposals.at(chain.tf(), latentVariables(), this::modelCopy, state);
  }
}
