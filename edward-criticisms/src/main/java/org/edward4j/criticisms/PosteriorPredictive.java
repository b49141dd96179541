package org.edward4j.criticisms;

import java.util.Arrays;

/**
 * What {@code evaluate} learned from the posterior predictive: the held-out data, the prediction,
 * the averaged probabilities of a Bernoulli or Categorical output, and the average log-likelihood.
 *
 * @param yTrue the held-out data (scalars as shape {@code [1]})
 * @param yPred the prediction: the predictive mean, or the most probable value of a discrete output
 * @param kind which family the output is
 * @param probs {@code P(y = 1)} (Bernoulli) or class probabilities over the last axis
 *     (Categorical), averaged over posterior draws; {@code null} for other outputs
 * @param meanLogLikelihood {@code (1/S) sum_s mean log p(y_true | z_s)}, or NaN when not computed
 */
record PosteriorPredictive(
    Realization yTrue, Realization yPred, OutputKind kind, Realization probs, double meanLogLikelihood) {

  /** The output's family, as far as predictions differ. */
  enum OutputKind {
    BERNOULLI,
    CATEGORICAL,
    OTHER
  }

  /**
   * Log-probabilities over the last axis: of the averaged class probabilities for a Categorical
   * output, else {@code log_softmax(y_pred)} (the prediction taken as logits, as in Edward).
   */
  Realization classLogProbs(Realization oneHotTarget) {
    if (kind == OutputKind.BERNOULLI) {
      throw new IllegalArgumentException(
          "categorical cross-entropies need a Categorical output (or real-valued logits), got a Bernoulli one;"
              + " use binary_crossentropy");
    }
    if (kind == OutputKind.CATEGORICAL) {
      double[] out = new double[probs.data().length];
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.log(probs.data()[i]);
      }
      return new Realization(probs.shape(), out);
    }
    if (oneHotTarget != null && !Arrays.equals(oneHotTarget.shape(), yPred.shape())) {
      throw new IllegalArgumentException("`y_pred` of shape " + Arrays.toString(yPred.shape())
          + " must hold logits of the data's shape " + Arrays.toString(oneHotTarget.shape()));
    }
    if (oneHotTarget == null && yPred.rank() != yTrue.rank() + 1) {
      throw new IllegalArgumentException("sparse_categorical_crossentropy needs logits of shape "
          + Arrays.toString(yTrue.shape()) + " + [K], got a prediction of shape " + Arrays.toString(yPred.shape())
          + "; use a Categorical output");
    }
    int k = yPred.lastDim();
    double[] x = yPred.data();
    double[] out = new double[x.length];
    for (int r = 0; r < x.length / k; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, x[r * k + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(x[r * k + j] - max);
      }
      for (int j = 0; j < k; j++) {
        out[r * k + j] = x[r * k + j] - max - Math.log(sum);
      }
    }
    return new Realization(yPred.shape(), out);
  }

  /** The averaged class probabilities of a Categorical output. */
  Realization classProbs(String metric) {
    if (kind != OutputKind.CATEGORICAL) {
      throw new IllegalArgumentException(metric + " needs a Categorical output (its class probabilities), got "
          + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    return probs;
  }
}
