package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An importance-sampled estimate of each example's log marginal likelihood, {@code log p(x) ≈
 * log (1/K) sum_k p(x, z_k) / q(z_k | x)} with {@code z_k ~ q(z | x)} (Burda et al., 2016): the
 * test negative log-likelihood reported for VAEs and sigmoid belief networks.
 *
 * <p>The estimate is a stochastic lower bound of {@code log p(x)} in expectation, tight as {@code
 * K} grows, and exact for every {@code K} when {@code q(z | x)} is the exact posterior (each
 * weight then equals {@code p(x)}). The graph holds {@code samplesPerRun} copies of q and the model
 * ({@link org.edward4j.core.copy.GraphCopy}); {@link #logMarginal} runs it {@code ceil(K /
 * samplesPerRun)} times and combines the weights in double precision. Every latent and observed
 * variable must have the examples along its first axis; {@code data} must bind tensors (no
 * conditional inference).
 *
 * <pre>{@code
 * MarginalLikelihood nll = MarginalLikelihood.builder(Map.of(z, qz), Map.of(x, xPh)).samples(100).build();
 * double[] logPx = nll.logMarginal(Map.of(xPh, testBatch));
 * }</pre>
 */
public final class MarginalLikelihood {

  private final ModelContext ctx;
  private final int samples;
  private final int samplesPerRun;
  private final Operand<TFloat32> logWeights;
  private final List<Operand<?>> placeholders = new ArrayList<>();

  private MarginalLikelihood(Builder b) {
    Map<Operand<?>, Operand<?>> latentVars = InferenceData.ordered(b.latentVars, "latentVars");
    Map<Operand<?>, Operand<?>> data = InferenceData.ordered(b.data, "data");
    this.ctx = InferenceData.context(null, latentVars, data);
    ModelTerms.checkMaps(latentVars, data);
    data.forEach((x, v) -> {
      if (v instanceof RandomVariable<?>) {
        throw new IllegalArgumentException("`data` must bind " + InferenceData.name(x)
            + " to a tensor: conditional inference has no per-example importance weight");
      }
      if (InferenceData.isPlaceholder(v)) {
        placeholders.add(v);
      }
    });
    this.samples = b.samples;
    this.samplesPerRun = Math.min(b.samples, b.samplesPerRun);
    Ops tf = ctx.opsAt("");
    VariableScope scope = ctx.scope("marginal_likelihood");
    List<Operand<TFloat32>> rows = new ArrayList<>();
    for (int s = 0; s < samplesPerRun; s++) {
      PosteriorSample sample = PosteriorSample.draw(ctx, latentVars, data, scope.child("sample"), true);
      Operand<TFloat32> w = tf.constant(0f);
      for (Operand<?> key : sample.valueKeys()) {
        RandomVariable<?> p = sample.model(key);
        w = tf.math.add(w, ModelTerms.perExample(tf, p.logProb(sample.numericValue(key)), null, p.name()));
      }
      for (Operand<?> z : latentVars.keySet()) {
        RandomVariable<?> q = sample.q(z);
        w = tf.math.sub(w, ModelTerms.perExample(tf, q.logProb(q.value()), null, q.name()));
      }
      if (s == 0) {
        sample.checkEveryLatentBound("MarginalLikelihood");
      }
      rows.add(w);
    }
    this.logWeights = tf.stack(rows);
  }

  /**
   * A builder.
   *
   * @param latentVars latent variable to its proposal {@code q(z | x)}, usually the trained
   *     recognition model
   * @param data observed variable to its data tensor (usually a placeholder fed at {@link
   *     #logMarginal})
   * @return the builder
   */
  public static Builder builder(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
    return new Builder(latentVars, data);
  }

  /**
   * The estimate of {@code log p(x_m)} for each example {@code m} of the fed batch, in nats.
   *
   * @param feedDict a value for each placeholder the data reads, as for {@code Inference.update}
   * @return one value per example
   * @throws IllegalArgumentException if a placeholder bound in {@code data} is not fed
   */
  public double[] logMarginal(Map<? extends Operand<?>, ?> feedDict) {
    Objects.requireNonNull(feedDict, "feedDict");
    ctx.checkOpen();
    for (Operand<?> p : placeholders) {
      if (feedDict.keySet().stream().noneMatch(k -> k.op().name().equals(p.op().name()))) {
        throw new IllegalArgumentException("`feedDict` must give a value for placeholder " + p.op().name());
      }
    }
    double[] max = null;
    double[] sum = null;
    try (Feeds feeds = new Feeds()) {
      feeds.putAll(feedDict);
      for (int done = 0; done < samples; done += samplesPerRun) {
        int use = Math.min(samplesPerRun, samples - done);
        float[] w;
        int m;
        try (Result r = ctx.run(feeds.feed(ctx.session().runner()).fetch(logWeights))) {
          TFloat32 t = (TFloat32) r.get(0);
          m = (int) t.shape().get(1);
          w = new float[samplesPerRun * m];
          t.asRawTensor().data().asFloats().read(w);
        }
        if (max == null) {
          max = new double[m];
          sum = new double[m];
          java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }
        // A running log-sum-exp: rescale the sum whenever a larger weight arrives.
        for (int k = 0; k < use; k++) {
          for (int i = 0; i < m; i++) {
            double v = w[k * m + i];
            if (v > max[i]) {
              sum[i] = sum[i] * Math.exp(max[i] - v) + 1;
              max[i] = v;
            } else {
              sum[i] += Math.exp(v - max[i]);
            }
          }
        }
      }
    }
    double[] out = new double[max.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = max[i] + Math.log(sum[i]) - Math.log(samples);
    }
    return out;
  }

  /**
   * The number of importance samples per example, {@code K}.
   *
   * @return the number of importance samples per example, {@code K}
   */
  public int samples() {
    return samples;
  }

  @Override
  public String toString() {
    return "MarginalLikelihood(K=" + samples + ", samplesPerRun=" + samplesPerRun + ")";
  }

  /** Builds a {@link MarginalLikelihood}. */
  public static final class Builder {
    private final Map<? extends Operand<?>, ? extends Operand<?>> latentVars;
    private final Map<? extends Operand<?>, ? extends Operand<?>> data;
    private int samples = 1;
    private int samplesPerRun = 16;

    private Builder(Map<? extends Operand<?>, ? extends Operand<?>> latentVars, Map<? extends Operand<?>, ? extends Operand<?>> data) {
      this.latentVars = new LinkedHashMap<>(Objects.requireNonNull(latentVars, "latentVars"));
      this.data = new LinkedHashMap<>(Objects.requireNonNull(data, "data"));
    }

    /**
     * Importance samples per example, {@code K}; default 1 (the ELBO's single-sample estimate).
     *
     * @param k at least 1
     * @return this
     */
    public Builder samples(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("`samples` must be >= 1, got " + k);
      }
      this.samples = k;
      return this;
    }

    /**
     * Copies of the model built into the graph and drawn per {@code Session.run}; default 16.
     * Larger is faster per sample and uses more memory.
     *
     * @param n at least 1
     * @return this
     */
    public Builder samplesPerRun(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("`samplesPerRun` must be >= 1, got " + n);
      }
      this.samplesPerRun = n;
      return this;
    }

    /**
     * Builds the estimator's graph.
     *
     * @return the estimator, its graph built
     */
    public MarginalLikelihood build() {
      return new MarginalLikelihood(this);
    }
  }
}
