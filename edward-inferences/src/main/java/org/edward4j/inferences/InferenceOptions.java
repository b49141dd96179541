package org.edward4j.inferences;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.edward4j.core.optimizers.Optimizer;
import org.edward4j.core.optimizers.Optimizers;
import org.edward4j.core.variables.Variable;
import org.tensorflow.Operand;
import org.tensorflow.types.TInt64;

/**
 * The arguments of Edward's {@code inference.initialize(...)}, as one immutable value built with
 * {@link #builder()}. Each inference accepts the options its Edward counterpart accepts and
 * rejects the others by name, so a misplaced option is never silently ignored.
 *
 * <pre>{@code
 * inference.initialize(InferenceOptions.builder()
 *     .nIter(15000).nPrint(1000)
 *     .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build())
 *     .build());
 * }</pre>
 */
public final class InferenceOptions {

  /** How an optimizer was chosen: an object, a name, or Edward's default. */
  record OptimizerChoice(Optimizer optimizer, String name) {}

  private final Map<String, Object> values;

  private InferenceOptions(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Options with every value at Edward's default.
   *
   * @return the default options
   */
  public static InferenceOptions defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The names of the options set explicitly.
   *
   * @return the names of the options set explicitly
   */
  public Set<String> explicitlySet() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(values.keySet()));
  }

  /**
   * Number of iterations {@code run()} performs; Edward's default 1000.
   *
   * @return the number of iterations, at least 1
   */
  public int nIter() {
    return (Integer) values.getOrDefault("nIter", 1000);
  }

  /**
   * Iterations between progress reports; default {@code nIter / 100}; 0 prints nothing.
   *
   * @return the iterations between reports, 0 for none
   */
  public int nPrint() {
    Integer n = (Integer) values.get("nPrint");
    return n != null ? n : nIter() / 100;
  }

  Object get(String name) {
    return values.get(name);
  }

  OptimizerChoice optimizer() {
    return (OptimizerChoice) values.get("optimizer");
  }

  OptimizerChoice optimizerD() {
    return (OptimizerChoice) values.get("optimizerD");
  }

  @SuppressWarnings("unchecked")
  List<Variable<?>> varList() {
    return (List<Variable<?>>) values.get("varList");
  }

  @SuppressWarnings("unchecked")
  Variable<TInt64> globalStep() {
    return (Variable<TInt64>) values.get("globalStep");
  }

  @SuppressWarnings("unchecked")
  Variable<TInt64> globalStepD() {
    return (Variable<TInt64>) values.get("globalStepD");
  }

  @SuppressWarnings("unchecked")
  Map<Operand<?>, Object> scale() {
    return (Map<Operand<?>, Object>) values.getOrDefault("scale", Map.of());
  }

  Path logdir() {
    return (Path) values.get("logdir");
  }

  boolean logTimestamp() {
    return (Boolean) values.getOrDefault("logTimestamp", true);
  }

  boolean debug() {
    return (Boolean) values.getOrDefault("debug", false);
  }

  boolean initializeVariables() {
    return (Boolean) values.getOrDefault("initializeVariables", true);
  }

  PrintStream progressOutput() {
    return (PrintStream) values.getOrDefault("progressOutput", System.out);
  }

  double doubleOption(String name, double defaultValue) {
    Object v = values.get(name);
    return v == null ? defaultValue : (Double) v;
  }

  int intOption(String name, int defaultValue) {
    Object v = values.get(name);
    return v == null ? defaultValue : (Integer) v;
  }

  @Override
  public String toString() {
    return "InferenceOptions" + values;
  }

  /** Builds {@link InferenceOptions}; each setter validates its argument. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Iterations {@code run()} performs, and the progress bar's target.
     *
     * @param nIter at least 1
     * @return this
     */
    public Builder nIter(int nIter) {
      return put("nIter", positive(nIter, "nIter"));
    }

    /**
     * Iterations between progress reports and TensorBoard summaries; 0 disables both.
     *
     * @param nPrint at least 0
     * @return this
     */
    public Builder nPrint(int nPrint) {
      if (nPrint < 0) {
        throw new IllegalArgumentException("`nPrint` must be >= 0, got " + nPrint);
      }
      return put("nPrint", nPrint);
    }

    /**
     * The optimizer of the generator (or of the variational objective).
     *
     * @param optimizer the optimizer
     * @return this
     */
    public Builder optimizer(Optimizer optimizer) {
      return put("optimizer", new OptimizerChoice(Objects.requireNonNull(optimizer, "optimizer"), null));
    }

    /**
     * The generator's optimizer by Edward's name ({@code "adam"}, {@code "gradientdescent"}, ...),
     * with Edward's learning rate: 0.01, or an exponential decay from 0.1 when a global step is
     * given.
     *
     * @param name one of {@link Optimizers#NAMES}
     * @return this
     */
    public Builder optimizer(String name) {
      return put("optimizer", new OptimizerChoice(null, checkName(name, "optimizer")));
    }

    /**
     * The discriminator's optimizer (GAN family).
     *
     * @param optimizer the optimizer
     * @return this
     */
    public Builder optimizerD(Optimizer optimizer) {
      return put("optimizerD", new OptimizerChoice(Objects.requireNonNull(optimizer, "optimizerD"), null));
    }

    /**
     * The discriminator's optimizer by Edward's name (GAN family).
     *
     * @param name one of {@link Optimizers#NAMES}
     * @return this
     */
    public Builder optimizerD(String name) {
      return put("optimizerD", new OptimizerChoice(null, checkName(name, "optimizerD")));
    }

    /**
     * The variables to train instead of the default (the generator's, or those the variational
     * family depends on).
     *
     * @param varList at least one variable
     * @return this
     */
    public Builder varList(List<? extends Variable<?>> varList) {
      Objects.requireNonNull(varList, "varList");
      if (varList.isEmpty()) {
        throw new IllegalArgumentException("`varList` must name at least one variable");
      }
      return put("varList", List.copyOf(varList));
    }

    /**
     * A global step incremented after each generator (or variational) update.
     *
     * @param globalStep an int64 scalar variable
     * @return this
     */
    public Builder globalStep(Variable<TInt64> globalStep) {
      return put("globalStep", Objects.requireNonNull(globalStep, "globalStep"));
    }

    /**
     * A global step incremented after each discriminator update (GAN family).
     *
     * @param globalStepD an int64 scalar variable
     * @return this
     */
    public Builder globalStepD(Variable<TInt64> globalStepD) {
      return put("globalStepD", Objects.requireNonNull(globalStepD, "globalStepD"));
    }

    /**
     * Per-variable weights on the log-likelihood terms, e.g. {@code N / M} for minibatches.
     *
     * @param scale random variable to a number or a broadcastable float32 tensor
     * @return this
     */
    public Builder scale(Map<? extends Operand<?>, ?> scale) {
      Objects.requireNonNull(scale, "scale");
      Map<Operand<?>, Object> copy = new LinkedHashMap<>();
      scale.forEach(
          (k, v) -> {
            Objects.requireNonNull(k, "scale key");
            if (!(v instanceof Number) && !(v instanceof Operand<?>)) {
              throw new IllegalArgumentException(
                  "`scale` values must be numbers or float32 tensors, got " + (v == null ? "null" : v.getClass().getSimpleName()));
            }
            if (v instanceof Number n && !Double.isFinite(n.doubleValue())) {
              throw new IllegalArgumentException("`scale` values must be finite, got " + n);
            }
            copy.put(k, v);
          });
      return put("scale", Collections.unmodifiableMap(copy));
    }

    /**
     * Writes TensorBoard event files to this directory (in a timestamped subdirectory unless
     * {@link #logTimestamp(boolean)} is false).
     *
     * @param logdir the directory
     * @return this
     */
    public Builder logdir(Path logdir) {
      return put("logdir", Objects.requireNonNull(logdir, "logdir"));
    }

    /**
     * Whether to log into a {@code YYYYMMDD_HHMMSS} subdirectory of the log directory; default
     * true, as in Edward.
     *
     * @param logTimestamp the flag
     * @return this
     */
    public Builder logTimestamp(boolean logTimestamp) {
      return put("logTimestamp", logTimestamp);
    }

    /**
     * Checks every loss for NaN and Inf; a bad value stops training with an exception naming the
     * tensor and the iteration.
     *
     * @param debug the flag
     * @return this
     */
    public Builder debug(boolean debug) {
      return put("debug", debug);
    }

    /**
     * Whether {@code run()} first resets every variable to its initial value, as Edward's {@code
     * run} does; default true.
     *
     * @param initializeVariables the flag
     * @return this
     */
    public Builder initializeVariables(boolean initializeVariables) {
      return put("initializeVariables", initializeVariables);
    }

    /**
     * Where progress is printed; default standard output.
     *
     * @param out the stream
     * @return this
     */
    public Builder progressOutput(PrintStream out) {
      return put("progressOutput", Objects.requireNonNull(out, "progressOutput"));
    }

    /**
     * WGAN-GP's gradient penalty weight (Gulrajani et al., 2017); 0 disables it. Edward's default
     * is 10.
     *
     * @param penalty at least 0
     * @return this
     */
    public Builder penalty(double penalty) {
      if (!(penalty >= 0) || !Double.isFinite(penalty)) {
        throw new IllegalArgumentException("`penalty` must be >= 0 and finite, got " + penalty);
      }
      return put("penalty", penalty);
    }

    /**
     * WGAN's weight clipping: critic weights are clipped to {@code [-clip, clip]} after each critic
     * update (Arjovsky et al., 2017). Default: no clipping.
     *
     * @param clip positive
     * @return this
     */
    public Builder clip(double clip) {
      if (!(clip > 0) || !Double.isFinite(clip)) {
        throw new IllegalArgumentException("`clip` must be positive and finite, got " + clip);
      }
      return put("clip", clip);
    }

    /**
     * Critic updates per generator update in {@code run()} (WGAN); default 1, the paper uses 5.
     *
     * @param nCritic at least 1
     * @return this
     */
    public Builder nCritic(int nCritic) {
      return put("nCritic", positive(nCritic, "nCritic"));
    }

    /**
     * Monte Carlo samples per gradient estimate (variational inference); default 1.
     *
     * @param nSamples at least 1
     * @return this
     */
    public Builder nSamples(int nSamples) {
      return put("nSamples", positive(nSamples, "nSamples"));
    }

    /**
     * WakeSleep's update of the recognition model: {@code "sleep"} (default: fit q to the model's
     * fantasies) or {@code "wake"} (fit q to its own samples on real data).
     *
     * @param phaseQ {@code "sleep"} or {@code "wake"}
     * @return this
     */
    public Builder phaseQ(String phaseQ) {
      String p = phaseQ == null ? "" : phaseQ.trim().toLowerCase(java.util.Locale.ROOT);
      if (!p.equals("sleep") && !p.equals("wake")) {
        throw new IllegalArgumentException("`phaseQ` must be \"sleep\" or \"wake\", got " + phaseQ);
      }
      return put("phaseQ", p);
    }

    /**
     * WakeSleep's reweighted wake-sleep (Bornschein and Bengio, 2015): the {@code nSamples}
     * draws of q per example are importance-weighted, {@code w_k ∝ p(x, z_k) / q(z_k | x)}, in the
     * wake phase (and in q's wake update when {@code phaseQ} is {@code "wake"}). Default false.
     *
     * @param reweighted the flag
     * @return this
     */
    public Builder reweighted(boolean reweighted) {
      return put("reweighted", reweighted);
    }

    /**
     * Sets an option by name, for options a specific inference adds.
     *
     * @param name the option's name
     * @param value its value
     * @return this
     */
    Builder put(String name, Object value) {
      values.put(name, value);
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public InferenceOptions build() {
      return new InferenceOptions(values);
    }

    private static int positive(int n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException("`" + name + "` must be >= 1, got " + n);
      }
      return n;
    }

    private static String checkName(String name, String argument) {
      String key = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
      if (!Optimizers.NAMES.contains(key)) {
        throw new IllegalArgumentException(
            "`" + argument + "` must be one of " + Optimizers.NAMES + ", got " + name);
      }
      return key;
    }
  }
}
