package org.edward4j.inferences.montecarlo;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/**
 * Stochastic gradient Hamiltonian Monte Carlo, Edward's {@code ed.SGHMC} (T. Chen, E. B. Fox and C.
 * Guestrin, ICML 2014, equation 15): with learning rate {@code eta = 0.01 stepSize} (Edward's
 * factor) and friction {@code alpha = friction / 2},
 *
 * <pre>
 * z' = z + v
 * v' = (1 - alpha) v + eta grad log p(x, z') + N(0, friction eta I)
 * </pre>
 *
 * <p>and no accept test ({@code accept_rate} is 1). The velocities are variables of the inference's
 * scope ({@code velocity}, {@code velocity_1}, ...), zeros at first, saved by checkpoints. Edward's
 * code takes the gradient at the old position; this follows the paper (see {@link SghmcKernel}).
 * For minibatches, weight the likelihood by {@code scale = N / M}. Constrained latents move on the
 * reals through their {@link Support} and are stored constrained.
 *
 * <pre>{@code
 * SGHMC sghmc = new SGHMC(Map.of(mu, qmu), Map.of(x, xData));
 * sghmc.run(SghmcOptions.builder().stepSize(0.025).friction(0.1).nPrint(0).build());
 * }</pre>
 */
public class SGHMC extends MonteCarlo<SghmcOptions> {

  /**
   * Creates the inference; nothing is built until {@code initialize}.
   *
   * @param latentVars each latent variable to its {@code Empirical}
   * @param data each observed variable to its data (a placeholder for minibatches)
   * @throws IllegalArgumentException for a latent without an Empirical or a shape mismatch
   */
  public SGHMC(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
  }

  /**
   * Edward's list form: each latent gets an {@code Empirical} of 10,000 draws.
   *
   * @param latentVars the latent variables
   * @param data each observed variable to its data
   * @throws IllegalArgumentException for an empty list or an element that is not a random variable
   */
  public SGHMC(List<? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
  }

  @Override
  protected SghmcOptions defaultOptions() {
    return SghmcOptions.defaults();
  }

  @Override
  protected boolean movesOnReals() {
    return true;
  }

  @Override
  protected KernelStep buildStep(SghmcOptions options, Chain chain) {
    SghmcKernel kernel = SghmcKernel.builder().stepSize(options.stepSize()).friction(options.friction()).build();
    return kernel.step(chain.scope(), chain.logJoint(), chain.current());
  }
}
