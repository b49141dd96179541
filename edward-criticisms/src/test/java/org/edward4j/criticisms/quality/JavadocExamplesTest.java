package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Javadoc examples of the quality package, written out so they compile and run on synthetic
 * digits (the examples module compiles those of the MNIST classifier harness).
 */
class JavadocExamplesTest {

  @TempDir Path dir;

  @Test
  void classifierAndMetricsExamples() {
    java.util.Random rng = new java.util.Random(9);
    {
      // A fixed function of 4-pixel "images" stands in for the examples' trained MnistConvNet.
      ImageClassifier classifier = new FixedClassifier(4, 1.0);
      float[] generatedImages = new float[50 * 4];
      float[] testImages = new float[200 * 4];
      for (int i = 0; i < testImages.length; i++) {
        testImages[i] = rng.nextFloat();
        if (i < generatedImages.length) {
          generatedImages[i] = rng.nextFloat() * 0.5f;
        }
      }
      // From ClassifierScore's, FeatureGaussian's, FrechetDistance's and SampleQuality's Javadoc:
      ClassifierScore s = ClassifierScore.of(classifier, generatedImages);
      assertTrue(s.score() <= s.ceiling() + 1e-9);
      FeatureGaussian real = FeatureGaussian.fit(classifier.classify(testImages));
      FeatureGaussian fake = FeatureGaussian.fit(classifier.classify(generatedImages));
      double fid = FrechetDistance.between(real, fake);
      assertTrue(fid >= 0);
      SampleQuality quality = SampleQuality.against(classifier, testImages);
      SampleQuality.Scores scores = quality.measure(generatedImages);
      assertTrue(scores.frechetDistance() >= 0);
    }
  }

  @Test
  void nearestNeighbourAndReportExamples() throws IOException {
    float[] encodedTrain = {0, 0, 5, 5};
    float[] encodedTest = {1, 0, 4, 6};
    int[] trainLabels = {3, 7};
    int[] testLabels = {3, 7};
    // From NearestNeighbourAccuracy's Javadoc (with 2-d codes):
    double acc = NearestNeighbourAccuracy.builder(2)
        .references(encodedTrain, trainLabels)
        .queries(encodedTest, testLabels)
        .build().accuracy();
    assertEquals(1.0, acc);
    // From QualityReport's Javadoc:
    QualityReport report = QualityReport.builder("gan").setting("iterations", 15000)
        .metric("classifier_score", 8.7, "ceiling 9.9").build();
    assertTrue(report.toTable().contains("8.7000"));
    report.writeJson(dir.resolve("out/quality/gan.json"));
  }
}
