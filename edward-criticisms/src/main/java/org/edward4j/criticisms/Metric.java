package org.edward4j.criticisms;

import java.util.ArrayList;
import java.util.List;

/**
 * Edward's metrics for {@code evaluate}, by Edward's names and aliases.
 *
 * <p>A metric, or scoring rule (Winkler, 1994, "Evaluating probabilities: asymmetric scoring
 * rules"), is a function of held-out data under the posterior predictive: supervised metrics compare
 * {@code y_true} with a prediction (the posterior predictive mean, or for Bernoulli and Categorical
 * outputs the most probable value under the averaged probabilities), {@link #LOG_LIKELIHOOD} is
 * the Monte Carlo average of {@code mean log p(y_true | z)} over posterior draws {@code z}.
 * {@link #ACCURACY} and {@link #CROSSENTROPY} choose the binary or sparse categorical form from
 * the data, as Edward does: binary when {@code max(y_true) <= 1}.
 *
 * <p>Edward's {@code multinomial_accuracy} is absent (edward4j has no Multinomial). Where Edward
 * passes its 0/1 predictions to the cross-entropies as logits, edward4j uses the averaged
 * probabilities of a Bernoulli or Categorical output, so the value is the predictive
 * cross-entropy; for other outputs the predictive mean is taken as the logits, as in Edward.
 *
 * <pre>{@code
 * Metric m = Metric.parse("MSE"); // MEAN_SQUARED_ERROR
 * }</pre>
 */
public enum Metric {
  /** Fraction of {@code y_true == y_pred}, for 0/1 data. */
  BINARY_ACCURACY(false, "binary_accuracy"),
  /** Fraction of {@code argmax(y_true) == y_pred}, for one-hot data over the last axis. */
  CATEGORICAL_ACCURACY(false, "categorical_accuracy"),
  /** Fraction of {@code y_true == y_pred}, for labels {@code 0..K-1}. */
  SPARSE_CATEGORICAL_ACCURACY(false, "sparse_categorical_accuracy"),
  /** {@code -mean(y log p + (1 - y) log(1 - p))}. */
  BINARY_CROSSENTROPY(false, "binary_crossentropy", "log_loss"),
  /** {@code -mean over rows of sum_k y_k log p_k}, for one-hot data. */
  CATEGORICAL_CROSSENTROPY(false, "categorical_crossentropy"),
  /** {@code -mean log p[y]}, for labels. */
  SPARSE_CATEGORICAL_CROSSENTROPY(false, "sparse_categorical_crossentropy"),
  /** {@code sum y (log y - log p)} over entries with {@code y > 0}; y_true holds distributions. */
  KL_DIVERGENCE(false, "kl_divergence"),
  /** {@code mean(max(1 - y_true y_pred, 0))}. */
  HINGE(false, "hinge"),
  /** {@code mean(max(1 - y_true y_pred, 0)^2)}. */
  SQUARED_HINGE(false, "squared_hinge"),
  /** {@code mean((y_pred - y_true)^2)}, with {@link Averaging}. */
  MEAN_SQUARED_ERROR(true, "mean_squared_error", "mse", "MSE"),
  /** {@code mean(|y_pred - y_true|)}, with {@link Averaging}. */
  MEAN_ABSOLUTE_ERROR(true, "mean_absolute_error", "mae", "MAE"),
  /** {@code 100 mean(|y_true - y_pred| / max(|y_true|, 1e-8))}, with {@link Averaging}. */
  MEAN_ABSOLUTE_PERCENTAGE_ERROR(true, "mean_absolute_percentage_error", "mape", "MAPE"),
  /** {@code mean((log(max(y_pred, 1e-8) + 1) - log(max(y_true, 1e-8) + 1))^2)}, with {@link Averaging}. */
  MEAN_SQUARED_LOGARITHMIC_ERROR(true, "mean_squared_logarithmic_error", "msle", "MSLE"),
  /** {@code sum(y_pred - y_true log(y_pred + 1e-8))}: the Poisson negative log-likelihood up to a constant. */
  POISSON(false, "poisson"),
  /** {@code sum(normalize(y_true) * normalize(y_pred))}, normalized over the last axis. */
  COSINE_PROXIMITY(false, "cosine_proximity", "cosine"),
  /** {@code (1/S) sum_s mean log p(y_true | z_s)}: the posterior predictive log-likelihood per datum. */
  LOG_LIKELIHOOD(false, "log_likelihood", "log_lik"),
  /** Binary or sparse categorical accuracy, chosen from {@code max(y_true)}. */
  ACCURACY(false, "accuracy"),
  /** Binary or sparse categorical cross-entropy, chosen from {@code max(y_true)}. */
  CROSSENTROPY(false, "crossentropy");

  private final boolean averaging;
  private final List<String> names;

  Metric(boolean averaging, String... names) {
    this.averaging = averaging;
    this.names = List.of(names);
  }

  /**
   * The metric with this Edward name or alias (case-sensitive, as Edward's).
   *
   * @param name e.g. {@code "mean_squared_error"}, {@code "mse"}, {@code "log_lik"}
   * @return the metric
   * @throws IllegalArgumentException listing every valid name
   */
  public static Metric parse(String name) {
    for (Metric m : values()) {
      if (m.names.contains(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric `" + name + "`; valid names are " + validNames());
  }

  /**
   * Every name and alias {@link #parse} accepts.
   *
   * @return the names in declaration order
   */
  public static List<String> validNames() {
    List<String> all = new ArrayList<>();
    for (Metric m : values()) {
      all.addAll(m.names);
    }
    return all;
  }

  /**
   * Edward's main name, e.g. {@code mean_squared_error}.
   *
   * @return the first of {@link #names()}
   */
  public String edwardName() {
    return names.get(0);
  }

  /**
   * Every accepted name, Edward's main name first.
   *
   * @return one or more names
   */
  public List<String> names() {
    return names;
  }

  /**
   * Whether an {@link Averaging} other than the default applies (the four regression errors).
   *
   * @return true for the mean squared, absolute, absolute percentage and squared logarithmic errors
   */
  public boolean supportsAveraging() {
    return averaging;
  }

  /** Whether the metric needs a prediction (all but {@link #LOG_LIKELIHOOD}). */
  boolean isSupervised() {
    return this != LOG_LIKELIHOOD;
  }

  /** {@link #ACCURACY} and {@link #CROSSENTROPY} resolved against the data; others unchanged. */
  Metric resolve(Realization yTrue) {
    if (this != ACCURACY && this != CROSSENTROPY) {
      return this;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : yTrue.data()) {
      max = Math.max(max, v);
    }
    boolean binary = max <= 1;
    if (this == ACCURACY) {
      return binary ? BINARY_ACCURACY : SPARSE_CATEGORICAL_ACCURACY;
    }
    return binary ? BINARY_CROSSENTROPY : SPARSE_CATEGORICAL_CROSSENTROPY;
  }

  /**
   * Scores one posterior predictive.
   *
   * @return the values: one, or one per column for {@link Averaging#NONE}
   */
  double[] score(PosteriorPredictive p, Averaging average) {
    Realization t = p.yTrue();
    return switch (resolve(t)) {
      case BINARY_ACCURACY, SPARSE_CATEGORICAL_ACCURACY -> one(ClassificationMetrics.accuracy(t, p.yPred()));
      case CATEGORICAL_ACCURACY -> one(ClassificationMetrics.categoricalAccuracy(t, p.yPred()));
      case BINARY_CROSSENTROPY -> one(ClassificationMetrics.binaryCrossentropy(t, p));
      case CATEGORICAL_CROSSENTROPY -> one(ClassificationMetrics.categoricalCrossentropy(t, p.classLogProbs(t)));
      case SPARSE_CATEGORICAL_CROSSENTROPY ->
          one(ClassificationMetrics.sparseCategoricalCrossentropy(t, p.classLogProbs(null)));
      case KL_DIVERGENCE -> one(ClassificationMetrics.klDivergence(t, p.classProbs("kl_divergence")));
      case HINGE -> one(ClassificationMetrics.hinge(t, p.yPred(), false));
      case SQUARED_HINGE -> one(ClassificationMetrics.hinge(t, p.yPred(), true));
      case MEAN_SQUARED_ERROR -> RegressionMetrics.meanSquaredError(t, p.yPred(), average);
      case MEAN_ABSOLUTE_ERROR -> RegressionMetrics.meanAbsoluteError(t, p.yPred(), average);
      case MEAN_ABSOLUTE_PERCENTAGE_ERROR -> RegressionMetrics.meanAbsolutePercentageError(t, p.yPred(), average);
      case MEAN_SQUARED_LOGARITHMIC_ERROR -> RegressionMetrics.meanSquaredLogarithmicError(t, p.yPred(), average);
      case POISSON -> one(RegressionMetrics.poisson(t, p.yPred()));
      case COSINE_PROXIMITY -> one(RegressionMetrics.cosineProximity(t, p.yPred()));
      case LOG_LIKELIHOOD -> one(p.meanLogLikelihood());
      case ACCURACY, CROSSENTROPY -> throw new IllegalStateException("resolved above");
    };
  }

  private static double[] one(double v) {
    return new double[] {v};
  }
}
