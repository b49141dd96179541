package org.edward4j.inferences.montecarlo;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/**
 * Stochastic gradient Langevin dynamics, Edward's {@code ed.SGLD} (M. Welling and Y. W. Teh, ICML
 * 2011): {@code z' = z + (eps_t / 2) grad log p(x, z) + N(0, eps_t I)} with Edward's schedule
 * {@code eps_t = stepSize / (t + 1)^0.55} at draw {@code t}, and no accept test ({@code
 * accept_rate} is 1). For minibatches, feed a batch at each update and weight the likelihood by
 * {@code scale = N / M}, so the gradient is an unbiased estimate of the full-data one.
 *
 * <p>The steps shrink with {@code t}: the discretization bias vanishes only in the limit, and the
 * chain mixes more slowly as it goes (see {@link SgldKernel}). Constrained latents move on the
 * reals through their {@link Support} and are stored constrained.
 *
 * <pre>{@code
 * SGLD sgld = new SGLD(Map.of(mu, qmu), Map.of(xBatch, xPh));
 * sgld.initialize(SgldOptions.builder().stepSize(0.1).scale(Map.of(xBatch, 10.0)).nPrint(0).build());
 * UpdateInfo info = sgld.update(Map.of(xPh, batch));
 * }</pre>
 */
public class SGLD extends MonteCarlo<SgldOptions> {

  /**
   * Creates the inference; nothing is built until {@code initialize}.
   *
   * @param latentVars each latent variable to its {@code Empirical}
   * @param data each observed variable to its data (a placeholder for minibatches)
   * @throws IllegalArgumentException for a latent without an Empirical or a shape mismatch
   */
  public SGLD(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
  }

  /**
   * Edward's list form: each latent gets an {@code Empirical} of 10,000 draws.
   *
   * @param latentVars the latent variables
   * @param data each observed variable to its data
   * @throws IllegalArgumentException for an empty list or an element that is not a random variable
   */
  public SGLD(List<? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    super(latentVars, data);
  }

  @Override
  protected SgldOptions defaultOptions() {
    return SgldOptions.defaults();
  }

  @Override
  protected boolean movesOnReals() {
    return true;
  }

  @Override
  protected KernelStep buildStep(SgldOptions options, Chain chain) {
    SgldKernel kernel = SgldKernel.builder().stepSize(options.stepSize()).build();
    return kernel.step(context(), chain.tf(), chain.logJoint(), chain.current(), chain.t());
  }
}
