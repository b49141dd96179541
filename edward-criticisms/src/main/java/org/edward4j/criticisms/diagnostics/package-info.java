/**
 * Convergence diagnostics for Markov chain Monte Carlo draws, over plain Java arrays: the
 * autocorrelation of a chain, the effective sample size (Geyer's initial monotone sequence
 * estimator, as Stan computes it), the potential scale reduction R-hat (split, and rank-normalized
 * after Vehtari et al. 2021), Monte Carlo standard errors, a summary table like Stan's {@code
 * print(fit)}, and trace and autocorrelation plots as PNG.
 *
 * <p>Edward never had these; every MCMC user expects them. Draws are given as {@code
 * double[chains][draws]} (one row per chain, all rows of the same length), as fetched from the
 * {@code params} of Monte Carlo inference's {@code Empirical} approximations.
 *
 * <p>References: C. J. Geyer, Practical Markov chain Monte Carlo, Statistical Science 7 (1992);
 * A. Gelman et al., Bayesian Data Analysis, 3rd ed. (2013), section 11.4-11.5; A. Vehtari, A.
 * Gelman, D. Simpson, B. Carpenter and P.-C. Buerkner, Rank-normalization, folding, and
 * localization: an improved R-hat for assessing convergence of MCMC, Bayesian Analysis 16 (2021).
 */
package org.edward4j.criticisms.diagnostics;
