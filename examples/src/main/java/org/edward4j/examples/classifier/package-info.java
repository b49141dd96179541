/**
 * The MNIST classifier that {@code bin/edward quality} measures samples with: {@link
 * org.edward4j.examples.classifier.MnistConvNet}, trained by {@link
 * org.edward4j.examples.classifier.ClassifierTraining} and kept in the dataset cache by {@link
 * org.edward4j.examples.classifier.ClassifierCache}. The metrics themselves (classifier score,
 * Frechet distance, 1-NN accuracy) are generic and live in {@code org.edward4j.criticisms.quality};
 * this harness only supplies them a trained {@code ImageClassifier}.
 */
package org.edward4j.examples.classifier;
