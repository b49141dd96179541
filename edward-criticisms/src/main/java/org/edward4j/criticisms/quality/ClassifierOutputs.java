package org.edward4j.criticisms.quality;

import java.util.Objects;

/**
 * What an {@link ImageClassifier} returns for a batch: log-probabilities and features, copied into
 * Java arrays, row-major.
 *
 * @param count the number of images {@code n}
 * @param numClasses the number of classes {@code K}
 * @param featureSize the feature width {@code F}
 * @param logProbs {@code log p(y | x)}, {@code [n, K]}
 * @param features the feature map, {@code [n, F]}
 */
public record ClassifierOutputs(int count, int numClasses, int featureSize, float[] logProbs, float[] features) {

  /**
   * Checks the arrays' sizes.
   *
   * @param count the number of images, positive
   * @param numClasses {@code K}, positive
   * @param featureSize {@code F}, positive
   * @param logProbs {@code [count, K]} values
   * @param features {@code [count, F]} values
   */
  public ClassifierOutputs {
    Objects.requireNonNull(logProbs, "logProbs");
    Objects.requireNonNull(features, "features");
    if (count <= 0 || numClasses <= 0 || featureSize <= 0) {
      throw new IllegalArgumentException("`count`, `numClasses` and `featureSize` must be positive, got "
          + count + ", " + numClasses + ", " + featureSize);
    }
    if (logProbs.length != (long) count * numClasses) {
      throw new IllegalArgumentException(
          "`logProbs` must hold " + count + " x " + numClasses + " values, got " + logProbs.length);
    }
    if (features.length != (long) count * featureSize) {
      throw new IllegalArgumentException(
          "`features` must hold " + count + " x " + featureSize + " values, got " + features.length);
    }
  }

  /**
   * The most probable class of each image (the first one on ties).
   *
   * @return one class in {@code 0..K-1} per image
   */
  public int[] predictedClasses() {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      int best = 0;
      for (int k = 1; k < numClasses; k++) {
        if (logProbs[i * numClasses + k] > logProbs[i * numClasses + best]) {
          best = k;
        }
      }
      out[i] = best;
    }
    return out;
  }

  @Override
  public String toString() {
    return "ClassifierOutputs(n=" + count + ", classes=" + numClasses + ", features=" + featureSize + ")";
  }
}
