/**
 * Graph copies, Edward's {@code ed.copy}: {@link org.edward4j.core.copy.GraphCopy} rebuilds a
 * random variable or tensor with some ancestors swapped for other tensors (a posterior sample for a
 * latent variable, data for an observed one) and its randomness redrawn, leaving the original
 * graph intact. Variational inference evaluates the model at posterior samples with it, and
 * posterior predictive checks build {@code x_post = copy(x, {z: qz})} with it.
 *
 * <p>It lives in core because it needs only the graph and the {@code RandomVariable} contract: the
 * distributions rebuild themselves through {@code withParameters}.
 */
package org.edward4j.core.copy;
