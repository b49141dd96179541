package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.edward4j.criticisms.quality.ClassifierScore;
import org.edward4j.criticisms.quality.FeatureGaussian;
import org.edward4j.criticisms.quality.FrechetDistance;
import org.edward4j.examples.classifier.MnistConvNet;
import org.edward4j.criticisms.quality.NearestNeighbourAccuracy;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.criticisms.quality.SampleQuality;
import org.edward4j.criticisms.quality.SplitClassifierScore;
import org.edward4j.datasets.Mnist;
import org.edward4j.plots.ImageGrid;

/**
 * Measures a trained example against real MNIST with the cached classifier, and fills a {@link
 * QualityReport}: classifier score (over all images at once, and as the usual mean over 10 splits)
 * and Frechet distance of generated images (with the real test images' figures as the reference), and for examples with an encoder the 1-nearest-neighbour
 * accuracy of its codes (Donahue et al., 2017, Table 1: training codes as references, test codes as
 * queries).
 */
final class QualityMeasurement {

  private final Mnist mnist;
  private final SampleQuality quality;
  private final double realTrainToTest;
  private final MnistConvNet classifier;
  private final SplitClassifierScore realSplits;

  /** Classifies the real test and training images once (about half a minute on two cores). */
  QualityMeasurement(Mnist mnist, MnistConvNet classifier) {
    this.mnist = mnist;
    this.quality = SampleQuality.against(classifier, mnist.test().firstImages(mnist.test().size()));
    FeatureGaussian train = FeatureGaussian.fit(classifier.classify(mnist.train().firstImages(mnist.train().size())));
    this.realTrainToTest = FrechetDistance.between(train, quality.reference());
    this.classifier = classifier;
    this.realSplits = SplitClassifierScore.of(classifier.classify(mnist.test().firstImages(mnist.test().size())),
        SplitClassifierScore.USUAL_SPLITS);
  }

  /**
   * Measures a trained example and adds its rows to {@code report}.
   *
   * @param trained the example's networks
   * @param samples how many images to generate
   * @param grid where to write a grid of the first generated images, or {@code null}
   * @param report the report to fill
   * @throws IOException if the grid cannot be written
   */
  void measure(TrainedExample trained, int samples, Path grid, QualityReport.Builder report) throws IOException {
    measure(trained, samples, grid, null, report);
  }

  /**
   * Measures a trained example and adds its rows to {@code report}; for an example with an encoder
   * and a non-null {@code authorsSplit}, also the 1-NN accuracies on the BiGAN authors' split
   * ({@link AuthorsSplit}: metrics {@code nearest_neighbour_accuracy_authors_split} and {@code
   * pixel_nearest_neighbour_accuracy_authors_split}, beside ours, which stay).
   *
   * @param trained the example's networks
   * @param samples how many images to generate
   * @param grid where to write a grid of the first generated images, or {@code null}
   * @param authorsSplit the split of the training images, or {@code null} for ours only
   * @param report the report to fill
   * @throws IOException if the grid cannot be written
   */
  void measure(TrainedExample trained, int samples, Path grid, AuthorsSplit authorsSplit, QualityReport.Builder report)
      throws IOException {
    long start = System.nanoTime();
    float[] images = trained.generate(samples);
    if (grid != null) {
      float[] first = new float[Math.min(64, samples) * 784];
      System.arraycopy(images, 0, first, 0, first.length);
      ImageGrid.of(first, 28, 28).rows(8).cols(first.length / 784 / 8).scale(2).build().writePng(grid);
    }
    SampleQuality.Scores s = quality.measure(images);
    SplitClassifierScore split = SplitClassifierScore.of(classifier.classify(images), SplitClassifierScore.USUAL_SPLITS);
    ClassifierScore real = quality.referenceScore();
    report.metric("classifier_score", s.classifierScore().score(), String.format(
            "%d generated images; at most %.3f for their class balance, 10 in all", samples, s.classifierScore().ceiling()))
        .metric("classifier_score_10_splits", split.mean(), String.format(
            "mean over 10 splits of %d images (Salimans et al., 2016), standard deviation %.3f", samples / 10, split.std()))
        .metric("classifier_score_10_splits_std", split.std(), "population standard deviation over the 10 splits")
        .metric("frechet_distance", s.frechetDistance(),
            "classifier features of generated vs the 10,000 real test images")
        .metric("real_classifier_score", real.score(), "the 10,000 real test images: the classifier's own ceiling")
        .metric("real_classifier_score_10_splits", realSplits.mean(), String.format(
            "the real test images in 10 splits of 1,000, standard deviation %.3f", realSplits.std()))
        .metric("real_frechet_distance", realTrainToTest, "real training vs real test images: the floor");
    trained.encoder().ifPresent(encoder -> {
      float[] trainCodes = encoder.encode(mnist.train().firstImages(mnist.train().size()));
      float[] testCodes = encoder.encode(mnist.test().firstImages(mnist.test().size()));
      double acc = NearestNeighbourAccuracy.builder(encoder.dimension())
          .references(trainCodes, mnist.train().labels()).queries(testCodes, mnist.test().labels()).build().accuracy();
      report.metric("nearest_neighbour_accuracy", acc, String.format(
          "1-NN test accuracy of the %d-d encoder codes (Euclidean; 60,000 training codes as references)",
          encoder.dimension()));
      double pixels = NearestNeighbourAccuracy.builder(784)
          .references(mnist.train().firstImages(mnist.train().size()), mnist.train().labels())
          .queries(mnist.test().firstImages(mnist.test().size()), mnist.test().labels()).build().accuracy();
      report.metric("pixel_nearest_neighbour_accuracy", pixels, "the same test on raw pixels, for reference");
      if (authorsSplit != null) {
        int d = encoder.dimension();
        int[] labels = mnist.train().labels();
        double codes = NearestNeighbourAccuracy.builder(d)
            .references(AuthorsSplit.rows(trainCodes, d, authorsSplit.references()),
                AuthorsSplit.labels(labels, authorsSplit.references()))
            .queries(AuthorsSplit.rows(trainCodes, d, authorsSplit.queries()),
                AuthorsSplit.labels(labels, authorsSplit.queries()))
            .build().accuracy();
        report.metric("nearest_neighbour_accuracy_authors_split", codes, String.format(
            "the authors' NNC_e split: %d training codes as queries against the other %d (seen in training here)",
            authorsSplit.queries().length, authorsSplit.references().length));
        float[] trainPixels = mnist.train().firstImages(mnist.train().size());
        double pixelsSplit = NearestNeighbourAccuracy.builder(784)
            .references(AuthorsSplit.rows(trainPixels, 784, authorsSplit.references()),
                AuthorsSplit.labels(labels, authorsSplit.references()))
            .queries(AuthorsSplit.rows(trainPixels, 784, authorsSplit.queries()),
                AuthorsSplit.labels(labels, authorsSplit.queries()))
            .build().accuracy();
        report.metric("pixel_nearest_neighbour_accuracy_authors_split", pixelsSplit,
            "the authors' split on raw pixels, for reference");
      }
    });
    report.setting("measure_seconds", round((System.nanoTime() - start) / 1e9));
  }

  static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
