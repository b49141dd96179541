package org.edward4j.examples.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.edward4j.criticisms.quality.ClassifierOutputs;
import org.edward4j.datasets.Mnist;
import org.edward4j.datasets.MnistSplit;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc examples of the classifier harness: those that need only an untrained network run
 * on synthetic digits; those that train or load the real classifier are compiled only ({@link
 * RealMnistQualityTest} exercises the same calls on real MNIST).
 */
class JavadocExamplesTest {

  @Test
  void classifyExample() {
    MnistSplit test = SyntheticDigits.split("test", 100, 9);
    try (MnistConvNet net = MnistConvNet.create(42)) {
      // From MnistConvNet's Javadoc:
      ClassifierOutputs out = net.classify(test.firstImages(100));
      float[] logProbs = out.logProbs();
      assertEquals(100 * 10, logProbs.length);
    }
  }

  /** Compiled, not run: these examples train or load the real classifier on real MNIST. */
  @SuppressWarnings("unused")
  private static void examplesNeedingMnist() throws IOException {
    Mnist mnist = Mnist.load();
    // From ClassifierCache's Javadoc:
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
