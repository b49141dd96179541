package org.edward4j.criticisms.quality;

import java.util.Objects;

/**
 * The classifier score, the Inception Score of Salimans et al. (2016), "Improved Techniques for
 * Training GANs", computed with the project's own classifier instead of Inception.
 *
 * <p>{@code score = exp(E_x KL(p(y | x) || p(y)))} with {@code p(y) = E_x p(y | x)}, both
 * expectations over the given images. It is high when each image is classified confidently and
 * the classes are used evenly. Equivalently {@code score = exp(H(p(y)) - E_x H(p(y | x)))}, so it
 * never exceeds {@code ceiling = exp(H(p(y)))}, reached when every {@code p(y | x)} is one-hot,
 * and never exceeds {@code K}; images all classified alike give 1.
 *
 * <p>Limits: computed over all images at once (Salimans et al. average ten splits, which gives a
 * slightly lower value for small samples); not comparable with Inception-based scores.
 *
 * <pre>{@code
 * ClassifierScore s = ClassifierScore.of(classifier, generatedImages);
 * System.out.println(s.score() + " of at most " + s.ceiling());
 * }</pre>
 *
 * @param score {@code exp(E_x KL(p(y | x) || p(y)))}
 * @param ceiling {@code exp(H(p(y)))}: the score if the same marginal came from one-hot predictions
 * @param count the number of images
 */
public record ClassifierScore(double score, double ceiling, int count) {

  /**
   * Classifies the images and scores them.
   *
   * @param classifier the classifier giving {@code p(y | x)}
   * @param images {@code n * pixelsPerImage} values
   * @return the score
   * @throws IllegalArgumentException for an empty batch, a wrong length, or NaN pixels
   */
  public static ClassifierScore of(ImageClassifier classifier, float[] images) {
    Objects.requireNonNull(classifier, "classifier");
    ImageClassifier.checkImages(classifier, images, "images");
    return of(classifier.classify(images));
  }

  /**
   * Scores a classifier's outputs.
   *
   * @param outputs log-probabilities of each image's classes
   * @return the score
   */
  public static ClassifierScore of(ClassifierOutputs outputs) {
    Objects.requireNonNull(outputs, "outputs");
    return fromLogProbs(outputs.logProbs(), outputs.numClasses());
  }

  /**
   * Scores log-probabilities directly.
   *
   * @param logProbs {@code log p(y | x)}, {@code [n, K]} row-major; each row must be a
   *     normalized distribution ({@code sum exp = 1} to within 1e-3)
   * @param numClasses {@code K}
   * @return the score
   * @throws IllegalArgumentException for a wrong length, NaN or +infinity, or rows that do not sum
   *     to one
   */
  public static ClassifierScore fromLogProbs(float[] logProbs, int numClasses) {
    Objects.requireNonNull(logProbs, "logProbs");
    if (numClasses <= 0 || logProbs.length == 0 || logProbs.length % numClasses != 0) {
      throw new IllegalArgumentException("`logProbs` must hold a positive multiple of numClasses = " + numClasses
          + " values, got " + logProbs.length);
    }
    int n = logProbs.length / numClasses;
    double[] marginal = new double[numClasses];
    double meanEntropy = 0;
    for (int i = 0; i < n; i++) {
      double total = 0;
      for (int k = 0; k < numClasses; k++) {
        double lp = logProbs[i * numClasses + k];
        if (Double.isNaN(lp) || lp == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException("`logProbs` must be finite or -infinity, got " + lp + " in row " + i);
        }
        double p = Math.exp(lp);
        total += p;
        marginal[k] += p / n;
        meanEntropy -= p > 0 ? p * lp / n : 0;
      }
      // float32 softmax rows sum to one within a few ulps; 1e-3 catches unnormalized logits.
      if (Math.abs(total - 1) > 1e-3) {
        throw new IllegalArgumentException(
            "`logProbs` row " + i + " must be a normalized distribution (exp sums to 1), sums to " + total);
      }
    }
    double marginalEntropy = 0;
    for (double p : marginal) {
      marginalEntropy -= p > 0 ? p * Math.log(p) : 0;
    }
    // E_x KL(p(y|x) || p(y)) = H(p(y)) - E_x H(p(y|x)); clamp rounding below zero.
    double meanKl = Math.max(0, marginalEntropy - meanEntropy);
    return new ClassifierScore(Math.exp(meanKl), Math.exp(marginalEntropy), n);
  }

  @Override
  public String toString() {
    return String.format("ClassifierScore(%.4f, ceiling %.4f, n=%d)", score, ceiling, count);
  }
}
