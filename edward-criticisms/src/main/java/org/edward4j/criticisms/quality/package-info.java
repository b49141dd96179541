/**
 * Sample quality of image models, measured with a classifier the project trains: the classifier
 * score (Inception Score), the Frechet distance between Gaussians fitted to the classifier's
 * features, and the 1-nearest-neighbour accuracy of a feature map such as a BiGAN encoder.
 *
 * <p>{@link org.edward4j.criticisms.quality.MnistConvNet} is the classifier, trained by {@link
 * org.edward4j.criticisms.quality.ClassifierTraining} and kept in the cache by {@link
 * org.edward4j.criticisms.quality.ClassifierCache}. The metrics take any {@link
 * org.edward4j.criticisms.quality.ImageClassifier} so they can be checked against fixed functions
 * with known answers.
 */
package org.edward4j.criticisms.quality;
