package org.edward4j.spark.jobs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import scala.Tuple2;

/**
 * A sweep with a known answer, run by {@code bin/edward spark sweep}: the importance-sampled test
 * NLL of {@link LinearGaussianNll} over synthetic rows, one configuration (proposal width, samples
 * K) per task, each computed in the task's own process against the closed-form marginal. The
 * proposal's standard deviation is {@code scale} times the exact posterior's: at {@code scale = 1}
 * every importance weight equals {@code p(x)} and the estimate is exact for any K (up to float32
 * rounding); any other scale gives a stochastic lower bound of {@code log p(x)}, so an NLL above the
 * closed form by about {@code var(w) / (2K)} per row, which shrinks as K grows. The sweep's best
 * configuration by {@code abs_gap} must therefore be a {@code scale = 1} one.
 *
 * <pre>{@code
 * ProposalSweep sweep = new ProposalSweep(4, 0.8, 1000, 100, 42);
 * SweepResult<ProposalSweep.Config> result = HyperparameterSweep.of(sweep)
 *     .run(sc, ProposalSweep.grid(List.of(0.5, 1.0, 2.0), List.of(10, 100)));
 * }</pre>
 *
 * @param width the row width {@code D}, at least 1
 * @param noiseSd the observation noise {@code s}, positive and finite
 * @param rows synthetic test rows per configuration, at least 2
 * @param batchSize rows per batch, at least 1
 * @param seed the rows' and the samples' seed
 * @serial exclude (sent to the executors of one job, not stored)
 */
public record ProposalSweep(int width, double noiseSd, int rows, int batchSize, long seed)
    implements SweepFunction<ProposalSweep.Config> {

  private static final long serialVersionUID = 1L;

  /**
   * Checks every value.
   *
   * @param width the row width {@code D}, at least 1
   * @param noiseSd the observation noise {@code s}, positive and finite
   * @param rows synthetic test rows per configuration, at least 2
   * @param batchSize rows per batch, at least 1
   * @param seed the rows' and the samples' seed
   * @throws IllegalArgumentException naming the argument out of range
   */
  public ProposalSweep {
    new LinearGaussianNll(width, noiseSd, 1.0); // checks width and noiseSd with its messages
    if (rows < 2) {
      throw new IllegalArgumentException("`rows` must be at least 2 (for a standard error), got " + rows);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("`batchSize` must be at least 1, got " + batchSize);
    }
  }

  /**
   * One configuration: the proposal's width relative to the exact posterior's, and K.
   *
   * @param scale the proposal's standard deviation over the posterior's, positive and finite
   * @param samples importance samples per row K, at least 1
   */
  public record Config(double scale, int samples) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks both values.
     *
     * @param scale the proposal's standard deviation over the posterior's, positive and finite
     * @param samples importance samples per row K, at least 1
     * @throws IllegalArgumentException naming the argument out of range
     */
    public Config {
      if (!(scale > 0) || !Double.isFinite(scale)) {
        throw new IllegalArgumentException("`scale` must be positive and finite, got " + scale);
      }
      if (samples < 1) {
        throw new IllegalArgumentException("`samples` must be at least 1, got " + samples);
      }
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "scale=%s K=%d", scale, samples);
    }
  }

  /**
   * Every pair of a scale and a K, scales outermost.
   *
   * @param scales proposal widths relative to the posterior's
   * @param samples values of K
   * @return the configurations
   */
  public static List<Config> grid(List<Double> scales, List<Integer> samples) {
    List<Config> configs = new ArrayList<>();
    for (double scale : scales) {
      for (int k : samples) {
        configs.add(new Config(scale, k));
      }
    }
    return configs;
  }

  /**
   * Estimates the mean test NLL for one configuration in this process.
   *
   * @param config the configuration
   * @return {@code nll} (mean over rows, nats), {@code standard_error} (over rows), {@code exact_nll}
   *     (closed form), {@code gap} (estimate minus closed form), {@code abs_gap}, {@code proposal_sd}
   */
  @Override
  public Map<String, Double> evaluate(Config config) {
    double posteriorSd = new LinearGaussianNll(width, noiseSd, 1.0).posteriorSd();
    LinearGaussianNll model = new LinearGaussianNll(width, noiseSd, config.scale() * posteriorSd);
    float[][] data = model.rows(rows, seed);
    NllOptions options = NllOptions.builder().samples(config.samples()).samplesPerRun(Math.min(config.samples(), 10))
        .batchSize(batchSize).seed(seed).build();
    List<Tuple2<float[], Long>> indexed = new ArrayList<>(rows);
    double exact = 0;
    for (int i = 0; i < rows; i++) {
      indexed.add(new Tuple2<>(data[i], (long) i));
      exact -= model.logMarginal(data[i]) / rows;
    }
    Iterator<RowLogMarginal> estimates = new ImportanceNll.NllTask(model, options).call(0, indexed.iterator());
    PartitionNll summary = ImportanceNll.summarize(0, estimates, System.nanoTime()).next();
    long n = summary.rows();
    double mean = summary.meanNll();
    double m2 = summary.m2();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("nll", mean);
    metrics.put("standard_error", Math.sqrt(m2 / (n - 1) / n));
    metrics.put("exact_nll", exact);
    metrics.put("gap", mean - exact);
    metrics.put("abs_gap", Math.abs(mean - exact));
    metrics.put("proposal_sd", model.proposalSd());
    return metrics;
  }
}
