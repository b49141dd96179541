package org.edward4j.inferences;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.optimizers.GradientAndVariable;
import org.edward4j.core.optimizers.TrainStep;
import org.edward4j.core.progress.Progbar;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * The base of every inference, with Edward's lifecycle: construct with {@code latentVars} and
 * {@code data}, {@link #initialize(InferenceOptions)}, then either {@link #run()} or a loop of
 * {@link #update} and {@link #printProgress}, then {@link #finish()} (Edward's {@code finalize()},
 * renamed so as not to override {@link Object}'s). An inference is {@link AutoCloseable}: {@link
 * #close()} finishes it and makes further use throw.
 *
 * <p>An algorithm contributes its losses and training steps in {@link #build}; this class owns the
 * driver loop: the iteration counter {@code t} (the number of {@code update} calls, kept in the
 * graph as Edward's {@code iteration} variable), reusable feeds, one {@code Session.run} per update
 * that trains, increments {@code t}, fetches the losses and, when due, writes TensorBoard summaries;
 * {@code debug} checks of the losses for NaN and Inf; and the progress bar.
 *
 * <p><b>Threads.</b> One inference may be shared by several threads once {@link
 * #initialize(InferenceOptions)} has returned (initialize on one thread first). Updates are
 * serialized: each {@link #update} call fills the feed buffers, runs the step and advances {@code
 * t} under one lock of this inference, so concurrent calls are applied one after another in some
 * order, never interleaved. Every returned {@link UpdateInfo} therefore describes exactly the update
 * that was applied: its {@code t} is that update's number, N threads making M calls each receive the
 * values 1 to N*M once each, and {@link #iteration()} then equals the graph's counter. A call that
 * throws before running (a bad feed) applies nothing and leaves {@code t} unchanged. A multi-update
 * iteration of {@link #run} (WGAN's critic updates) is atomic per update call, not as a whole.
 * Concurrent updates gain no speed (TensorFlow already runs one step on several cores); the lock
 * only makes sharing correct.
 *
 * <p>Each family has its own options type {@code O} (a record composed of {@link RunOptions} and
 * the family's parts), so {@code initialize} accepts only what the family takes.
 *
 * @param <O> the family's options
 */
public abstract class Inference<O extends InferenceOptions> implements AutoCloseable {

  /**
   * One step of an update: the side it trains (null when there is only one), its info key and
   * progress label, the scalar it reports (a loss, or a sampler's acceptance rate), the optimizer's
   * step (null for an update that no optimizer builds, such as a Monte Carlo sampler's), and the op
   * to run (the optimizer's step, or ops that must follow it, such as WGAN's weight clipping).
   *
   * @param side the side, or null
   * @param key Edward's info key, e.g. {@code "loss_d"} or {@code "accept_rate"}
   * @param label the progress label, e.g. {@code "Disc Loss"}
   * @param loss the float32 scalar reported under {@code key}
   * @param trainStep what the optimizer built, or null
   * @param train the op to run
   */
  protected record Step(
      Side side, String key, String label, Operand<TFloat32> loss, TrainStep trainStep, Op train) {

    /**
     * Checks the parts; public, so families in other packages can make steps.
     *
     * @throws NullPointerException for a null key, label, loss or op
     */
    public Step {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(loss, "loss");
      Objects.requireNonNull(train, "train");
    }

    /**
     * A step whose op is the optimizer's step itself.
     *
     * @param side the side, or null
     * @param key Edward's info key
     * @param label the progress label
     * @param loss the loss the step lowers
     * @param trainStep what the optimizer built
     */
    public Step(Side side, String key, String label, Operand<TFloat32> loss, TrainStep trainStep) {
      this(side, key, label, loss, trainStep, trainStep);
    }

    /**
     * A step no optimizer builds: a sampler's update op and the value it reports.
     *
     * @param key Edward's info key, e.g. {@code "accept_rate"}
     * @param label the progress label, e.g. {@code "Acceptance Rate"}
     * @param value the float32 scalar reported
     * @param update the op to run
     * @return the step, for the single side
     */
    public static Step update(String key, String label, Operand<TFloat32> value, Op update) {
      return new Step(null, key, label, value, null, update);
    }
  }

  protected final ModelContext ctx;
  protected final Map<Operand<?>, Operand<?>> latentVars;
  // The map behind latentVars: build may rebind a latent variable (Edward's auto_transform).
  private final Map<Operand<?>, Operand<?>> latentBindings;
  private boolean building;
  protected final Map<Operand<?>, Operand<?>> data;

  private final UpdateEngine engine;
  private O options;
  private int nIter;
  private int nPrint;
  private Progbar progbar;
  private boolean progressStarted;
  // Volatile: an update on another thread must see close() and fail with "is closed".
  private volatile boolean closed;

  /**
   * Checks the maps and finds their context from their owner: the first key or value that knows it
   * ({@link org.edward4j.core.ContextOwned}: a random variable, a variable, a placeholder made by
   * {@code ctx.placeholder}); builds nothing.
   *
   * @param latentVars prior or model variable (or tensor) to its posterior or approximation; may
   *     be empty
   * @param data observed variable (or generated tensor) to its data (a placeholder or a tensor)
   * @throws IllegalArgumentException for nulls, empty maps, tensors of different contexts, or maps
   *     in which no tensor knows its context
   * @throws IllegalStateException if the context of the maps is closed
   */
  protected Inference(
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    this(null, latentVars, data);
  }

  /**
   * Checks the maps against an explicitly given context; builds nothing.
   *
   * @param ctx the context every tensor of the maps belongs to, or null to find it from the maps
   * @param latentVars as {@link #Inference(Map, Map)}
   * @param data as {@link #Inference(Map, Map)}
   * @throws IllegalArgumentException for nulls, empty maps, or tensors of another context
   * @throws IllegalStateException if the context is closed, checked before anything reaches
   *     TensorFlow
   */
  protected Inference(
      ModelContext ctx,
      Map<? extends Operand<?>, ? extends Operand<?>> latentVars,
      Map<? extends Operand<?>, ? extends Operand<?>> data) {
    InferenceData.requireOpen(ctx, latentVars, data);
    this.latentBindings = InferenceData.ordered(latentVars, "latentVars");
    this.latentVars = Collections.unmodifiableMap(latentBindings);
    this.data = Collections.unmodifiableMap(InferenceData.ordered(data, "data"));
    this.ctx = InferenceData.context(ctx, this.latentVars, this.data);
    this.engine = new UpdateEngine(this.ctx, new InferenceFeeds(this.latentVars, this.data));
  }

  /** Initializes with Edward's defaults. */
  public final void initialize() {
    initialize(defaultOptions());
  }

  /**
   * The family's options at Edward's defaults, used by {@link #initialize()} and {@link #run()}.
   *
   * @return the default options
   */
  protected abstract O defaultOptions();

  /**
   * The number of iterations when {@code nIter} is not set: Edward's 1000; a Monte Carlo family
   * returns its number of samples {@code T}. Called once, by {@link #initialize}, before {@link
   * #build}.
   *
   * @return the default number of iterations, at least 1
   */
  protected int defaultNIter() {
    return RunOptions.DEFAULT_N_ITER;
  }

  /**
   * Builds the algorithm's ops: losses, optimizers, the iteration counter, summaries and checks.
   * Call once, before {@link #update}.
   *
   * @param options Edward's {@code initialize} arguments, as the family's options
   * @throws IllegalArgumentException for a bad model, or options that do not fit it
   * @throws IllegalStateException if already initialized, closed, or the context is closed
   */
  public final void initialize(O options) {
    Objects.requireNonNull(options, "options");
    checkNotClosed();
    ctx.checkOpen();
    if (this.options != null) {
      throw new IllegalStateException(getClass().getSimpleName() + " is already initialized");
    }
    RunOptions run = options.run();
    int resolvedNIter = run.nIterOr(defaultNIter());
    engine.start(run);
    building = true;
    try {
      build(options);
    } finally {
      building = false;
    }
    engine.seal(getClass().getSimpleName());
    this.nIter = resolvedNIter;
    this.nPrint = run.nPrintFor(resolvedNIter);
    this.options = options;
    this.progbar = Progbar.builder(nIter).output(run.progressOutput()).build();
  }

  /**
   * Builds the algorithm: its losses and one {@link Step} per side through {@link #addStep}.
   *
   * @param options the options given to {@link #initialize}
   */
  protected abstract void build(O options);

  /**
   * Binds latent variable {@code z} to another approximation while {@link #build} runs, as Edward's
   * {@code initialize(auto_transform=True)} replaces {@code latent_vars[z]} by the approximation
   * mapped back to {@code z}'s support; {@link #latentVars()} then shows the new binding.
   *
   * @param z a key of {@code latentVars}
   * @param qz its new approximation
   * @throws IllegalStateException outside {@link #build}
   * @throws IllegalArgumentException if {@code z} is not a key of {@code latentVars}
   */
  protected final void rebindLatentVariable(Operand<?> z, Operand<?> qz) {
    if (!building) {
      throw new IllegalStateException("latent variables can be rebound only while " + getClass().getSimpleName() + " builds");
    }
    Objects.requireNonNull(qz, "qz");
    if (!latentBindings.containsKey(z)) {
      throw new IllegalArgumentException("`z` must be a key of latentVars, got " + InferenceData.name(z));
    }
    latentBindings.put(z, qz);
  }

  /**
   * Update calls one iteration of {@link #run} makes: 1, or WGAN's {@code nCritic + 1}.
   *
   * @return the update calls per iteration, at least 1
   */
  protected int updatesPerIteration() {
    return 1;
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
   * What a train op for the loss {@code key} must run after (as update ops of its optimizer): with
   * {@code debug} on, the loss's NaN/Inf check, so a non-finite loss stops the step before it writes
   * any variable; otherwise nothing. Call in {@link #build} with the loss of the step reported as
   * {@code key}.
   */
  final List<Op> numericGate(String key, Operand<TFloat32> loss) {
    return engine.numericGate(key, loss);
  }

  /**
   * With {@code debug} on, a NaN/Inf check of each gradient applied for the loss {@code key}, for
   * the train op to wait on as on {@link #numericGate}; otherwise nothing.
   */
  final List<Op> gradientGate(String key, List<GradientAndVariable> gradsAndVars) {
    return engine.gradientGate(key, gradsAndVars);
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
  public UpdateInfo update(Map<? extends Operand<?>, ?> feedDict, Side side) {
    checkInitialized();
    Objects.requireNonNull(feedDict, "feedDict");
    return engine.update(feedDict, side, getClass().getSimpleName(), this::isReport);
  }

  /**
   * Runs inference with Edward's defaults: {@link #initialize()} if needed, resets the variables,
   * then {@code nIter} iterations with progress, then {@link #finish()}.
   */
  public final void run() {
    run(options == null ? defaultOptions() : options, Map::of);
  }

  /**
   * Runs inference: initializes with {@code options}, resets every variable to its initial value
   * (unless {@code initializeVariables(false)}), runs {@code nIter} iterations with progress, and
   * finishes.
   *
   * @param options Edward's {@code initialize} arguments
   */
  public final void run(O options) {
    run(options, Map::of);
  }

  /**
   * Runs inference, asking for a fresh feed dictionary (a minibatch) before each iteration.
   *
   * @param options Edward's {@code initialize} arguments
   * @param feeds supplies each iteration's feed dictionary
   */
  public final void run(O options, Supplier<? extends Map<? extends Operand<?>, ?>> feeds) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(feeds, "feeds");
    checkNotClosed();
    if (this.options == null) {
      initialize(options);
    } else if (options != this.options) {
      throw new IllegalStateException(
          getClass().getSimpleName() + " is already initialized; call run() without options");
    }
    if (options.run().initializeVariables()) {
      engine.resetAllVariables();
    }
    // Progress counts iterations, not update calls (WGAN makes nCritic + 1 calls per iteration).
    long done = engine.t() / updatesPerIteration();
    for (int i = 1; i <= nIter; i++) {
      UpdateInfo info = runIteration(feeds.get());
      printProgress(new UpdateInfo(done + i, info.values()));
    }
    finish();
  }

  /**
   * One iteration of {@link #run}: one {@link #update}; WGAN adds its critic updates. Makes {@link
   * #updatesPerIteration()} update calls.
   *
   * @param feedDict the iteration's feeds
   * @return what the last update returned, with the losses of every side
   */
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
    if (!progressStarted) {
      progressStarted = true;
      if (info.t() > 1) {
        // A run resumed at step t0 first reports t0 + 1: its rate counts only its own iterations.
        progbar.resumeFrom(Math.min(info.t() - 1, nIter));
      }
    }
    if (isReport(info.t()) || (nPrint != 0 && info.t() == nIter)) {
      Map<String, Double> shown = new LinkedHashMap<>();
      for (Step s : engine.steps()) {
        shown.put(s.label(), info.values().getOrDefault(s.key(), 0.0));
      }
      progbar.update(info.t(), shown, true);
    }
  }

  /**
   * Edward's {@code inference.finalize()}: flushes and closes the TensorBoard writer and frees the
   * feed buffers. Updating again afterwards still works (the feed buffers are made anew), as in
   * Edward. Named {@code finish} so as not to override {@link Object}'s finalizer. Releases only
   * what the inference owns, so it may be called after its context was closed.
   */
  public void finish() {
    engine.close();
  }

  /**
   * Finishes the inference and makes any further use throw {@link IllegalStateException}. May be
   * called more than once. Closes nothing the inference does not own: the graph's ops and
   * variables stay in its {@link ModelContext}.
   */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      engine.closeForever();
    }
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
  public java.util.Optional<O> options() {
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
  public List<Variable<?>> trainedVariables(Side side) {
    checkInitialized();
    TrainStep trained = engine.step(side, getClass().getSimpleName()).trainStep();
    return trained == null ? List.of() : trained.variables();
  }

  /** The steps built, in order. */
  protected final List<Step> steps() {
    return engine.steps();
  }

  /**
   * The number of iterations {@link #run} performs: {@code nIter} if set, else the family's
   * default.
   *
   * @return the number of iterations in force
   * @throws IllegalStateException before {@link #initialize}
   */
  public int nIter() {
    checkInitialized();
    return nIter;
  }

  /**
   * The iterations between progress reports and summaries: {@code nPrint} if set, else {@code
   * nIter / 100}; 0 for none.
   *
   * @return the iterations between reports in force
   * @throws IllegalStateException before {@link #initialize}
   */
  public int nPrint() {
    checkInitialized();
    return nPrint;
  }

  /** The Edward-default log interval check: at {@code t == 1} and every {@code nPrint}. */
  private boolean isReport(long step) {
    return nPrint != 0 && (step == 1 || step % nPrint == 0);
  }

  private void checkNotClosed() {
    if (closed) {
      throw new IllegalStateException(getClass().getSimpleName() + " is closed");
    }
  }

  /** Throws unless initialized and not closed. */
  protected final void checkInitialized() {
    checkNotClosed();
    if (options == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " is not initialized: call initialize(...) first");
    }
    ctx.checkOpen();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + InferenceData.describe(latentVars, data)
        + (closed ? ", closed" : options != null ? ", t=" + engine.t() + ", nIter=" + nIter : ", not initialized") + ")";
  }
}
