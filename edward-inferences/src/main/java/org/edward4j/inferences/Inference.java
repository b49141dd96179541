package org.edward4j.inferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.core.optimizers.TrainStep;
import org.edward4j.core.progress.Progbar;
import org.edward4j.core.summaries.EventWriter;
import org.edward4j.core.variables.Initializers;
import org.edward4j.core.variables.Variable;
import org.edward4j.core.variables.VariableSpec;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
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

  private final List<Step> steps = new ArrayList<>();
  private final Map<Output<?>, String> requiredFeeds;
  private final Map<String, Operand<TFloat32>> checkedLosses = new LinkedHashMap<>();
  private InferenceOptions options;
  private Variable<TInt64> iteration;
  private Operand<TInt64> incrementIteration;
  private long t;
  private Progbar progbar;
  private EventWriter events;
  private Feeds feeds;

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
    this.requiredFeeds = placeholders(this.latentVars, this.data);
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
    this.iteration = ctx.rootScope().getVariable(
        VariableSpec.of(uniqueName("iteration"), Shape.scalar(), TInt64.class)
            .withInitializer(Initializers.zeros())
            .withTrainable(false));
    if (options.logdir() != null) {
      events = openEvents(options);
    }
    build(options);
    if (steps.isEmpty()) {
      throw new IllegalStateException(getClass().getSimpleName() + ".build added no training step");
    }
    Ops tf = ctx.opsAt("");
    // t counts update calls whichever side runs, so its increment has no dependency on a step.
    Op assign = tf.assignAddVariableOp(iteration.handle(), tf.constant(1L));
    this.incrementIteration = tf.withControlDependencies(List.of(assign)).readVariableOp(iteration.handle(), TInt64.class);
    for (Step s : steps) {
      Operand<TFloat32> loss = s.loss();
      if (options.debug()) {
        loss = tf.debugging.checkNumerics(loss, checkTag(s.key()));
      }
      checkedLosses.put(s.key(), loss);
      if (events != null) {
        events.scalar(s.side() == Variables.DISC ? "loss/discriminative" : "loss", s.loss());
      }
    }
    this.t = 0;
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
    Objects.requireNonNull(step, "step");
    for (Step s : steps) {
      if (s.key().equals(step.key())) {
        throw new IllegalStateException("two steps report `" + step.key() + "`");
      }
    }
    steps.add(step);
  }

  /**
   * Logs a histogram to TensorBoard at each report, when a log directory is set.
   *
   * @param tag the tag
   * @param values any numeric tensor
   */
  protected final void logHistogram(String tag, Operand<? extends TNumber> values) {
    if (events != null) {
      events.histogram(tag, values);
    }
  }

  /** One update of every side, feeding nothing beyond the data bound at construction. */
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
    List<Step> chosen = new ArrayList<>();
    for (Step s : steps) {
      if (side == null || s.side() == side) {
        chosen.add(s);
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " has no `" + side.scope() + "` side to update");
    }
    Feeds f = feeds();
    f.clear();
    f.putAll(feedDict);
    checkRequiredFeeds(f);
    long next = t + 1;
    Session.Runner runner = f.feed(ctx.session().runner());
    chosen.forEach(s -> runner.addTarget(s.train()));
    runner.fetch(incrementIteration);
    chosen.forEach(s -> runner.fetch(checkedLosses.get(s.key())));
    boolean log = events != null && isReport(next);
    TInt64 stepTensor = log ? TInt64.scalarOf(next) : null;
    try {
      if (log) {
        events.addTo(runner, stepTensor);
      }
      try (Result r = ctx.run(runner)) {
        t = ((TInt64) r.get(0)).getLong();
        Map<String, Double> values = new LinkedHashMap<>();
        steps.forEach(s -> values.put(s.key(), 0.0));
        for (int i = 0; i < chosen.size(); i++) {
          values.put(chosen.get(i).key(), (double) ((TFloat32) r.get(i + 1)).getFloat());
        }
        return new UpdateInfo(t, values);
      }
    } catch (TFInvalidArgumentException e) {
      for (Step s : chosen) {
        if (options.debug() && String.valueOf(e.getMessage()).contains(checkTag(s.key()))) {
          t = next;
          throw new NonFiniteLossException(s.key(), next, e);
        }
      }
      throw e;
    } finally {
      if (stepTensor != null) {
        stepTensor.close();
      }
    }
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
      resetAllVariables();
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
   * Prints progress at {@code t == 1} and every {@code nPrint} iterations, as Edward does.
   *
   * @param info what {@link #update} returned
   */
  public void printProgress(UpdateInfo info) {
    checkInitialized();
    Objects.requireNonNull(info, "info");
    if (isReport(info.t())) {
      Map<String, Double> shown = new LinkedHashMap<>();
      for (Step s : steps) {
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
    if (events != null) {
      events.close();
      events = null;
    }
    if (feeds != null) {
      feeds.close();
      feeds = null;
    }
  }

  /** Resets {@code t} to 0 and the optimizers' state, as running Edward's {@code inference.reset}. */
  public void reset() {
    checkInitialized();
    Session.Runner runner = ctx.session().runner().addTarget(iteration.initializer());
    for (Variable<?> v : ctx.variables().all()) {
      if (!v.isTrainable() && isOptimizerState(v)) {
        runner.addTarget(v.initializer());
      }
    }
    ctx.run(runner).close();
    t = 0;
  }

  /** The number of {@link #update} calls so far. */
  public long iteration() {
    return t;
  }

  /** The iteration counter variable ({@code t}). */
  public Variable<TInt64> iterationVariable() {
    checkInitialized();
    return iteration;
  }

  /** The options given to {@link #initialize}, or empty before. */
  public java.util.Optional<InferenceOptions> options() {
    return java.util.Optional.ofNullable(options);
  }

  /** The model context. */
  public ModelContext context() {
    return ctx;
  }

  /** The latent-variable map, ordered by key name. */
  public Map<Operand<?>, Operand<?>> latentVars() {
    return latentVars;
  }

  /** The data map, ordered by key name. */
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
    for (Step s : steps) {
      if (s.key().equals(key)) {
        return s.loss();
      }
    }
    throw new IllegalArgumentException("no loss `" + key + "`; this inference reports " + checkedLosses.keySet());
  }

  /**
   * The op one update runs for a loss's step, e.g. to drive the graph from a hand-written loop.
   *
   * @param key e.g. {@code "loss"} or {@code "loss_d"}
   * @return the training op
   */
  public Op trainOp(String key) {
    checkInitialized();
    for (Step s : steps) {
      if (s.key().equals(key)) {
        return s.train();
      }
    }
    throw new IllegalArgumentException("no step `" + key + "`; this inference reports " + checkedLosses.keySet());
  }

  /**
   * The variables one side trains, Edward's {@code var_list} and {@code var_list_d}.
   *
   * @param side the side, or {@code null} for an inference with a single step
   * @return the variables, in order
   */
  public List<Variable<?>> trainedVariables(Variables side) {
    checkInitialized();
    for (Step s : steps) {
      if (s.side() == side) {
        return s.trainStep().variables();
      }
    }
    throw new IllegalArgumentException(getClass().getSimpleName() + " has no step for side " + side);
  }

  /** The steps built, in order. */
  protected final List<Step> steps() {
    return Collections.unmodifiableList(steps);
  }

  /** The Edward-default log interval check: at {@code t == 1} and every {@code nPrint}. */
  private boolean isReport(long step) {
    int nPrint = options.nPrint();
    return nPrint != 0 && (step == 1 || step % nPrint == 0);
  }

  private void resetAllVariables() {
    Session.Runner runner = ctx.session().runner();
    ctx.variables().all().forEach(v -> runner.addTarget(v.initializer()));
    ctx.run(runner).close();
    t = 0;
  }

  private boolean isOptimizerState(Variable<?> v) {
    for (Step s : steps) {
      if (s.trainStep().slots().contains(v)) {
        return true;
      }
    }
    return false;
  }

  private Feeds feeds() {
    if (feeds == null) {
      feeds = new Feeds();
    }
    return feeds;
  }

  private void checkRequiredFeeds(Feeds f) {
    Map<Output<?>, ?> fed = f.asMap();
    for (Map.Entry<Output<?>, String> required : requiredFeeds.entrySet()) {
      if (!fed.containsKey(required.getKey())) {
        throw new IllegalArgumentException(
            "`feedDict` must give a value for placeholder " + required.getKey().op().name() + " (bound in `"
                + required.getValue() + "`)");
      }
    }
  }

  /** The placeholders bound in the maps, which every update must feed. */
  private static Map<Output<?>, String> placeholders(
      Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    Map<Output<?>, String> out = new LinkedHashMap<>();
    for (Map<Operand<?>, Operand<?>> m : List.of(latentVars, data)) {
      for (Map.Entry<Operand<?>, Operand<?>> e : m.entrySet()) {
        for (Operand<?> x : List.of(e.getKey(), e.getValue())) {
          if (InferenceData.isPlaceholder(x)) {
            out.putIfAbsent(x.asOutput(), m == data ? "data" : "latentVars");
          }
        }
      }
    }
    return out;
  }

  private EventWriter openEvents(InferenceOptions options) {
    Path dir = options.logdir();
    if (options.logTimestamp()) {
      dir = dir.resolve(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(LocalDateTime.now(ZoneOffset.UTC)));
    }
    try {
      return EventWriter.create(ctx, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create log directory " + dir, e);
    }
  }

  private String uniqueName(String base) {
    String name = base;
    for (int i = 1; ctx.variables().get(name).isPresent(); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static String checkTag(String key) {
    return "edward4j numeric check of `" + key + "`";
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
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("(");
    if (!latentVars.isEmpty()) {
      sb.append("latentVars=").append(names(latentVars)).append(", ");
    }
    sb.append("data=").append(names(data));
    if (options != null) {
      sb.append(", t=").append(t).append(", nIter=").append(options.nIter());
    } else {
      sb.append(", not initialized");
    }
    return sb.append(")").toString();
  }

  private static String names(Map<Operand<?>, Operand<?>> m) {
    StringBuilder sb = new StringBuilder("{");
    m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(InferenceData.name(k)).append("->").append(InferenceData.name(v)));
    return sb.append("}").toString();
  }
}
