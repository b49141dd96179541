package org.edward4j.criticisms.quality;

import java.util.Objects;

/**
 * A classifier of flattened images that also exposes a feature map: what the classifier score
 * ({@code p(y | x)}) and the Frechet distance (features) need from it.
 *
 * <p>The examples' {@code MnistConvNet} is the project's trained one; tests use fixed functions, so
 * the metrics can be checked on inputs with known answers. Implementations must be deterministic: the same
 * images give the same outputs.
 *
 * <pre>{@code
 * ImageClassifier classifier = new MyClassifier();   // any implementation, e.g. a trained network
 * double score = ClassifierScore.of(classifier, generatedImages).score();
 * }</pre>
 */
public interface ImageClassifier {

  /**
   * Values per image, e.g. 784 for 28x28 grey levels.
   *
   * @return the image size
   */
  int pixelsPerImage();

  /**
   * The number of classes {@code K}.
   *
   * @return {@code K}
   */
  int numClasses();

  /**
   * The width of the feature map.
   *
   * @return the feature width
   */
  int featureSize();

  /**
   * Classifies a batch of images.
   *
   * @param pixels {@code n * pixelsPerImage()} values, image after image
   * @return log-probabilities {@code [n, K]} and features {@code [n, featureSize()]}
   * @throws IllegalArgumentException for an empty batch, a length that is not a multiple of
   *     {@code pixelsPerImage()}, or a NaN pixel
   */
  ClassifierOutputs classify(float[] pixels);

  /**
   * Checks a batch of images for {@link #classify} and returns its size.
   *
   * @param classifier the classifier whose image size applies
   * @param pixels the images
   * @param argument the argument's name for the message
   * @return the number of images
   * @throws IllegalArgumentException as {@link #classify} documents
   */
  static int checkImages(ImageClassifier classifier, float[] pixels, String argument) {
    Objects.requireNonNull(pixels, argument);
    int p = classifier.pixelsPerImage();
    if (pixels.length == 0 || pixels.length % p != 0) {
      throw new IllegalArgumentException("`" + argument + "` must hold a positive multiple of " + p
          + " values (one image per " + p + "), got " + pixels.length);
    }
    for (int i = 0; i < pixels.length; i++) {
      if (Float.isNaN(pixels[i])) {
        throw new IllegalArgumentException(
            "`" + argument + "` must not contain NaN, found one in image " + i / p + " at pixel " + i % p);
      }
    }
    return pixels.length / p;
  }
}
