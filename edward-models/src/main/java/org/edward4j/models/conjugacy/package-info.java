/**
 * Edward's {@code ed.complete_conditional}: {@link org.edward4j.models.conjugacy.Conjugacy} finds a
 * latent's conditional given the other random variables for the conjugate pairs Gibbs sampling
 * needs, matching patterns on the random-variable graph, and refuses anything else with a {@link
 * org.edward4j.models.conjugacy.NoConjugateFormException} that says why.
 */
package org.edward4j.models.conjugacy;
