package org.edward4j.criticisms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;

/**
 * Edward's {@code ed.evaluate(metrics, data, n_samples, output_key, seed)}: scores a fitted model's
 * posterior predictive against held-out data with Edward's metrics.
 *
 * <p>Build the posterior predictive first with a graph copy, {@code xPost = GraphCopy.copy(x,
 * Map.of(z, qz))}, then bind it to held-out data. Supervised metrics compare the data with a
 * prediction: the Monte Carlo mean {@code (1/S) sum_s y_s} of {@code S = nSamples} draws, or for a
 * Bernoulli or Categorical output the most probable value under the averaged probabilities {@code
 * (1/S) sum_s p(y | z_s)}. {@code log_likelihood} is {@code (1/S) sum_s mean log p(y_true | z_s)}.
 * All metrics share the same {@code S} session runs. Placeholders in {@code data} (the model's
 * inputs) are fed in every run. See {@link Metric} for the names and Edward's sources: Winkler
 * (1994) for scoring rules.
 *
 * <p>Limits: the output key is found as the only key of {@code data} that is not a placeholder
 * unless {@link Builder#outputKey} names it; its realization's shape must broadcast with the
 * prediction's; each call adds a few ops (under {@code evaluate}) to the model's graph.
 *
 * <pre>{@code
 * Normal xPost = (Normal) GraphCopy.copy(x, Map.of(mu, qMu));
 * double mse = Evaluate.evaluate("mean_squared_error", Map.of(xPost, xTest));
 * List<Evaluation> all = Evaluate.builder(Map.of(xPost, xTest))
 *     .metrics("log_likelihood", "mean_absolute_error").nSamples(100).build().run();
 * }</pre>
 */
public final class Evaluate {

  /** Edward's default number of posterior draws. */
  public static final int DEFAULT_SAMPLES = 500;

  private final Map<?, ?> data;
  private final List<Requested> metrics;
  private final int nSamples;
  private final Operand<?> outputKey;
  private final long seed;

  private Evaluate(Builder b) {
    this.data = b.data;
    this.metrics = List.copyOf(b.metrics);
    this.nSamples = b.nSamples;
    this.outputKey = b.outputKey;
    this.seed = b.seed;
  }

  /**
   * One metric with Edward's defaults ({@value #DEFAULT_SAMPLES} samples, macro averaging), Edward's
   * {@code ed.evaluate('mse', data={x_post: x_test})}.
   *
   * @param metric an Edward metric name, e.g. {@code "log_likelihood"}
   * @param data observed variables (or tensors) to held-out realizations, placeholders to values
   * @return the metric's value
   * @throws IllegalArgumentException for an unknown metric (listing valid ones) or unusable data
   */
  public static double evaluate(String metric, Map<? extends Operand<?>, ?> data) {
    return builder(data).metrics(metric).build().run().get(0).value();
  }

  /**
   * A builder over the data to evaluate against.
   *
   * @param data observed variables (or tensors) to held-out realizations ({@code Number}, {@code
   *     float[]}, {@code double[]}, {@code int[]}, {@code float[][]}, {@code TensorValue} or a
   *     tensor), placeholders to the values they are fed
   * @return the builder
   */
  public static Builder builder(Map<? extends Operand<?>, ?> data) {
    Objects.requireNonNull(data, "data");
    return new Builder(data);
  }

  /**
   * Runs the posterior predictive {@code nSamples} times and computes every metric.
   *
   * @return one evaluation per metric, in the order given
   * @throws IllegalArgumentException when the data or a metric does not fit the output
   */
  @SuppressWarnings("unchecked")
  public List<Evaluation> run() {
    DataBinding binding = DataBinding.of((Map<? extends Operand<?>, ?>) data);
    Operand<?> key = outputKey != null ? outputKey : onlyObservedKey(binding);
    binding.observed(key);
    boolean predictions = metrics.stream().anyMatch(r -> r.metric == null || r.metric.isSupervised());
    boolean logLik = metrics.stream().anyMatch(r -> r.metric == Metric.LOG_LIKELIHOOD);
    PosteriorPredictive p = PredictiveSampling.run(binding, key, predictions, logLik, nSamples, seed);
    List<Evaluation> out = new ArrayList<>();
    for (Requested r : metrics) {
      if (r.metric == null) {
        Realization pred = p.yPred().broadcastTo(p.yTrue().shape(), "y_pred");
        double v = r.function.apply(p.yTrue().shape().clone(), p.yTrue().data().clone(), pred.data());
        out.add(new Evaluation(r.name, Averaging.MACRO, new double[] {v}));
      } else {
        out.add(new Evaluation(r.name, r.averaging, r.metric.score(p, r.averaging)));
      }
    }
    return out;
  }

  private static Operand<?> onlyObservedKey(DataBinding binding) {
    List<Operand<?>> keys = binding.observedKeys();
    if (keys.size() != 1) {
      throw new IllegalArgumentException("`outputKey` must be given: `data` binds " + keys.size()
          + " observed keys that are not placeholders " + keys.stream().map(k -> k.op().name()).toList());
    }
    return keys.get(0);
  }

  @Override
  public String toString() {
    return "Evaluate(" + metrics.stream().map(r -> r.name).toList() + ", nSamples=" + nSamples + ", seed=" + seed
        + (outputKey == null ? "" : ", outputKey=" + outputKey.op().name()) + ")";
  }

  /** A metric as asked: a built-in with its averaging, or a named custom function. */
  private record Requested(String name, Metric metric, Averaging averaging, MetricFunction function) {}

  /** Builds an {@link Evaluate}: metrics, samples, output key, seed. */
  public static final class Builder {
    private final Map<?, ?> data;
    private final List<Requested> metrics = new ArrayList<>();
    private int nSamples = DEFAULT_SAMPLES;
    private Operand<?> outputKey;
    private long seed;

    private Builder(Map<?, ?> data) {
      this.data = data;
    }

    /**
     * Adds metrics by Edward name, with macro averaging where it applies.
     *
     * @param names e.g. {@code "binary_accuracy"}, {@code "mse"}
     * @return this
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public Builder metrics(String... names) {
      Objects.requireNonNull(names, "names");
      for (String n : names) {
        metrics.add(new Requested(n, Metric.parse(n), Averaging.MACRO, null));
      }
      return this;
    }

    /**
     * Adds a metric with an averaging, Edward's {@code ('mse', {'average': None})}.
     *
     * @param name a metric that {@link Metric#supportsAveraging() supports averaging}
     * @param average the averaging
     * @return this
     * @throws IllegalArgumentException for an unknown name or a metric without averaging
     */
    public Builder metric(String name, Averaging average) {
      Metric m = Metric.parse(name);
      Objects.requireNonNull(average, "average");
      if (average != Averaging.MACRO && !m.supportsAveraging()) {
        throw new IllegalArgumentException("`average` applies only to " + Arrays.stream(Metric.values())
            .filter(Metric::supportsAveraging).map(Metric::edwardName).toList() + ", not to " + name);
      }
      metrics.add(new Requested(name, m, average, null));
      return this;
    }

    /**
     * Adds a custom metric, Edward's callable metric.
     *
     * @param name the name its evaluation carries
     * @param function scores the data against the prediction
     * @return this
     */
    public Builder metric(String name, MetricFunction function) {
      metrics.add(new Requested(Objects.requireNonNull(name, "name"), null, Averaging.MACRO,
          Objects.requireNonNull(function, "function")));
      return this;
    }

    /**
     * Posterior draws for the predictions (default {@value #DEFAULT_SAMPLES}); positive.
     *
     * @param nSamples {@code S}
     * @return this
     */
    public Builder nSamples(int nSamples) {
      if (nSamples <= 0) {
        throw new IllegalArgumentException("`nSamples` must be positive, got " + nSamples);
      }
      this.nSamples = nSamples;
      return this;
    }

    /**
     * The key of {@code data} that is the model's output, when there are several.
     *
     * @param outputKey a key of {@code data}
     * @return this
     */
    public Builder outputKey(Operand<?> outputKey) {
      this.outputKey = Objects.requireNonNull(outputKey, "outputKey");
      return this;
    }

    /**
     * The seed of the coin flips that break exact 0.5 ties of Bernoulli predictions (default 0).
     *
     * @param seed any value
     * @return this
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The evaluation.
     *
     * @return the evaluation, ready to {@link Evaluate#run}
     * @throws IllegalArgumentException when no metric was given, or the output key is not in the data
     */
    public Evaluate build() {
      if (metrics.isEmpty()) {
        throw new IllegalArgumentException("`metrics` must name at least one metric; valid names are "
            + Metric.validNames());
      }
      if (outputKey != null && !data.containsKey(outputKey)) {
        throw new IllegalArgumentException("`outputKey` " + outputKey.op().name() + " must be a key of `data`");
      }
      return new Evaluate(this);
    }
  }
}
