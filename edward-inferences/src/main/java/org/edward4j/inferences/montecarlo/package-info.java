/**
 * Edward's Monte Carlo inferences and their in-graph building blocks. The inferences, on the {@code
 * Inference} lifecycle: {@link org.edward4j.inferences.montecarlo.MonteCarlo} (the base: {@code
 * Empirical} posteriors, the log joint through graph copies, one draw per {@code update}), {@link
 * org.edward4j.inferences.montecarlo.HMC}, {@link org.edward4j.inferences.montecarlo.MetropolisHastings},
 * {@link org.edward4j.inferences.montecarlo.SGLD}, {@link org.edward4j.inferences.montecarlo.SGHMC}
 * and {@link org.edward4j.inferences.montecarlo.ReplicaExchangeMC}, each with its options record.
 *
 * <p>The building blocks: transition kernels that turn
 * the current state of the latent variables into the next one inside the TensorFlow graph, and the
 * storage of the draws in an {@code Empirical}'s {@code params} variable.
 *
 * <p>A kernel is given the model's log joint density as a {@link
 * org.edward4j.inferences.montecarlo.LogJoint} (a Java function that builds {@code log p(x, z)} in
 * the graph at given latent values) and the current state, and returns a {@link
 * org.edward4j.inferences.montecarlo.KernelStep}: the next state, whether the proposal was
 * accepted, and any extra assignments (SGHMC's velocity). A {@link
 * org.edward4j.inferences.montecarlo.SampleStore} reads the current state from row {@code t - 1}
 * of each {@code params} variable and writes the next one in row {@code t}, counting acceptances,
 * so one {@code Session.run} of its update op draws one sample, as Edward's {@code MonteCarlo}.
 *
 * <ul>
 *   <li>{@link org.edward4j.inferences.montecarlo.HmcKernel}: Hamiltonian Monte Carlo (R. M.
 *       Neal, MCMC using Hamiltonian dynamics, Handbook of MCMC, 2011) over {@link
 *       org.edward4j.inferences.montecarlo.Leapfrog};
 *   <li>{@link org.edward4j.inferences.montecarlo.MetropolisHastingsKernel}: Metropolis-Hastings
 *       with a {@link org.edward4j.inferences.montecarlo.Proposal};
 *   <li>{@link org.edward4j.inferences.montecarlo.SgldKernel}: stochastic gradient Langevin
 *       dynamics (M. Welling and Y. W. Teh, ICML 2011);
 *   <li>{@link org.edward4j.inferences.montecarlo.SghmcKernel}: stochastic gradient Hamiltonian
 *       Monte Carlo (T. Chen, E. B. Fox and C. Guestrin, ICML 2014);
 *   <li>{@link org.edward4j.inferences.montecarlo.ReplicaExchangeKernel}: replica exchange
 *       (R. H. Swendsen and J.-S. Wang, 1986; K. Hukushima and K. Nemoto, 1996).
 * </ul>
 *
 * <p>Gradient-based kernels move in the reals; {@link
 * org.edward4j.inferences.montecarlo.UnconstrainedLogJoint} re-expresses a log joint over
 * constrained latents (each with its {@link org.edward4j.inferences.montecarlo.Support}) on the
 * reals, as Edward's {@code auto_transform}.
 *
 * <p>Random draws (momenta, proposals, uniforms of the accept test, Langevin noise) come from
 * stateless random ops keyed by the context's random step, so a run restored from a checkpoint
 * continues the same stream.
 */
package org.edward4j.inferences.montecarlo;
