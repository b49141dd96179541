package org.edward4j.criticisms.quality;

import java.util.Arrays;
import java.util.Objects;

/**
 * The classifier score as Salimans et al. (2016), "Improved Techniques for Training GANs", report
 * the Inception Score: the images cut into {@code splits} consecutive parts (part {@code i} holds
 * images {@code [i n / splits, (i + 1) n / splits)}), {@link ClassifierScore} computed on each,
 * and the mean and the standard deviation of the parts' scores given (the population deviation,
 * numpy's default {@code np.std}, as in their code). Ten splits is the usual setting.
 *
 * <p>Each part estimates its marginal {@code p(y)} from fewer images, so the mean over splits is
 * at most the one-split score of {@link ClassifierScore} for the same images, and lower when the
 * parts' class balance differs.
 *
 * <pre>{@code
 * SplitClassifierScore s = SplitClassifierScore.of(classifier.classify(generatedImages), 10);
 * System.out.printf("%.2f +- %.2f%n", s.mean(), s.std());
 * }</pre>
 *
 * @param mean the mean of the parts' scores
 * @param std their population standard deviation
 * @param scores each part's score, in order
 */
public record SplitClassifierScore(double mean, double std, double[] scores) {

  /** The usual number of splits. */
  public static final int USUAL_SPLITS = 10;

  /**
   * Copies the scores.
   *
   * @param mean the mean of the parts' scores
   * @param std their population standard deviation
   * @param scores each part's score; copied
   */
  public SplitClassifierScore {
    scores = Objects.requireNonNull(scores, "scores").clone();
  }

  /**
   * Scores a classifier's outputs in {@code splits} parts.
   *
   * @param outputs log-probabilities of each image's classes
   * @param splits parts, in {@code [1, outputs.count()]}
   * @return the mean and deviation over parts
   * @throws IllegalArgumentException if {@code splits} is out of range
   */
  public static SplitClassifierScore of(ClassifierOutputs outputs, int splits) {
    Objects.requireNonNull(outputs, "outputs");
    return fromLogProbs(outputs.logProbs(), outputs.numClasses(), splits);
  }

  /**
   * Scores log-probabilities in {@code splits} parts.
   *
   * @param logProbs {@code log p(y | x)}, {@code [n, K]} row-major, rows normalized
   * @param numClasses {@code K}
   * @param splits parts, in {@code [1, n]}
   * @return the mean and deviation over parts
   * @throws IllegalArgumentException if {@code splits} is out of range, or as {@link
   *     ClassifierScore#fromLogProbs}
   */
  public static SplitClassifierScore fromLogProbs(float[] logProbs, int numClasses, int splits) {
    Objects.requireNonNull(logProbs, "logProbs");
    if (numClasses <= 0 || logProbs.length == 0 || logProbs.length % numClasses != 0) {
      throw new IllegalArgumentException("`logProbs` must hold a positive multiple of numClasses = " + numClasses
          + " values, got " + logProbs.length);
    }
    int n = logProbs.length / numClasses;
    if (splits < 1 || splits > n) {
      throw new IllegalArgumentException("`splits` must be in [1, " + n + "] (the number of images), got " + splits);
    }
    double[] scores = new double[splits];
    for (int i = 0; i < splits; i++) {
      int from = (int) ((long) i * n / splits);
      int to = (int) ((long) (i + 1) * n / splits);
      float[] part = Arrays.copyOfRange(logProbs, from * numClasses, to * numClasses);
      scores[i] = ClassifierScore.fromLogProbs(part, numClasses).score();
    }
    double mean = Arrays.stream(scores).average().orElseThrow();
    double var = Arrays.stream(scores).map(s -> (s - mean) * (s - mean)).sum() / splits;
    return new SplitClassifierScore(mean, Math.sqrt(var), scores);
  }

  /**
   * The number of parts.
   *
   * @return {@code scores().length}
   */
  public int splits() {
    return scores.length;
  }

  /**
   * Each part's score.
   *
   * @return a copy of the scores, in order
   */
  @Override
  public double[] scores() {
    return scores.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SplitClassifierScore s && s.mean == mean && s.std == std && Arrays.equals(s.scores, scores);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(mean) + Arrays.hashCode(scores);
  }

  @Override
  public String toString() {
    return String.format("SplitClassifierScore(%.4f +- %.4f over %d splits)", mean, std, scores.length);
  }
}
