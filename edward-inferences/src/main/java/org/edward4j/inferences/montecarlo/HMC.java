package org.edward4j.inferences.montecarlo;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/**
 * Hamiltonian Monte Carlo, also known as hybrid Monte Carlo, Edward's {@code ed.HMC} (S. Duane et
 * al., Physics Letters B 195, 1987; R. M. Neal, MCMC using Hamiltonian dynamics, Handbook of MCMC,
 * 2011): each draw samples a momentum {@code r ~ N(0, I)}, runs {@code nSteps} leapfrog steps of
 * size {@code stepSize} on {@code H(z, r) = -log p(x, z) + |r|^2 / 2}, and accepts the end point
 * with probability {@code min(1, exp(H(z, r) - H(z', r')))}; the whole transition is one {@code
 * Session.run} ({@link HmcKernel}).
 *
 * <p>The log joint is Edward's: the model copied with each latent swapped for the state and each
 * observed variable for its data, weighted by {@code scale}. Constrained latents (Gamma, Beta,
 * Dirichlet, ...) move on the reals through their {@link Support}'s map with its log Jacobian
 * (Edward's {@code auto_transform}) and are stored constrained. In conditional inference (an
 * observed variable bound to a random variable {@code q(beta)}), one draw of {@code q(beta)} per
 * update stands in for {@code beta}, as Edward's pseudo-marginal HMC.
 *
 * <pre>{@code
 * Normal mu = Normal.of(scope, 0.0, 1.0);
 * Normal x = Normal.builder(scope).loc(mu).scale(1.0).sampleShape(50).build();
 * Empirical qmu = Empirical.of(scope, scope.getVariable("qmu", Shape.of(2000), Initializers.ones()));
 * HMC hmc = new HMC(Map.of(mu, qmu), Map.of(x, xData));
 * hmc.run(HmcOptions.builder().stepSize(0.2).nSteps(5).nPrint(0).build());
 * Operand<TFloat32> posteriorMean = qmu.withBurnIn(500).mean();
 * }</pre>
 */
public class HMC extends MonteCarlo<HmcOptions> {

  /**
   * Creates the inference; nothing is built until {@code initialize}.
   *
   * @param latentVars each latent variable to its {@code Empirical}, whose {@code params} variable
   *     has shape {@code [T] + z's shape}
   * @param data each observed variable to its data, or to a random variable for conditional
   *     inference
   * @throws IllegalArgumentException for a latent without an Empirical, a shape mismatch, or a data
   *     key that is not a random variable
   */
  public HMC(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
  }

  /**
   * Edward's list form: each latent gets an {@code Empirical} of 10,000 draws.
   *
   * @param latentVars the latent variables
   * @param data each observed variable to its data
   * @throws IllegalArgumentException for an empty list or an element that is not a random variable
   */
  public HMC(List<? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
  }

  @Override
  protected HmcOptions defaultOptions() {
    return HmcOptions.defaults();
  }

  @Override
  protected boolean movesOnReals() {
    return true;
  }

  @Override
  protected KernelStep buildStep(HmcOptions options, Chain chain) {
    HmcKernel kernel = HmcKernel.builder().stepSize(options.stepSize()).nSteps(options.nSteps()).build();
    return kernel.step(context(), chain.tf(), chain.logJoint(), chain.current());
  }
}
