package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.edward4j.datasets.Mnist;
import org.edward4j.datasets.MnistSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Javadoc examples of the quality package, written out so they compile and run on synthetic
 * digits; those that train or load the real classifier are compiled only ({@link
 * RealMnistQualityTest} exercises the same calls on real MNIST).
 */
class JavadocExamplesTest {

  @TempDir Path dir;

  @Test
  void classifierAndMetricsExamples() {
    MnistSplit test = SyntheticDigits.split("test", 200, 9);
    try (MnistConvNet net = MnistConvNet.create(42)) {
      // From MnistConvNet's Javadoc:
      ClassifierOutputs out = net.classify(test.firstImages(100));
      float[] logProbs = out.logProbs();
      assertEquals(100 * 10, logProbs.length);
      ImageClassifier classifier = net;
      float[] generatedImages = test.firstImages(50);
      float[] testImages = test.firstImages(200);
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

  /** Compiled, not run: these examples train or load the real classifier on real MNIST. */
  @SuppressWarnings("unused")
  private static void examplesNeedingMnist() throws IOException {
    Mnist mnist = Mnist.load();
    // From ImageClassifier's and ClassifierCache's Javadoc:
    try (MnistConvNet classifier = ClassifierCache.loadOrTrain(mnist, System.out)) {
      System.out.println(ClassifierCache.testAccuracy(ClassifierCache.defaultDirectory()));
    }
    // From ClassifierTraining's Javadoc:
    try (MnistConvNet net = MnistConvNet.create(42)) {
      ClassifierTraining.Report report = ClassifierTraining.builder().epochs(5).build().train(net, Mnist.load());
      System.out.println(report);
    }
  }
}
