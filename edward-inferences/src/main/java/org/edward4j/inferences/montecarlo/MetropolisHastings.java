package org.edward4j.inferences.montecarlo;

import java.util.List;
import java.util.Map;
import org.edward4j.inferences.MonteCarloOptions;
import org.tensorflow.Operand;

/**
 * Metropolis-Hastings, Edward's {@code ed.MetropolisHastings} (N. Metropolis et al., J. Chem. Phys.
 * 21, 1953; W. K. Hastings, Biometrika 57, 1970): each draw proposes {@code z' ~ g(z' | z)} from the
 * proposal random variables and accepts it with probability {@code min(1, ratio)},
 *
 * <pre>
 * log ratio = log p(x, z') - log p(x, z) - log g(z' | z) + log g(z | z')
 * </pre>
 *
 * <p>Proposals are random variables written in terms of the model: {@code Normal(loc=z, scale)}
 * gives a random walk, {@code z} itself an independence proposal from the prior. Each is copied
 * with the latents swapped for the current state to draw {@code z'} and score it, and again with
 * the latents swapped for {@code z'} to score the way back ({@link ProposalVariables}); a latent
 * without a proposal keeps its value. All proposed values share one accept decision, as in Edward.
 * No transform: a proposal must stay in the latent's support (a value outside has log density
 * {@code -inf} and is rejected).
 *
 * <pre>{@code
 * Normal proposalMu = Normal.builder(scope).loc(mu).scale(0.3).build();
 * MetropolisHastings mh = new MetropolisHastings(Map.of(mu, qmu), Map.of(mu, proposalMu), Map.of(x, xData));
 * mh.run(MonteCarloOptions.builder().nPrint(0).build());
 * }</pre>
 */
public class MetropolisHastings extends ProposalMonteCarlo<MonteCarloOptions> {

  /**
   * Creates the inference; nothing is built until {@code initialize}.
   *
   * @param latentVars each latent variable to its {@code Empirical}
   * @param proposalVars each latent variable to its proposal {@code g(z' | z)}, a random variable
   *     of the latent's shape that may depend on the latents
   * @param data each observed variable to its data
   * @throws IllegalArgumentException for a latent without an Empirical, a proposal for a variable
   *     that is not in {@code latentVars}, or a proposal of another shape
   */
  public MetropolisHastings(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> proposalVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, proposalVars, data);
  }

  /**
   * Edward's list form: each latent gets an {@code Empirical} of 10,000 draws.
   *
   * @param latentVars the latent variables
   * @param proposalVars each latent variable to its proposal
   * @param data each observed variable to its data
   * @throws IllegalArgumentException as {@link #MetropolisHastings(Map, Map, Map)}
   */
  public MetropolisHastings(
      List<? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> proposalVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, proposalVars, data);
  }

  @Override
  protected MonteCarloOptions defaultOptions() {
    return MonteCarloOptions.defaults();
  }

  @Override
  protected KernelStep buildStep(MonteCarloOptions options, Chain chain) {
    Proposal g = proposalAt(chain, chain.current());
    return MetropolisHastingsKernel.step(context(), chain.tf(), chain.logJoint(), chain.current(), g);
  }
}
