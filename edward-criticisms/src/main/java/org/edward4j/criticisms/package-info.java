/**
 * Criticism, Edward's third pillar after modelling and inference: {@code evaluate} scores a fitted
 * model's posterior predictive against held-out data with Edward's metric names, and posterior
 * predictive checks compare a test statistic of replicated data with its observed value.
 *
 * <p>Sample-quality metrics for image models (classifier score, Frechet distance, 1-nearest-
 * neighbour accuracy of a feature map) live in {@link org.edward4j.criticisms.quality}.
 */
package org.edward4j.criticisms;
