/**
 * Sample quality of image models, measured with a given classifier: the classifier
 * score (Inception Score), the Frechet distance between Gaussians fitted to the classifier's
 * features, and the 1-nearest-neighbour accuracy of a feature map such as a BiGAN encoder.
 *
 * <p>The metrics take any {@link org.edward4j.criticisms.quality.ImageClassifier}, so they can be
 * checked against fixed functions with known answers; the examples module trains the MNIST
 * classifier that {@code bin/edward quality} hands them ({@code org.edward4j.examples.classifier}).
 */
package org.edward4j.criticisms.quality;
