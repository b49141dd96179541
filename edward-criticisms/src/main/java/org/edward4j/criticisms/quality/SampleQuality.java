package org.edward4j.criticisms.quality;

import java.util.Objects;

/**
 * Measures generated images against real ones with one classifier: the classifier score of the
 * generated images and the Frechet distance between the Gaussians fitted to the two sets'
 * features. The real images are classified once, when this is created.
 *
 * <p>{@code score = exp(E_x KL(p(y | x) || p(y)))} ({@link ClassifierScore}); {@code FD = |mu_r -
 * mu_g|^2 + Tr(S_r + S_g - 2 (S_r S_g)^(1/2))} ({@link FrechetDistance}). Real test images score
 * near the classifier's ceiling and lie near zero distance from the training images; a generator
 * of one constant image scores 1.
 *
 * <p>Limits: the distance grows as the number of images shrinks (its estimate is biased by about
 * {@code Tr(S_r + S_g) / n}); compare runs at the same {@code n}.
 *
 * <pre>{@code
 * SampleQuality quality = SampleQuality.against(classifier, mnist.test().firstImages(10000));
 * SampleQuality.Scores s = quality.measure(generatedImages);
 * System.out.println(s.classifierScore().score() + " " + s.frechetDistance());
 * }</pre>
 */
public final class SampleQuality {

  private final ImageClassifier classifier;
  private final FeatureGaussian reference;
  private final ClassifierScore referenceScore;

  private SampleQuality(ImageClassifier classifier, ClassifierOutputs real) {
    this.classifier = classifier;
    this.reference = FeatureGaussian.fit(real);
    this.referenceScore = ClassifierScore.of(real);
  }

  /**
   * Classifies the real images and keeps their feature Gaussian and score.
   *
   * @param classifier the classifier
   * @param realImages at least two real images, {@code pixelsPerImage} values each
   * @return the measure
   * @throws IllegalArgumentException for fewer than two images, a wrong length, or NaN
   */
  public static SampleQuality against(ImageClassifier classifier, float[] realImages) {
    Objects.requireNonNull(classifier, "classifier");
    ImageClassifier.checkImages(classifier, realImages, "realImages");
    return new SampleQuality(classifier, classifier.classify(realImages));
  }

  /**
   * Scores images against the real ones.
   *
   * @param images at least two images, {@code pixelsPerImage} values each
   * @return the classifier score and the Frechet distance
   * @throws IllegalArgumentException for fewer than two images, a wrong length, or NaN
   */
  public Scores measure(float[] images) {
    ImageClassifier.checkImages(classifier, images, "images");
    ClassifierOutputs out = classifier.classify(images);
    return new Scores(ClassifierScore.of(out), FrechetDistance.between(reference, FeatureGaussian.fit(out)));
  }

  /**
   * The Gaussian fitted to the real images' features.
   *
   * @return the mean and covariance of the real images' features
   */
  public FeatureGaussian reference() {
    return reference;
  }

  /**
   * The classifier score of the real images: what a perfect generator would reach.
   *
   * @return the real images' score and ceiling
   */
  public ClassifierScore referenceScore() {
    return referenceScore;
  }

  @Override
  public String toString() {
    return "SampleQuality(" + classifier + ", " + reference.count() + " real images scoring "
        + String.format("%.4f", referenceScore.score()) + ")";
  }

  /**
   * The quality of one set of images.
   *
   * @param classifierScore the images' classifier score
   * @param frechetDistance the squared Frechet distance from the real images' features
   */
  public record Scores(ClassifierScore classifierScore, double frechetDistance) {
    @Override
    public String toString() {
      return String.format("Scores(classifier score %.4f, Frechet distance %.4f, n=%d)", classifierScore.score(),
          frechetDistance, classifierScore.count());
    }
  }
}
