package org.edward4j.examples.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.edward4j.criticisms.quality.ClassifierOutputs;
import org.edward4j.criticisms.quality.ClassifierScore;
import org.edward4j.criticisms.quality.FeatureGaussian;
import org.edward4j.criticisms.quality.FrechetDistance;
import org.edward4j.criticisms.quality.NearestNeighbourAccuracy;
import org.edward4j.datasets.Mnist;
import org.edward4j.datasets.MnistSplit;
import org.edward4j.examples.OfflineMnist;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real classifier on real MNIST: trained once into the cache (a few minutes on two cores) and
 * checked against what its metrics must give on known inputs.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealMnistQualityTest {

  private Mnist mnist;
  private MnistConvNet classifier;
  private ClassifierOutputs train;
  private ClassifierOutputs test;

  @BeforeAll
  void trainOrLoad() throws IOException {
    OfflineMnist.assumeCached();
    mnist = Mnist.load();
    classifier = ClassifierCache.loadOrTrain(mnist, System.out);
    train = classifier.classify(mnist.train().firstImages(mnist.train().size()));
    test = classifier.classify(mnist.test().firstImages(mnist.test().size()));
  }

  @AfterAll
  void close() {
    if (classifier != null) {
      classifier.close();
    }
  }

  @Test
  void theClassifierReachesNinetyNinePercentOnTheTestSet() {
    double accuracy = classifier.accuracy(mnist.test().firstImages(mnist.test().size()), mnist.test().labels());
    System.out.printf("classifier test accuracy %.4f%n", accuracy);
    assertTrue(accuracy >= 0.99, "test accuracy " + accuracy);
  }

  @Test
  void realTestImagesScoreCloseToTheCeiling() {
    ClassifierScore s = ClassifierScore.of(test);
    System.out.println("real test images: " + s);
    // MNIST's test classes are near-balanced (ceiling ~ 9.99 of at most 10) and a 99% classifier is
    // confident on almost every image: the score should lose at most a few percent of the ceiling.
    assertTrue(s.score() >= 0.95 * s.ceiling() && s.ceiling() > 9.9, s.toString());
  }

  @Test
  void realTestFeaturesAreNearTheTrainingFeatures() {
    FeatureGaussian trainGaussian = FeatureGaussian.fit(train);
    double testToTrain = FrechetDistance.between(trainGaussian, FeatureGaussian.fit(test));
    float[] constant = new float[1000 * 784];
    float[] digit = mnist.test().image(0);
    for (int i = 0; i < 1000; i++) {
      System.arraycopy(digit, 0, constant, i * 784, 784);
    }
    ClassifierOutputs constantOut = classifier.classify(constant);
    double constantToTrain = FrechetDistance.between(trainGaussian, FeatureGaussian.fit(constantOut));
    System.out.printf("Frechet distance to the training features: test images %.4f, one repeated image %.2f%n",
        testToTrain, constantToTrain);
    System.out.println("one repeated test image: " + ClassifierScore.of(constantOut));
    assertEquals(1.0, ClassifierScore.of(constantOut).score(), 1e-4, "one image repeated scores 1");
    // Real test images should be at a small fraction of the distance of a collapsed generator.
    assertTrue(testToTrain < 0.01 * constantToTrain, testToTrain + " vs " + constantToTrain);
  }

  @Test
  void nearestNeighboursInFeatureSpaceFindTheLabelAndShuffledLabelsGiveChance() {
    MnistSplit trainSplit = mnist.train();
    double acc = NearestNeighbourAccuracy.builder(MnistConvNet.FEATURES)
        .references(train.features(), trainSplit.labels()).queries(test.features(), mnist.test().labels())
        .build().accuracy();
    int[] shuffled = trainSplit.labels().clone();
    Random rng = new Random(11);
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    double chance = NearestNeighbourAccuracy.builder(MnistConvNet.FEATURES)
        .references(train.features(), shuffled).queries(test.features(), mnist.test().labels())
        .build().accuracy();
    System.out.printf("1-NN accuracy of the classifier's features: %.4f; with shuffled labels %.4f%n", acc, chance);
    assertTrue(acc >= 0.98, "1-NN accuracy " + acc);
    // Chance is about 0.1; over 10,000 queries the standard error is 0.003, so 0.02 is six of them.
    assertEquals(0.1, chance, 0.02);
  }
}
