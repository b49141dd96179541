/**
 * SavedModel export: {@link org.edward4j.core.savedmodel.SavedModelExport} writes trained network
 * functions ({@link org.edward4j.core.savedmodel.ExportedFunction}: a GAN generator, a BiGAN
 * encoder) as a TensorFlow SavedModel with named signatures, which TensorFlow Java's {@code
 * SavedModelBundle.load}, Python's {@code tf.saved_model.load} and TensorFlow Serving read.
 */
package org.edward4j.core.savedmodel;
