package org.edward4j.criticisms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.edward4j.core.TensorValue;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * Edward's {@code ed.ppc(T, data, latent_vars, n_samples)}: a posterior predictive check (Rubin,
 * 1984; Meng, 1994; Gelman, Meng and Stern, 1996).
 *
 * <p>It forms the reference distribution of a discrepancy {@code T} over replicated data, {@code
 * p(T(x_rep) | x) = integral p(T(x_rep) | z) p(z | x) dz}, by drawing {@code nSamples} replicated
 * data sets {@code x_rep} (the value of each observed random variable, e.g. {@code xPost =
 * GraphCopy.copy(x, Map.of(z, qz))}) and computing {@code T(x_rep, z)} for each, beside the realized
 * discrepancy {@code T(x, z)} at the same posterior draw {@code z}. The tail probability {@code
 * P(T(x_rep) >= T(x))} is the posterior predictive p-value. Bound to the prior predictive (the
 * model's own {@code x}) it is a prior predictive check (Box, 1980).
 *
 * <p>Differences from Edward: both statistics come from one session run per sample, so they share
 * the draw {@code z}; a data key that is a tensor but not a random variable is replicated by its own
 * value, as a random variable is. Placeholders in {@code data} are fed in every run.
 *
 * <pre>{@code
 * Bernoulli<TInt32> xPost = (Bernoulli<TInt32>) GraphCopy.copy(x, Map.of(p, qp));
 * Discrepancy mean = (xs, zs) -> tf.math.mean(tf.dtypes.cast(xs.get(xPost), TFloat32.class), tf.constant(0));
 * PpcResult r = PosteriorPredictiveCheck.ppc(mean, Map.of(xPost, xTrain));
 * r.writePlot(Path.of("ppc.png"), "mean");
 * }</pre>
 */
public final class PosteriorPredictiveCheck {

  /** Edward's default number of replicated data sets. */
  public static final int DEFAULT_SAMPLES = 100;

  private final Discrepancy discrepancy;
  private final Map<? extends Operand<?>, ?> data;
  private final Map<Operand<?>, Operand<?>> latentVars;
  private final int nSamples;

  private PosteriorPredictiveCheck(Builder b) {
    this.discrepancy = b.discrepancy;
    this.data = b.data;
    this.latentVars = new LinkedHashMap<>(b.latentVars);
    this.nSamples = b.nSamples;
  }

  /**
   * A check with Edward's defaults ({@value #DEFAULT_SAMPLES} replicated data sets, no latent
   * variables), Edward's {@code ed.ppc(T, data={x_post: x_train})}.
   *
   * @param discrepancy the test statistic
   * @param data observed variables to realizations, placeholders to values (as {@link Evaluate})
   * @return the reference and realized discrepancies
   */
  public static PpcResult ppc(Discrepancy discrepancy, Map<? extends Operand<?>, ?> data) {
    return builder(discrepancy, data).build().run();
  }

  /**
   * A builder for a check of {@code discrepancy} against {@code data}.
   *
   * @param discrepancy the test statistic
   * @param data observed variables to realizations, placeholders to values
   * @return the builder
   */
  public static Builder builder(Discrepancy discrepancy, Map<? extends Operand<?>, ?> data) {
    return new Builder(Objects.requireNonNull(discrepancy, "discrepancy"), Objects.requireNonNull(data, "data"));
  }

  /**
   * Draws the replicated data sets and computes both discrepancies for each.
   *
   * @return {@code T(x_rep_s, z_s)} and {@code T(x, z_s)} for {@code s = 1..nSamples}
   * @throws IllegalArgumentException when the discrepancy is not a one-element numeric tensor
   */
  public PpcResult run() {
    DataBinding binding = DataBinding.of(data);
    ModelContext ctx = binding.context();
    Ops tf = ctx.scope("ppc").tf();
    try (Feeds feeds = new Feeds()) {
      binding.feedPlaceholders(feeds);
      Map<Operand<?>, Operand<?>> replicated = new LinkedHashMap<>();
      Map<Operand<?>, Operand<?>> observed = new LinkedHashMap<>();
      for (Operand<?> key : data.keySet()) {
        if (DataBinding.isPlaceholder(key)) {
          replicated.put(key, key);
          observed.put(key, key);
          continue;
        }
        Realization r = binding.observed(key);
        Operand<?> value = key instanceof RandomVariable<?> rv ? rv.value() : key;
        Placeholder<?> ph = tf.withName("observed").placeholder(key.type(), Placeholder.shape(Shape.of(r.shape())));
        feeds.put(ph, DataBinding.feedable(r, key.type(), "`data` value for " + key.op().name()));
        replicated.put(key, value);
        observed.put(key, ph);
      }
      Bindings zs = new Bindings(latentVars);
      Operand<? extends TNumber> tRep = scalar(discrepancy.apply(new Bindings(replicated), zs), "replicated data");
      Operand<? extends TNumber> tObs = scalar(discrepancy.apply(new Bindings(observed), zs), "observed data");
      double[] reps = new double[nSamples];
      double[] obs = new double[nSamples];
      for (int s = 0; s < nSamples; s++) {
        List<TensorValue> out = ctx.evalAll(List.of(tRep, tObs), feeds.asMap());
        reps[s] = single(out.get(0), "replicated data");
        obs[s] = single(out.get(1), "observed data");
      }
      return new PpcResult(reps, obs);
    }
  }

  private static Operand<? extends TNumber> scalar(Operand<? extends TNumber> t, String what) {
    Objects.requireNonNull(t, () -> "the discrepancy returned null for " + what);
    Shape s = t.shape();
    if (!s.isUnknown() && !s.hasUnknownDimension() && s.size() != 1) {
      throw new IllegalArgumentException("the discrepancy must give one value, got shape " + s + " for " + what);
    }
    return t;
  }

  private static double single(TensorValue v, String what) {
    if (v.data().length != 1) {
      throw new IllegalArgumentException(
          "the discrepancy must give one value, got " + v.data().length + " for " + what);
    }
    return v.data()[0];
  }

  @Override
  public String toString() {
    return "PosteriorPredictiveCheck(data=" + data.size() + " keys, latentVars=" + latentVars.size() + ", nSamples="
        + nSamples + ")";
  }

  /** Builds a {@link PosteriorPredictiveCheck}: latent variables and the number of samples. */
  public static final class Builder {
    private final Discrepancy discrepancy;
    private final Map<? extends Operand<?>, ?> data;
    private final Map<Operand<?>, Operand<?>> latentVars = new LinkedHashMap<>();
    private int nSamples = DEFAULT_SAMPLES;

    private Builder(Discrepancy discrepancy, Map<? extends Operand<?>, ?> data) {
      this.discrepancy = discrepancy;
      this.data = data;
    }

    /**
     * Latent variables bound to their posteriors, for discrepancies that read them ({@code zs}).
     *
     * @param latentVars prior variables (or tensors) to posterior random variables (or tensors)
     * @return this
     */
    public Builder latentVars(Map<? extends Operand<?>, ? extends Operand<?>> latentVars) {
      Objects.requireNonNull(latentVars, "latentVars");
      latentVars.forEach((z, qz) -> this.latentVars.put(Objects.requireNonNull(z, "latent variable"),
          Objects.requireNonNull(qz, () -> "posterior of " + z.op().name())));
      return this;
    }

    /**
     * Replicated data sets to draw (default {@value #DEFAULT_SAMPLES}); positive.
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
     * The check.
     *
     * @return the check, ready to {@link PosteriorPredictiveCheck#run}
     */
    public PosteriorPredictiveCheck build() {
      return new PosteriorPredictiveCheck(this);
    }
  }
}
