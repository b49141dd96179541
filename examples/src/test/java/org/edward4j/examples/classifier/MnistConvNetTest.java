package org.edward4j.examples.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edward4j.datasets.MnistSplit;
import org.junit.jupiter.api.Test;
import org.edward4j.criticisms.quality.ClassifierOutputs;

class MnistConvNetTest {

  @Test
  void classifiesIntoNormalizedLogProbabilitiesAndReluFeatures() {
    MnistSplit data = SyntheticDigits.split("synthetic", 7, 1);
    try (MnistConvNet net = MnistConvNet.create(3)) {
      ClassifierOutputs out = net.classify(data.firstImages(7));
      assertEquals(7, out.count());
      assertEquals(10 * 7, out.logProbs().length);
      assertEquals(MnistConvNet.FEATURES * 7, out.features().length);
      for (int i = 0; i < 7; i++) {
        double total = 0;
        for (int k = 0; k < 10; k++) {
          total += Math.exp(out.logProbs()[i * 10 + k]);
        }
        // A float32 softmax row sums to one within a few ulps of 1.
        assertEquals(1.0, total, 1e-5);
      }
      for (float f : out.features()) {
        assertTrue(f >= 0, "features come after a ReLU");
      }
      assertArrayEquals(out.logProbs(), net.classify(data.firstImages(7)).logProbs(), "deterministic");
    }
  }

  @Test
  void chunkedClassificationMatchesOneImageAtATime() {
    MnistSplit data = SyntheticDigits.split("synthetic", 501, 2);
    try (MnistConvNet net = MnistConvNet.create(4)) {
      ClassifierOutputs all = net.classify(data.firstImages(501));
      ClassifierOutputs last = net.classify(data.image(500));
      for (int k = 0; k < 10; k++) {
        // The same image in another batch goes through the same float32 kernels; 1e-5 allows for
        // a different summation order in a batched convolution.
        assertEquals(last.logProbs()[k], all.logProbs()[500 * 10 + k], 1e-5);
      }
    }
  }

  @Test
  void learnsSeparableSyntheticDigits() {
    MnistSplit train = SyntheticDigits.split("train", 1000, 5);
    MnistSplit test = SyntheticDigits.split("test", 300, 6);
    try (MnistConvNet net = MnistConvNet.create(7)) {
      double before = net.accuracy(test.firstImages(300), test.labels());
      ClassifierTraining.Report report =
          ClassifierTraining.builder().epochs(2).batchSize(50).build().train(net, train, test);
      // Untrained, the network is near chance (0.1); the ten squares do not overlap, so 40 Adam
      // steps separate them almost perfectly. 0.95 fails any network that did not learn.
      assertTrue(before < 0.5, "untrained accuracy " + before);
      assertTrue(report.testAccuracy() >= 0.95, report.toString());
      assertEquals(40, report.steps());
    }
  }

  @Test
  void badImagesAreRejectedNamingTheArgument() {
    try (MnistConvNet net = MnistConvNet.create(1)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.classify(new float[783]));
      assertTrue(e.getMessage().contains("`pixels`") && e.getMessage().contains("784"), e.getMessage());
      float[] nan = new float[784];
      nan[17] = Float.NaN;
      e = assertThrows(IllegalArgumentException.class, () -> net.classify(nan));
      assertTrue(e.getMessage().contains("NaN"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> net.accuracy(new float[784], new int[2]));
      assertTrue(e.getMessage().contains("`trueLabels`"), e.getMessage());
    }
  }

  @Test
  void closingTwiceIsSafeAndUseAfterCloseFails() {
    MnistConvNet net = MnistConvNet.create(1);
    net.close();
    net.close();
    assertThrows(IllegalStateException.class, () -> net.classify(new float[784]));
    assertTrue(net.toString().contains("closed"), net.toString());
  }
}
