package org.edward4j.inferences;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.edward4j.core.ModelContext;
import org.edward4j.core.optimizers.TrainStep;
import org.edward4j.core.progress.Progbar;
import org.edward4j.core.variables.Variable;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * The base of every inference, with Edward's lifecycle: construct with {@code latentVars} and
 * {@code data}, {@link #initialize(InferenceOptions)}, then either {@link #run()} or a loop of
 * {@link #update} and {@link #printProgress}, then {@link #finalize()}.
 *
 * <p>An algorithm contributes its losses and training steps in {@link #build}; this class owns the
 * driver loop: the iteration counter {@code t} (the number of {@code update} calls, kept in the
 * graph as Edward's {@code iteration} variable), reusable feeds, one {@code Session.run} per update
 * that trains, increments {@code t}, fetches the losses and, when due, writes TensorBoard summaries;
 * {@code debug} checks of the losses for NaN and Inf; and the progress bar.
 */
public abstract class Inference {

  /** Options every inference accepts. */
  static final Set<String> BASE_OPTIONS =
      Set.of("nIter", "nPrint", "scale", "logdir", "logTimestamp", "debug", "initializeVariables", "progressOutput");

  /**
   * One training step: the side it trains (null when there is only one), its info key and progress
   * label, its loss, the optimizer's step, and the op to run (the optimizer's step, or ops that
   * must follow it, such as WGAN's weight clipping).
   *
   * @param side the side, or null
   * @param key Edward's info key, e.g. {@code "loss_d"}
   * @param label the progress label, e.g. {@code "Disc Loss"}
   * @param loss the loss the step lowers
   * @param trainStep what the optimizer built
   * @param train the op to run
   */
  protected record Step(
      Variables side, String key, String label, Operand<TFloat32> loss, TrainStep trainStep, Op train) {

    /** A step whose op is the optimizer's step itself. */
    public Step(Variables side, String key, String label, Operand<TFloat32> loss, TrainStep trainStep) {
      this(side, key, label, loss, trainStep, trainStep);
    }
  }

  protected final ModelContext ctx;
  protected final Map<Operand<?>, Operand<?>> latentVars;
  protected final Map<Operand<?>, Operand<?>> data;

  private final UpdateEngine engine;
  private InferenceOptions options;
  private Progbar progbar;

  /**
   * Checks the maps and finds their context; builds nothing.
   *
   * @param latentVars prior or model variable (or tensor) to its posterior or approximation; may
   *     be empty
   * @param data observed variable (or generated tensor) to its data (a placeholder or a tensor)
   * @throws IllegalArgumentException for nulls, empty maps, or tensors of different contexts
   */
  protected Inference(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    this.latentVars = Collections.unmodifiableMap(InferenceData.ordered(latentVars, "latentVars"));
    this.data = Collections.unmodifiableMap(InferenceData.ordered(data, "data"));
    this.ctx = InferenceData.context(this.latentVars, this.data);
    this.engine = new UpdateEngine(ctx, new InferenceFeeds(this.latentVars, this.data));
  }

  /** Initializes with Edward's defaults. */
  public final void initialize() {
    initialize(InferenceOptions.defaults());
  }

  /**
   * Builds the algorithm's ops: losses, optimizers, the iteration counter, summaries and checks.
   * Call once, before {@link #update}.
   *
   * @param options Edward's {@code initialize} arguments
   * @throws IllegalArgumentException for an option this inference does not take, or a bad model
   * @throws IllegalStateException if already initialized or the context is closed
   */
  public void initialize(InferenceOptions options) {
    Objects.requireNonNull(options, "options");
    ctx.checkOpen();
    if (this.options != null) {
      throw new IllegalStateException(getClass().getSimpleName() + " is already initialized");
    }
    Set<String> unsupported = new LinkedHashSet<>(options.explicitlySet());
    unsupported.removeAll(supportedOptions());
    if (!unsupported.isEmpty()) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " does not take the option(s) " + unsupported + "; it takes "
              + new java.util.TreeSet<>(supportedOptions()));
    }
    this.options = options;
    engine.start(options);
    build(options);
    engine.seal(getClass().getSimpleName());
    this.progbar = Progbar.builder(progressTarget(options)).output(options.progressOutput()).build();
  }

  /**
   * Builds the algorithm: its losses and one {@link Step} per side through {@link #addStep}.
   *
   * @param options the options given to {@link #initialize}
   */
  protected abstract void build(InferenceOptions options);

  /** The option names this inference takes; subclasses add theirs to {@link #BASE_OPTIONS}. */
  protected Set<String> supportedOptions() {
    return BASE_OPTIONS;
  }

  /** The progress bar's target: {@code nIter} updates. */
  protected long progressTarget(InferenceOptions options) {
    return options.nIter();
  }

  /**
   * Registers a training step built in {@link #build}.
   *
   * @param step the step
   */
  protected final void addStep(Step step) {
    engine.add(Objects.requireNonNull(step, "step"));
  }

  /**
   * Logs a histogram to TensorBoard at each report, when a log directory is set.
   *
   * @param tag the tag
   * @param values any numeric tensor
   */
  protected final void logHistogram(String tag, Operand<? extends TNumber> values) {
    engine.histogram(tag, values);
  }

  /**
   * One update of every side, feeding nothing beyond the data bound at construction.
   *
   * @return the iteration and the losses
   */
  public final UpdateInfo update() {
    return update(Map.of(), null);
  }

  /**
   * One update of every side in a single {@code Session.run}: Edward's {@code
   * inference.update(feed_dict)}.
   *
   * @param feedDict placeholder to value ({@code float[]}, {@code float[][]}, {@code int[]}, a
   *     {@code TensorValue} or a caller-owned {@code Tensor})
   * @return the iteration and the losses
   */
  public final UpdateInfo update(Map<? extends Operand<?>, ?> feedDict) {
    return update(feedDict, null);
  }

  /**
   * One update of one side: Edward's {@code inference.update(feed_dict, variables="Disc")}. The
   * other side's loss is reported as 0.0.
   *
   * @param feedDict placeholder to value
   * @param side the side to train, or {@code null} for every side
   * @return the iteration and the losses
   * @throws IllegalArgumentException if this inference has no such side, or a feed does not fit
   * @throws NonFiniteLossException with {@code debug} on, when a loss is NaN or infinite
   */
  public UpdateInfo update(Map<? extends Operand<?>, ?> feedDict, Variables side) {
    checkInitialized();
    Objects.requireNonNull(feedDict, "feedDict");
    return engine.update(feedDict, side, getClass().getSimpleName(), this::isReport);
  }

  /**
   * Runs inference with Edward's defaults: {@link #initialize()} if needed, resets the variables,
   * then {@code nIter} updates with progress, then {@link #finalize()}.
   */
  public final void run() {
    run(options == null ? InferenceOptions.defaults() : options, Map::of);
  }

  /**
   * Runs inference: initializes with {@code options}, resets every variable to its initial value
   * (unless {@code initializeVariables(false)}), runs {@code nIter} iterations with progress, and
   * finalizes.
   *
   * @param options Edward's {@code initialize} arguments
   */
  public final void run(InferenceOptions options) {
    run(options, Map::of);
  }

  /**
   * Runs inference, asking for a fresh feed dictionary (a minibatch) before each iteration.
   *
   * @param options Edward's {@code initialize} arguments
   * @param feeds supplies each iteration's feed dictionary
   */
  public final void run(InferenceOptions options, Supplier<? extends Map<? extends Operand<?>, ?>> feeds) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(feeds, "feeds");
    if (this.options == null) {
      initialize(options);
    } else if (options != this.options) {
      throw new IllegalStateException(
          getClass().getSimpleName() + " is already initialized; call run() without options");
    }
    if (options.initializeVariables()) {
      engine.resetAllVariables();
    }
    for (int i = 0; i < options.nIter(); i++) {
      printProgress(runIteration(feeds.get()));
    }
    finalize();
  }

  /** One iteration of {@link #run}: one {@link #update}; WGAN adds its critic updates. */
  protected UpdateInfo runIteration(Map<? extends Operand<?>, ?> feedDict) {
    return update(feedDict);
  }

  /**
   * Prints progress at {@code t == 1} and every {@code nPrint} iterations, as Edward does, and at
   * the last iteration.
   *
   * @param info what {@link #update} returned
   */
  public void printProgress(UpdateInfo info) {
    checkInitialized();
    Objects.requireNonNull(info, "info");
    // As Edward, at t == 1 and every nPrint; also at the last iteration, so the bar completes.
    if (isReport(info.t()) || (options.nPrint() != 0 && info.t() == progressTarget(options))) {
      Map<String, Double> shown = new LinkedHashMap<>();
      for (Step s : engine.steps()) {
        shown.put(s.label(), info.values().getOrDefault(s.key(), 0.0));
      }
      progbar.update(info.t(), shown, true);
    }
  }

  /**
   * Edward's {@code finalize()}: flushes and closes the TensorBoard writer and frees the feed
   * buffers. Updating again afterwards still works. Named after Edward's method, it also serves as
   * the JVM's finalizer, so it only releases what it owns and ignores a closed context.
   */
  @Override
  @SuppressWarnings({"deprecation", "removal"})
  public void finalize() {
    engine.close();
  }

  /** Resets {@code t} to 0 and the optimizers' state, as running Edward's {@code inference.reset}. */
  public void reset() {
    checkInitialized();
    engine.reset();
  }

  /**
   * The number of {@link #update} calls so far.
   *
   * @return the number of {@link #update} calls so far
   */
  public long iteration() {
    return engine.t();
  }

  /**
   * Re-reads {@code t} from the iteration counter variable, after its value was set outside {@link
   * #update}, as restoring a checkpoint does.
   *
   * @return the iteration now
   */
  public long restoreIteration() {
    checkInitialized();
    return engine.syncT();
  }

  /**
   * The iteration counter variable ({@code t}).
   *
   * @return the iteration counter variable ({@code t})
   */
  public Variable<TInt64> iterationVariable() {
    checkInitialized();
    return engine.iteration();
  }

  /**
   * The options given to {@link #initialize}, or empty before.
   *
   * @return the options given to {@link #initialize}, or empty before
   */
  public java.util.Optional<InferenceOptions> options() {
    return java.util.Optional.ofNullable(options);
  }

  /**
   * The model context.
   *
   * @return the model context
   */
  public ModelContext context() {
    return ctx;
  }

  /**
   * The latent-variable map, ordered by key name.
   *
   * @return the latent-variable map, ordered by key name
   */
  public Map<Operand<?>, Operand<?>> latentVars() {
    return latentVars;
  }

  /**
   * The data map, ordered by key name.
   *
   * @return the data map, ordered by key name
   */
  public Map<Operand<?>, Operand<?>> data() {
    return data;
  }

  /**
   * A loss by Edward's key.
   *
   * @param key e.g. {@code "loss"} or {@code "loss_d"}
   * @return the loss tensor
   */
  public Operand<TFloat32> loss(String key) {
    checkInitialized();
    return engine.step(key).loss();
  }

  /**
   * The op one update runs for a loss's step, e.g. to drive the graph from a hand-written loop.
   *
   * @param key e.g. {@code "loss"} or {@code "loss_d"}
   * @return the training op
   */
  public Op trainOp(String key) {
    checkInitialized();
    return engine.step(key).train();
  }

  /**
   * The variables one side trains, Edward's {@code var_list} and {@code var_list_d}.
   *
   * @param side the side, or {@code null} for an inference with a single step
   * @return the variables, in order
   */
  public List<Variable<?>> trainedVariables(Variables side) {
    checkInitialized();
    return engine.step(side, getClass().getSimpleName()).trainStep().variables();
  }

  /** The steps built, in order. */
  protected final List<Step> steps() {
    return engine.steps();
  }

  /** The Edward-default log interval check: at {@code t == 1} and every {@code nPrint}. */
  private boolean isReport(long step) {
    int nPrint = options.nPrint();
    return nPrint != 0 && (step == 1 || step % nPrint == 0);
  }

  /** Throws unless initialized. */
  protected final void checkInitialized() {
    if (options == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " is not initialized: call initialize(...) first");
    }
    ctx.checkOpen();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + InferenceData.describe(latentVars, data)
        + (options != null ? ", t=" + engine.t() + ", nIter=" + options.nIter() : ", not initialized") + ")";
  }
}
