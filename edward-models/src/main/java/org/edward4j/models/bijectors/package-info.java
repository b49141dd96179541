/**
 * Bijectors for {@link org.edward4j.models.TransformedDistribution}: a {@link
 * org.edward4j.models.bijectors.Bijector} is a differentiable bijection with its inverse and
 * log-Jacobian determinants; {@link org.edward4j.models.bijectors.Bijectors} makes {@code Exp},
 * {@code Softplus}, {@code Sigmoid}, the affine map, the identity and the stick-breaking map onto
 * the simplex; {@link org.edward4j.models.bijectors.Support} names where values live, so a
 * mismatch is rejected at build time and an inference can fit a constrained latent on the real
 * line ({@link org.edward4j.models.bijectors.Support#unconstraining()}, Edward's {@code
 * auto_transform}).
 */
package org.edward4j.models.bijectors;
